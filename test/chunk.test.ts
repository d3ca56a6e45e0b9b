// Chunking: paragraph and quote documents, stable valid ids, shared article fields, revisions.
import assert from "node:assert/strict";
import { chunkArticle, docId, revisionOf, type ChunkSteps } from "../indexer/chunk.js";
import { articleIdFor } from "../indexer/read/ids.js";
import type { Article, QuoteDoc } from "../indexer/types.js";

const article: Article = {
  id: "quay-2026",
  title: "Fishing fleet ties up for the storm",
  paragraphs: [
    "Forty boats stayed in port on Friday as the gale warning held.",
    '"Nobody goes out in this," said harbour master Ellen Voss. "Not for any price."',
    "The fleet hopes to sail again on Monday.",
  ],
  source: "Quay Weekly",
  publishedAt: "2026-01-09T06:00:00Z",
};

/** A fixed quote finder and entity tagger, so these tests pin chunking alone. */
const steps: ChunkSteps = {
  extractQuotes: () => [
    { text: "Nobody goes out in this,", paragraph: 1, endParagraph: 1, speaker: "Ellen Voss" },
    { text: "Not for any price.", paragraph: 1, endParagraph: 1, speaker: "Ellen Voss" },
    { text: "Unattributed words here", paragraph: 2, endParagraph: 2, speaker: null },
  ],
  tagEntities: () => ({ people: ["Ellen Voss"], places: [], organizations: [] }),
  topicsFor: () => ["weather"],
};

describe("chunk", () => {
  const docs = chunkArticle(article, steps);
  const paragraphs = docs.filter((d) => d.type === "paragraph");
  const quotes = docs.filter((d): d is QuoteDoc => d.type === "quote");

  it("makes one paragraph document per paragraph, positioned in order", () => {
    assert.deepEqual(paragraphs.map((d) => [d.id, d.position, d.text]), article.paragraphs.map((t, i) => [docId("quay-2026", "p", i), i, t]));
    assert.equal(paragraphs[0]?.id, "quay-2026-p-000");
  });

  it("makes one quote document per quotation, with its paragraph and speaker", () => {
    assert.deepEqual(quotes.map((q) => [q.id, q.position, q.paragraph, q.speaker, q.speakers]), [
      ["quay-2026-q-000", 0, 1, "Ellen Voss", ["Ellen Voss"]],
      ["quay-2026-q-001", 1, 1, "Ellen Voss", ["Ellen Voss"]],
      ["quay-2026-q-002", 2, 2, null, []],
    ]);
  });

  it("lists each paragraph's quoted speakers once", () => {
    assert.deepEqual(paragraphs.map((p) => p.speakers), [[], ["Ellen Voss"], []]);
  });

  it("credits a quote that runs over several paragraphs to every paragraph it covers", () => {
    const spanning: ChunkSteps = {
      ...steps,
      extractQuotes: () => [{ text: "Forty boats … again", paragraph: 0, endParagraph: 2, speaker: "Ellen Voss" }],
    };
    const docs = chunkArticle(article, spanning).filter((d) => d.type === "paragraph");
    assert.deepEqual(docs.map((p) => p.speakers), [["Ellen Voss"], ["Ellen Voss"], ["Ellen Voss"]]);
  });

  it("copies article fields, topics and entities onto every document", () => {
    for (const d of docs) {
      assert.equal(d.articleId, "quay-2026");
      assert.equal(d.title, article.title);
      assert.equal(d.source, "Quay Weekly");
      assert.deepEqual(d.topics, ["weather"]);
      assert.deepEqual(d.people, ["Ellen Voss"]);
      assert.equal(d.publishedTs, Date.parse("2026-01-09T06:00:00Z") / 1000);
      assert.equal(d.revision, docs[0]?.revision);
    }
  });

  it("is pure: the same article gives the same documents", () => {
    assert.deepEqual(chunkArticle(structuredClone(article), steps), docs);
  });

  it("changes the revision when a paragraph changes, and only then", () => {
    assert.equal(revisionOf(structuredClone(article)), revisionOf(article));
    const edited = { ...article, paragraphs: [...article.paragraphs.slice(0, 2), "The fleet sails on Tuesday."] };
    assert.notEqual(revisionOf(edited), revisionOf(article));
    assert.match(revisionOf(article), /^[0-9a-f]{16}$/);
  });

  it("makes only ids Meilisearch accepts, stable for the same input", () => {
    const awkward = [
      { id: "Ünïcode id / with: colons.and dots", path: "a.txt" },
      { url: "https://news.example/2026/01/déjà-vu?ref=home", path: "b.html" },
      { path: "/tmp/Notes & Drafts/über story.txt" },
      { path: "/tmp/feed.ndjson", item: 7 },
      { id: "////", path: "fallback name.json" },
    ];
    for (const src of awkward) {
      const id = articleIdFor(src);
      assert.match(id, /^[A-Za-z0-9_-]{1,100}$/, id);
      assert.equal(articleIdFor(src), id);
    }
    assert.equal(articleIdFor({ path: "/tmp/feed.ndjson", item: 7 }), "tmp-feed-7");
    assert.notEqual(articleIdFor({ path: "bbc/sport/001.txt" }), articleIdFor({ path: "bbc/business/001.txt" }));
    assert.equal(articleIdFor({ id: "////", path: "fallback name.json" }), "fallback-name");
  });
});
