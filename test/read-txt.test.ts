// Reading .txt articles: front matter, one paragraph per line, derived titles, boilerplate lines dropped.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readArticleFile } from "../indexer/read/index.js";
import { parseTxt, splitFrontMatter } from "../indexer/read/txt.js";
import { deriveTitle } from "../indexer/read/ids.js";

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/read/${name}`, import.meta.url));

describe("read › txt", () => {
  it("takes title, source, url, date and author from front matter", async () => {
    const result = await readArticleFile(fixture("harbour.txt"));
    assert.ok(result.ok);
    const [article] = result.articles;
    assert.equal(article?.title, "Harbour ferry returns after winter repairs");
    assert.equal(article?.source, "The Coastline Courier");
    assert.equal(article?.url, "https://courier.example/news/harbour-ferry-returns");
    assert.equal(article?.publishedAt, "2026-03-14T08:30:00Z");
    assert.equal(article?.author, "Mira Okafor");
  });

  it("makes one paragraph per non-empty line and drops the copyright line", async () => {
    const result = await readArticleFile(fixture("harbour.txt"));
    assert.ok(result.ok);
    const paragraphs = result.articles[0]?.paragraphs ?? [];
    assert.equal(paragraphs.length, 2);
    assert.match(paragraphs[1] ?? "", /^"We missed the sound/);
    assert.ok(paragraphs.every((p) => !/rights reserved/i.test(p)));
  });

  it("derives a short title from the first sentence when there is none, past abbreviations", async () => {
    const result = await readArticleFile(fixture("untitled.txt"));
    assert.ok(result.ok);
    assert.equal(result.articles[0]?.title, "Dr. Lena Hart opened the new reading room on Tuesday");
  });

  it("drops sign-up and do-not-reproduce lines", async () => {
    const result = await readArticleFile(fixture("untitled.txt"));
    assert.ok(result.ok);
    assert.deepEqual(result.articles[0]?.paragraphs, [
      "Dr. Lena Hart opened the new reading room on Tuesday. Forty children came to the first story hour.",
      "The library plans a second session in April.",
    ]);
  });

  it("cuts a long first sentence at a word boundary with an ellipsis", () => {
    const title = deriveTitle(["word ".repeat(60).trim()], 40);
    assert.ok(title.length <= 41);
    assert.ok(title.endsWith("…"));
    assert.ok(!title.includes("wor…"));
  });

  it("treats an unclosed front-matter block as body text", () => {
    const { meta, body } = splitFrontMatter("---\ntitle: Never closed\nA line of text");
    assert.deepEqual(meta, {});
    assert.match(body, /A line of text/);
  });

  it("bases the id on the file name when no id or url is given", () => {
    assert.equal(parseTxt("One line of news.", "/x/My Story (draft).txt")?.id, "x-My-Story-draft");
  });
});
