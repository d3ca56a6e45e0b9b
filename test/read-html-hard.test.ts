// Hard cases met on real pages, each as a small original fixture: furniture inside the article block.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readArticleFile } from "../indexer/read/index.js";
import { cleanByline } from "../indexer/read/html.js";
import { isBoilerplate } from "../indexer/boilerplate.js";
import { blockTexts } from "../indexer/read/html-blocks.js";
import { load } from "cheerio/slim";
import type { AnyNode } from "domhandler";

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/read/${name}`, import.meta.url));
const texts = (html: string): string[] => blockTexts(load(html).root()[0] as AnyNode);

describe("read › html hard cases", () => {
  let paragraphs: string[] = [];

  before(async () => {
    const result = await readArticleFile(fixture("furniture.html"));
    assert.ok(result.ok, result.ok ? "" : result.reason);
    paragraphs = result.articles[0]?.paragraphs ?? [];
  });

  it("keeps the article whose wrapper's classes contain furniture words (tag-…)", () => {
    assert.equal(paragraphs.length, 4, paragraphs.join("\n"));
    assert.match(paragraphs[0] ?? "", /^Agnes Polwarth climbed/);
    assert.match(paragraphs[3] ?? "", /perfectly polite\.”$/);
  });

  it("drops a leftover byline, an 'Updated' stamp, picture credits and a related-links list", () => {
    const all = paragraphs.join("\n");
    for (const junk of ["By Dana", "Updated:", "AP Photo", "Getty Images", "Harbour wall repairs", "You may also like"]) {
      assert.ok(!all.includes(junk), `"${junk}" leaked into the body`);
    }
  });

  it("keeps a sentence that merely starts with 'By'", () => {
    assert.equal(isBoilerplate("By Tuesday the water had gone down."), false);
    assert.equal(isBoilerplate("By Ann de la Cruz and Tom Reyes"), true);
  });

  it("keeps a paragraph that contains a link among its words", () => {
    assert.deepEqual(texts('<div><p>The <a href="/r">report</a> was published on Monday by the council.</p></div>'), [
      "The report was published on Monday by the council.",
    ]);
  });

  it("splits <br> lines into paragraphs and keeps inline runs between blocks", () => {
    assert.deepEqual(texts("<div>Lead line<p>First.</p>Loose text<br>after a break</div>"), ["Lead line", "First.", "Loose text", "after a break"]);
  });

  it("cuts a byline at its date and refuses one that is only a date", () => {
    assert.equal(cleanByline("By Pat Lind\n   March 3, 2026"), "Pat Lind");
    assert.equal(cleanByline("by Pat Lind03 Mar 2026"), "Pat Lind");
    assert.equal(cleanByline("April 28, 2026 at 6:01 am"), undefined);
  });
});
