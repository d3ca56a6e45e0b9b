// Reading .json and .ndjson articles: bodies split into paragraphs, ids per item, metadata fields.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readArticleFile } from "../indexer/read/index.js";
import { parseJson } from "../indexer/read/json.js";

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/read/${name}`, import.meta.url));

describe("read › json", () => {
  it("reads one article per ndjson line, numbering ids by line, sanitising a given id", async () => {
    const result = await readArticleFile(fixture("two.ndjson"));
    assert.ok(result.ok);
    const [fair, bees] = result.articles;
    assert.equal(fair?.id, "read-two-1", "folder and file name, numbered by line");
    assert.deepEqual(fair?.paragraphs, ["Apple growers sold out by noon.", "The fair will return next autumn."]);
    assert.equal(fair?.source, "Valley Post");
    assert.equal(fair?.publishedAt, "2026-09-20");
    assert.equal(bees?.id, "valley-2026-bees");
    assert.equal(bees?.url, "https://valley.example/bees");
  });

  it("drops 'Read more' from a paragraphs array", async () => {
    const result = await readArticleFile(fixture("two.ndjson"));
    assert.ok(result.ok);
    assert.deepEqual(result.articles[1]?.paragraphs, ["Hive numbers rose by a tenth this spring.", "Keepers credit the mild winter."]);
  });

  it("reads an array of objects, splitting a body without blank lines on newlines, joining authors", async () => {
    const result = await readArticleFile(fixture("list.json"));
    assert.ok(result.ok);
    assert.equal(result.articles.length, 1, "the object without a body is not an article");
    assert.deepEqual(result.articles[0]?.paragraphs, ["The first tram left the depot at six.", "Riders cheered at every stop."]);
    assert.equal(result.articles[0]?.author, "Ada Brook, Sol Vega");
    assert.equal(result.articles[0]?.id, "read-list-1");
  });

  it("joins hard-wrapped lines when blank lines separate paragraphs", () => {
    const [article] = parseJson(JSON.stringify({ title: "T", body: "One line\nwrapped here.\n\nSecond paragraph." }), "w.json");
    assert.deepEqual(article?.paragraphs, ["One line wrapped here.", "Second paragraph."]);
  });

  it("derives an id from the url when no id is given", () => {
    const [article] = parseJson(JSON.stringify({ title: "T", body: "Text.", url: "https://a.example/news/big-story.html?x=1" }), "w.json");
    assert.match(article?.id ?? "", /^big-story-[0-9a-f]{10}$/);
  });
});
