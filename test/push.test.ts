// Pushing documents: re-indexing an edited article updates changed documents and removes vanished ones, without
// touching other articles; the speakers index follows.
import assert from "node:assert/strict";
import { pushArticles, groupByArticle } from "../indexer/push.js";
import type { Doc } from "../indexer/types.js";
import { indexNames } from "../src/meili/settings.js";
import { paragraph, quote } from "./helpers/docs.js";
import { freshIndex, testMeili } from "./helpers/meili.js";

const version1 = (rev = "v1"): Doc[] => [
  paragraph("lake", 0, "The council met at the lake house on Tuesday.", { revision: rev }),
  paragraph("lake", 1, "Mayor Ilse Brandt spoke about the water levels.", {
    revision: rev,
    speakers: ["Ilse Brandt"],
  }),
  paragraph("lake", 2, "Fishermen complained about the new permit fees.", { revision: rev }),
  quote("lake", 0, "We will not drain the lake", "Ilse Brandt", { revision: rev, paragraph: 1 }),
];

describe("pushArticles", () => {
  let base = "";
  const docsOf = async (articleId: string) => {
    const { client } = await testMeili();
    const res = await client
      .index(indexNames(base).docs)
      .getDocuments<Doc>({ filter: `articleId = "${articleId}"`, limit: 100 });
    return new Map(res.results.map((d) => [d.id, d]));
  };

  before(async () => {
    base = await freshIndex("push");
  });

  it("adds a new article's documents and counts them as added", async () => {
    const { client } = await testMeili();
    const other = [paragraph("other", 0, "A different story about a bakery.", { revision: "o1" })];
    const report = await pushArticles(client, base, groupByArticle([...version1(), ...other]));
    assert.deepEqual(report, { articlesChanged: 2, articlesUnchanged: 0, added: 5, updated: 0, deleted: 0 });
    assert.equal((await docsOf("lake")).size, 4);
  });

  it("skips an article whose revision is already indexed", async () => {
    const { client } = await testMeili();
    const report = await pushArticles(client, base, groupByArticle(version1()));
    assert.deepEqual(report, { articlesChanged: 0, articlesUnchanged: 1, added: 0, updated: 0, deleted: 0 });
  });

  it("re-indexing an edited article updates the changed paragraph and removes the vanished one", async () => {
    const { client } = await testMeili();
    const v2 = version1("v2").filter((d) => d.id !== "lake-p-002");
    (v2[1] as Doc).text = "Mayor Ilse Brandt spoke about falling water levels.";
    const report = await pushArticles(client, base, groupByArticle(v2));
    assert.deepEqual(report, { articlesChanged: 1, articlesUnchanged: 0, added: 0, updated: 3, deleted: 1 });
    const docs = await docsOf("lake");
    assert.deepEqual([...docs.keys()].sort(), ["lake-p-000", "lake-p-001", "lake-q-000"]);
    assert.equal(docs.get("lake-p-001")?.text, "Mayor Ilse Brandt spoke about falling water levels.");
    assert.ok([...docs.values()].every((d) => d.revision === "v2"));
    assert.equal((await docsOf("other")).size, 1, "other articles are untouched");
  });

  it("keeps the speakers index counts up to date and drops speakers no longer quoted", async () => {
    const { client } = await testMeili();
    const speakers = client.index(indexNames(base).speakers);
    const hit = await speakers.search("brandt");
    assert.equal(hit.hits[0]?.name, "Ilse Brandt");
    assert.equal(hit.hits[0]?.quoteCount, 1);
    assert.equal(hit.hits[0]?.docCount, 2);
    const v3 = version1("v3").map((d) => ({
      ...d,
      speakers: [] as string[],
      ...(d.type === "quote" ? { speaker: null } : {}),
    }));
    await pushArticles(client, base, groupByArticle(v3));
    assert.equal((await speakers.search("brandt")).hits.length, 0);
  });
});
