// The search page in a real headless Chromium against the real service, Meilisearch and the indexed seeds.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { buildPage } from "../../scripts/build-page.js";
import { launchBrowser, type TestBrowser } from "../helpers/browser.js";
import { testMeili } from "../helpers/meili.js";
import { startSite, type Site } from "./site.js";

interface ApiHit {
  id: string;
  type: string;
  text: string;
  speaker?: string | null;
  articleId: string;
  publishedAt?: string;
}
interface ApiSearch {
  hits: ApiHit[];
  totalHits: number;
  totalPages: number;
  facets: { speaker?: Record<string, number> };
}

describe("search page (Chromium)", function () {
  this.timeout(120_000);
  let site: Site;
  let browser: TestBrowser;
  let page: Page;

  /** Ask the real API directly (Node side), to know what the page should show. */
  async function api(query: string): Promise<ApiSearch> {
    const res = await fetch(`${site.url}/api/search?${query}`);
    assert.equal(res.status, 200, `GET /api/search?${query} -> ${res.status}`);
    return (await res.json()) as ApiSearch;
  }

  /** A word of at least 5 letters from the newest quote: certain to have hits. */
  async function wordFromSeeds(): Promise<string> {
    const { hits } = await api("q=&type=quote&sort=newest&hitsPerPage=5");
    for (const hit of hits) {
      const word = hit.text.split(/[^\p{L}]+/u).find((w) => w.length >= 5);
      if (word) return word.toLowerCase();
    }
    throw new Error("the seeds have no quote with a word of 5 letters");
  }

  const statusText = () => page.locator(".stats").innerText();
  const hitCount = async () => Number((await statusText()).replace(/[^\d].*$/s, ""));
  /** Wait until the page shows the answer for its current state (not an older one, not "Searching…"). */
  async function settled() {
    await page.waitForFunction(() => {
      const main = document.querySelector("main");
      const s = document.querySelector(".stats")?.textContent ?? "";
      return main?.getAttribute("aria-busy") === "false" && main.dataset.shown === main.dataset.state && s !== "" && s !== "Searching…";
    });
  }
  /** Press Tab until the focused element matches `selector` (proves it is reachable by keyboard). */
  async function tabTo(selector: string, max = 120) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    }
    throw new Error(`${selector} not reached with Tab`);
  }

  before(async () => {
    browser = await launchBrowser(); // first: fails fast and clearly when Chromium is missing
    await buildPage();
    site = await startSite();
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });
  let pageErrors: string[] = [];
  beforeEach(async () => {
    pageErrors = [];
    page = await browser.newPage({ width: 1280, height: 900 });
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) pageErrors.push(m.text()); });
  });
  afterEach(async () => {
    await page?.close();
    assert.deepEqual(pageErrors, [], "no uncaught errors in the page");
  });

  describe("browse mode (empty query)", () => {
    it("shows the newest quotes with their speakers", async () => {
      await page.goto(`${site.url}/`);
      await settled();
      const expected = await api("q=&type=quote&sort=newest&page=1&hitsPerPage=10");
      assert.equal(await hitCount(), expected.totalHits);
      const types = await page.locator(".hits > li").evaluateAll((els) => els.map((e) => e.getAttribute("data-type")));
      assert.ok(types.length > 0 && types.every((t) => t === "quote"), `only quotes: ${types.join(",")}`);
      assert.equal(await page.locator(".hits .speaker").first().innerText(), expected.hits[0]?.speaker ?? "Unattributed");
    });
  });

  describe("typing a query", () => {
    it("shows highlighted hits and puts the query in the URL", async () => {
      const word = await wordFromSeeds();
      await page.goto(`${site.url}/`);
      await settled();
      await page.locator("#q").pressSequentially(word, { delay: 30 });
      await page.waitForURL((u) => u.searchParams.get("q") === word);
      await settled();
      assert.equal(await page.locator("h1").innerText(), `Results for “${word}”`);
      assert.ok((await hitCount()) > 0);
      const marks = await page.locator(".hits mark").allInnerTexts();
      assert.ok(marks.length > 0, "matches are highlighted");
      assert.ok(marks.some((m) => m.toLowerCase().includes(word.slice(0, 4))), `marks ${marks.join("|")} show ${word}`);
    });

    it("never lets a slow answer to an older query replace the newer one", async () => {
      const word = await wordFromSeeds();
      await page.goto(`${site.url}/`);
      await settled();
      // Hold back the real answer for the first query so it arrives after the second one.
      await page.route(/\/api\/search\?.*q=zzzz/, async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue().catch(() => undefined); // aborted by the page: that is the point
      });
      await page.locator("#q").fill("zzzz");
      await page.waitForURL((u) => u.searchParams.get("q") === "zzzz");
      await page.locator("#q").fill(word);
      await page.waitForURL((u) => u.searchParams.get("q") === word);
      await settled();
      await page.waitForTimeout(1800);
      assert.equal(await page.locator("h1").innerText(), `Results for “${word}”`);
      assert.ok((await hitCount()) > 0, "still showing the newer query's hits");
    });
  });

  describe("speaker facet", () => {
    it("ticking a speaker filters to their quotes; a second speaker adds to them", async () => {
      const browse = await api("q=&type=quote&sort=newest");
      const [a, b] = Object.entries(browse.facets.speaker ?? {}).sort((x, y) => y[1] - x[1]);
      assert.ok(a && b, "the seeds quote at least two speakers");
      await page.goto(`${site.url}/`);
      await settled();
      await page.locator(`[data-facet="speaker"] label`, { hasText: a[0] }).locator("input").check();
      await page.waitForURL((u) => u.searchParams.getAll("speaker").join() === a[0]);
      await settled();
      assert.equal(await hitCount(), a[1]);
      const onlyA = await page.locator(".hits .speaker").allInnerTexts();
      assert.ok(onlyA.length > 0 && onlyA.every((s) => s === a[0]), `only ${a[0]}: ${onlyA.join(",")}`);
      await page.locator(`[data-facet="speaker"] label`, { hasText: b[0] }).locator("input").check();
      await page.waitForURL((u) => u.searchParams.getAll("speaker").length === 2);
      await settled();
      const both = await hitCount();
      assert.ok(both > a[1] && both <= a[1] + b[1], `${both} hits for ${a[0]} (${a[1]}) or ${b[0]} (${b[1]})`);
      const speakers = new Set(await page.locator(".hits .speaker").allInnerTexts());
      assert.ok([...speakers].every((s) => s === a[0] || s === b[0]), [...speakers].join(","));
      assert.equal(await page.locator(".chip", { hasText: "Speaker:" }).count(), 2, "two removable chips");
    });

    it("the name box finds a speaker by surname and ticks them", async () => {
      const browse = await api("q=&type=quote&sort=newest");
      const names = Object.keys(browse.facets.speaker ?? {});
      const name = names.find((n) => n.includes(" "));
      assert.ok(name, "a speaker with a first name and a surname");
      const surname = name.split(" ").at(-1) ?? "";
      await page.goto(`${site.url}/`);
      await settled();
      await page.locator(".facet-search").fill(surname.toLowerCase());
      const found = page.locator(`[data-facet="speaker"] label`, { hasText: name });
      await found.waitFor();
      await found.locator("input").check();
      await page.waitForURL((u) => u.searchParams.getAll("speaker").join() === name);
      await settled();
      const speakers = new Set(await page.locator(".hits .speaker").allInnerTexts());
      assert.deepEqual([...speakers], [name]);
    });
  });

  describe("state in the URL", () => {
    it("a shared link with filters, sort and page restores the same view, also after reload and back", async () => {
      const browse = await api("q=&type=quote&sort=newest");
      const [speaker] = Object.keys(browse.facets.speaker ?? {});
      assert.ok(speaker);
      const link = `/?type=quote&speaker=${encodeURIComponent(speaker)}&sort=oldest`;
      await page.goto(`${site.url}${link}`);
      await settled();
      const check = async () => {
        assert.ok(await page.locator(`[data-facet="speaker"] label`, { hasText: speaker }).locator("input").isChecked());
        assert.equal(await page.locator(".sort select").inputValue(), "oldest");
        assert.equal(await page.locator(".chip", { hasText: `Speaker: ${speaker}` }).count(), 1);
        const expected = await api(`q=&type=quote&speaker=${encodeURIComponent(speaker)}&sort=oldest&hitsPerPage=10`);
        assert.equal(await hitCount(), expected.totalHits);
        assert.deepEqual(await page.locator(".hits blockquote").allInnerTexts().then((t) => t.length), expected.hits.length);
      };
      await check();
      await page.reload();
      await settled();
      await check();
      // Change the view, then go back: the earlier view comes back.
      await page.locator(".sort select").selectOption("newest");
      await page.waitForURL((u) => u.searchParams.get("sort") === "newest");
      await settled();
      await page.goBack();
      await page.waitForURL((u) => u.searchParams.get("sort") === "oldest");
      await settled();
      await check();
    });
  });

  describe("a link past the last page", () => {
    it("says so and offers the last page", async () => {
      const { totalPages } = await api("q=&type=quote&sort=newest&hitsPerPage=10");
      await page.goto(`${site.url}/?page=999`);
      await settled();
      await page.getByRole("link", { name: "Go to the last page" }).click();
      await page.waitForURL((u) => u.searchParams.get("page") === String(totalPages) || (totalPages === 1 && !u.searchParams.has("page")));
      await settled();
      assert.ok((await page.locator(".hits > li").count()) > 0);
    });
  });

  describe("date range", () => {
    it("keeps only hits published on or after the chosen day, shown as a chip", async () => {
      const { hits } = await api("q=&type=quote&sort=newest&hitsPerPage=1");
      const newest = hits[0]?.publishedAt?.slice(0, 10);
      assert.ok(newest, "the newest quote has a date");
      await page.goto(`${site.url}/`);
      await settled();
      await page.locator('input[name="from"]').fill(newest);
      await page.waitForURL((u) => u.searchParams.get("from") === newest);
      await settled();
      assert.equal(await page.locator(".chip", { hasText: `From ${newest}` }).count(), 1);
      const dates = await page.locator(".hits time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
      assert.ok(dates.length > 0 && dates.every((d) => d.slice(0, 10) >= newest), dates.join(","));
    });
  });

  describe("article view", () => {
    it("opens the article with the hit's paragraph highlighted and in view", async () => {
      await page.setViewportSize({ width: 1280, height: 500 });
      const word = await wordFromSeeds();
      await page.goto(`${site.url}/?q=${encodeURIComponent(word)}&type=quote`);
      await settled();
      const quote = (await page.locator(".hits blockquote").first().innerText()).replace(/^“|”$/g, "");
      await page.locator(".hits .hit-title").first().click();
      await page.waitForURL(/\/article\//);
      const hit = page.locator(".para-hit");
      await hit.waitFor();
      assert.equal(await page.locator(".para-hit").count(), 1);
      assert.ok((await hit.locator("mark").innerText()).toLowerCase().includes(quote.slice(0, 20).toLowerCase()), "the quote is marked in its paragraph");
      const box = await hit.boundingBox();
      assert.ok(box && box.y < 500 && box.y + Math.min(box.height, 100) > 0, "the paragraph is scrolled into view");
      assert.ok(await page.evaluate(() => document.activeElement?.classList.contains("para-hit")), "focus is on the hit");
      await page.locator(".back").click();
      await page.waitForURL((u) => u.pathname === "/" && u.searchParams.get("q") === word);
    });
  });

  describe("when the API fails", () => {
    it("shows a polite message and recovers once the service answers again", async () => {
      await page.route("**/api/search?**", (route) =>
        route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "unavailable", message: "Search is temporarily unavailable" } }) }),
      );
      await page.goto(`${site.url}/?q=anything`);
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert.match(await alert.innerText(), /unavailable right now/);
      assert.equal(await page.locator(".hits").count(), 0);
      await page.unroute("**/api/search?**");
      await page.goto(`${site.url}/`); // fresh load while the service is up again
      await settled();
      await page.route("**/api/search?**", (route) => route.fulfill({ status: 503, contentType: "application/json", body: "{}" }));
      await page.locator("#q").fill("second");
      await alert.waitFor();
      await page.unroute("**/api/search?**");
      await page.getByRole("button", { name: "Try again" }).click();
      await page.getByRole("alert").waitFor({ state: "detached", timeout: 3_000 }); // before the page's own retry
      await settled();
      assert.equal(await page.locator(".stats").innerText().then((t) => /result|No results/.test(t)), true);
    });
  });

  describe("when Meilisearch goes down for real", () => {
    it("says so politely, and the page recovers by itself after it restarts", async () => {
      const word = await wordFromSeeds();
      await page.goto(`${site.url}/`);
      await settled();
      const meili = await testMeili();
      await meili.stop();
      try {
        await page.locator("#q").fill(word);
        const alert = page.getByRole("alert");
        await alert.waitFor({ timeout: 15_000 });
        assert.match(await alert.innerText(), /unavailable right now/);
      } finally {
        await meili.restart();
      }
      // No click: the page retries on its own while the service is down.
      await page.getByRole("alert").waitFor({ state: "detached", timeout: 20_000 });
      await settled();
      assert.ok((await hitCount()) > 0, "hits are back");
    });
  });

  describe("keyboard only", () => {
    it("search box, a facet, the sort menu and pagination all work without a mouse", async () => {
      const word = await wordFromSeeds();
      await page.goto(`${site.url}/?type=all`);
      await settled();
      await tabTo("#q");
      await page.keyboard.type(word);
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.searchParams.get("q") === word);
      await settled();
      await tabTo(".sort select");
      await page.keyboard.press("ArrowDown"); // relevance -> newest
      await page.waitForURL((u) => u.searchParams.get("sort") === "newest");
      await settled();
      await tabTo(`[data-facet="type"] input`);
      await page.keyboard.press("Space");
      await page.waitForURL((u) => u.searchParams.getAll("type").length === 1);
      await settled();
      assert.equal(await page.locator(".chip", { hasText: "Type:" }).count(), 1);
      // Remove the chip by keyboard, then page through browse mode.
      await tabTo(".chip");
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => !u.searchParams.has("type"));
      await settled();
      await page.goto(`${site.url}/?type=all`);
      await settled();
      const pages = (await api("q=&sort=newest&hitsPerPage=10")).totalPages;
      assert.ok(pages > 1, "the seeds fill more than one page");
      await tabTo(`.pagination a[rel="next"]`);
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.searchParams.get("page") === "2");
      await settled();
      assert.equal(await page.locator(`.pagination [aria-current="page"]`).innerText(), "2");
      assert.ok(await page.evaluate(() => document.activeElement?.tagName === "H1"), "focus moves to the results heading");
    });
  });

  describe("layout", () => {
    it("fits 360 px and a desktop, in light and dark; screenshots go to test-results/", async () => {
      const word = await wordFromSeeds();
      await mkdir("test-results", { recursive: true });
      for (const [name, width] of [["desktop", 1280], ["360px", 360]] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${site.url}/?q=${encodeURIComponent(word)}`);
        await settled();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no sideways scrolling at ${width}px (${overflow}px too wide)`);
        const sticking = await page.evaluate(() => {
          const edge = document.querySelector(".masthead")?.getBoundingClientRect().right ?? 0;
          return [".search-form", ".results-bar", ".hits", ".pagination"]
            .filter((sel) => (document.querySelector(sel)?.getBoundingClientRect().right ?? 0) > edge + 1);
        });
        assert.deepEqual(sticking, [], `nothing sticks out of the page margins at ${width}px`);
        await page.screenshot({ path: `test-results/search-${name}.png`, fullPage: true });
      }
      await page.emulateMedia({ colorScheme: "dark" });
      await page.screenshot({ path: "test-results/search-360px-dark.png", fullPage: true });
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.notEqual(bg, "rgb(251, 250, 247)", "dark scheme changes the background");
    });
  });
});
