// Hard cases met on real pages, each as a small original fixture: furniture inside the article block.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readArticleFile } from "../indexer/read/index.js";
import { cleanByline, parseHtml } from "../indexer/read/html.js";
import { isoDate } from "../indexer/read/ids.js";
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

  it("drops the headline repeated after a section label, and never a first paragraph in a script without case", () => {
    const body = "<p>Harbour news</p><h1>Tides rise early this spring</h1>" + "<p>The harbour master posted new tide tables on the quay wall this morning for all crews.</p>".repeat(6);
    const en = parseHtml(`<html><head><title>Tides rise early this spring</title></head><body><article>${body}</article></body></html>`, "t.html");
    assert.deepEqual(en?.paragraphs.slice(0, 2), ["Harbour news", "The harbour master posted new tide tables on the quay wall this morning for all crews."]);
    const zh = "<p>港口今天早上公布了新的潮汐表，所有船员都要查看。</p>".repeat(12);
    const article = parseHtml(`<html><head><title>潮汐提前</title></head><body><article>${zh}</article></body></html>`, "z.html");
    assert.equal(article?.paragraphs.length, 12);
  });

  it("keeps an embedded social post (what a quoted person posted) out of its share-widget wrapper", () => {
    const para = "<p>The county fair opened its gates on Thursday with a record number of vegetable entries and a new tent for the brass bands.</p>";
    const post = `<div class="social-embed"><blockquote class="twitter-tweet"><p>Biggest marrow I have ever seen, and I have judged this show for thirty years</p>— Judge Alma Cole (@almacole) August 6, 2026</blockquote><script src="widgets.js"></script></div>`;
    const article = parseHtml(`<html><head><title>Fair opens</title></head><body><article>${para.repeat(3)}${post}${para.repeat(2)}</article></body></html>`, "f.html");
    const all = article?.paragraphs.join("\n") ?? "";
    assert.ok(all.includes("Biggest marrow I have ever seen"), all);
  });

  it("falls back to JSON-LD articleBody when the page renders its body with scripts", () => {
    const ld = JSON.stringify({ "@type": "NewsArticle", headline: "Scripted page", articleBody: "First line of the body.\nSecond line of the body." });
    const article = parseHtml(`<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app"></div></body></html>`, "s.html");
    assert.equal(article?.title, "Scripted page");
    assert.deepEqual(article?.paragraphs, ["First line of the body.", "Second line of the body."]);
  });

  it("normalises a publication time written with a space to ISO 8601", () => {
    assert.equal(isoDate("2026-02-01 01:28:49"), "2026-02-01T01:28:49");
    assert.equal(isoDate("not a date"), undefined);
    assert.equal(isoDate("Tue, 03 Mar 2026 10:00:00 GMT"), "2026-03-03T10:00:00.000Z");
  });

  it("cuts a byline at its date and refuses one that is only a date", () => {
    assert.equal(cleanByline("By Pat Lind\n   March 3, 2026"), "Pat Lind");
    assert.equal(cleanByline("by Pat Lind03 Mar 2026"), "Pat Lind");
    assert.equal(cleanByline("April 28, 2026 at 6:01 am"), undefined);
  });
});
