// Hostile text in the index reaches the page only as text: highlights are the one HTML the page inserts.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { buildPage } from "../../scripts/build-page.js";
import { launchBrowser, type TestBrowser } from "../helpers/browser.js";
import { loadSample } from "../helpers/sample.js";
import { startService, type TestService } from "../helpers/service.js";

describe("search page with hostile text (Chromium)", function () {
  this.timeout(120_000);
  let browser: TestBrowser;
  let service: TestService;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    await buildPage();
    service = await startService();
    await loadSample(service.index);
  });
  after(async () => {
    await browser?.close();
    await service?.close();
  });

  it("shows markup from an article as text and runs none of it", async () => {
    page = await browser.newPage();
    let dialogs = 0;
    page.on("dialog", (d) => { dialogs++; void d.dismiss(); });
    await page.goto(`${service.url}/?q=promenade&type=all`);
    const card = page.locator(".hits > li", { hasText: "promenade" });
    await card.waitFor();
    assert.ok((await card.innerText()).includes("<img src=x onerror=alert(1)>"), "the tag shows as text");
    assert.equal(await page.locator(".hits img").count(), 0, "no element was created from it");
    assert.ok((await card.locator("mark").allInnerTexts()).some((m) => /promenade/i.test(m)), "the highlight is still there");
    assert.equal(dialogs, 0);
    await page.close();
  });
});
