// Incremental re-indexing against a real Meilisearch: only changed articles are pushed, gone ones deleted, failed sources delete nothing.
import assert from "node:assert/strict";
import { rm, writeFile } from "node:fs/promises";
import { chunkArticle } from "../indexer/chunk.js";
import { Reindexer } from "../indexer/reindex.js";
import { parseTxt } from "../indexer/read/txt.js";
import { parseReindexConfig } from "../indexer/sources-config.js";
import { createFetcher } from "../indexer/fetch.js";
import { anyOf, equals } from "../src/search/filters.js";
import { freshIndex, testMeili } from "./helpers/meili.js";
import {
  articleFolder,
  articleHtml,
  articleText,
  fixtureServer,
  rssFeed,
  type FixtureServer,
} from "./reindex/fixtures.js";

async function docsOf(base: string, articleId: string): Promise<{ id: string; revision: string }[]> {
  const { client } = await testMeili();
  const page = await client
    .index(base)
    .getDocuments<{ id: string; revision: string }>({
      filter: equals("articleId", articleId),
      fields: ["id", "revision"],
      limit: 1000,
    });
  return page.results;
}

async function articleCount(base: string): Promise<number> {
  const { client } = await testMeili();
  return (
    (await client.index(base).search("", { filter: 'type = "paragraph" AND position = 0', hitsPerPage: 0 }))
      .totalHits ?? -1
  );
}

describe("incremental reindex", () => {
  let folder: Awaited<ReturnType<typeof articleFolder>>;
  let server: FixtureServer;

  before(async () => {
    folder = await articleFolder(12);
    server = await fixtureServer();
  });
  after(async () => {
    await folder.remove();
    await server.close();
  });

  async function reindexer(base: string, sources: unknown[]): Promise<Reindexer> {
    const { client } = await testMeili();
    const config = parseReindexConfig({ sources, runs: { lockTtlSeconds: 30, keep: 20 } }, "test");
    return new Reindexer({
      client,
      base,
      config,
      defaultPaths: [folder.dir],
      fetcher: createFetcher({ retries: 1, backoffMs: 10, timeoutMs: 3000 }),
    });
  }

  it("indexes every article first, then re-pushes only an edited one, and deletes a deleted file's documents", async () => {
    const base = await freshIndex("reinc");
    const r = await reindexer(base, [{ kind: "dir", name: "default" }]);

    const first = await r.run({ trigger: "cli" });
    assert.equal(first.outcome, "succeeded", first.errors.join("; "));
    assert.deepEqual(
      [first.counts.seen, first.counts.new, first.counts.changed, first.counts.unchanged],
      [12, 12, 0, 0],
    );
    assert.equal(await articleCount(base), 12);
    const untouched = await docsOf(base, "sample-3");

    await folder.write(5, 2);
    const edited = parseTxt(articleText(5, 2), "x.txt")!;
    const second = await r.run({ trigger: "cli" });
    assert.equal(second.outcome, "succeeded");
    assert.deepEqual(
      [
        second.counts.seen,
        second.counts.new,
        second.counts.changed,
        second.counts.unchanged,
        second.counts.removed,
      ],
      [12, 0, 1, 11, 0],
    );
    assert.equal(
      second.counts.docsAdded,
      chunkArticle(edited).length,
      "only the edited article's documents are written",
    );
    const after5 = await docsOf(base, "sample-5");
    assert.ok(after5.length > 0 && after5.every((d) => d.revision === chunkArticle(edited)[0]!.revision));
    assert.deepEqual(await docsOf(base, "sample-3"), untouched);

    const gone = await docsOf(base, "sample-7");
    await rm(`${folder.dir}/article-007.txt`);
    const third = await r.run({ trigger: "cli" });
    assert.deepEqual([third.counts.seen, third.counts.removed, third.counts.changed], [11, 1, 0]);
    assert.equal(third.counts.docsDeleted, gone.length);
    assert.deepEqual(await docsOf(base, "sample-7"), []);
    assert.equal(await articleCount(base), 11);
    await folder.write(7);
  });

  it("keeps the articles of a file that became unreadable, and of a folder that went missing", async () => {
    const base = await freshIndex("rebad");
    const r = await reindexer(base, [{ kind: "dir", name: "default" }]);
    await r.run({ trigger: "cli" });
    await writeFile(`${folder.dir}/article-002.txt`, Buffer.from([0, 1, 2, 3, 0, 0]));
    const run = await r.run({ trigger: "cli" });
    assert.equal(run.outcome, "partial");
    assert.equal(run.counts.removed, 0);
    assert.equal(run.sources[0]?.skipped[0]?.reason, "binary file");
    assert.ok((await docsOf(base, "sample-2")).length > 0);
    await folder.write(2);

    const missing = await reindexer(base, [{ kind: "dir", name: "default", paths: [`${folder.dir}/nope`] }]);
    const failed = await missing.run({ trigger: "cli" });
    assert.equal(failed.outcome, "partial");
    assert.equal(failed.sources[0]?.ok, false);
    assert.match(failed.sources[0]?.error ?? "", /not found/);
    assert.equal(failed.counts.removed, 0);
    assert.equal(await articleCount(base), 12);
  });

  it("a feed that answers 500 deletes nothing of its articles; when it lists fewer, the gone one is deleted", async () => {
    const base = await freshIndex("refeed");
    const links = [1, 2, 3].map((n) => `${server.url}/news/story-${n}`);
    for (const [i, link] of links.entries())
      server.routes.set(new URL(link).pathname, { body: articleHtml(100 + i, 1, link) });
    server.routes.set("/feed.xml", { type: "application/rss+xml", body: rssFeed(links) });
    const r = await reindexer(base, [{ kind: "feed", name: "wire", url: `${server.url}/feed.xml` }]);

    const first = await r.run({ trigger: "cli" });
    assert.equal(first.outcome, "succeeded", JSON.stringify(first.sources));
    assert.equal(first.counts.new, 3);
    assert.equal(await articleCount(base), 3);

    server.routes.set("/feed.xml", { status: 500, body: "upstream broke" });
    const down = await r.run({ trigger: "schedule" });
    assert.equal(down.outcome, "partial");
    assert.equal(down.sources[0]?.ok, false);
    assert.match(down.sources[0]?.error ?? "", /HTTP 500/);
    assert.deepEqual([down.counts.seen, down.counts.removed, down.counts.docsDeleted], [0, 0, 0]);
    assert.equal(await articleCount(base), 3);
    assert.equal(server.hits.get("/feed.xml"), 1 + 2, "the 500 was retried once");

    server.routes.set("/feed.xml", { type: "application/rss+xml", body: rssFeed(links.slice(0, 2)) });
    const fewer = await r.run({ trigger: "schedule" });
    assert.equal(fewer.outcome, "succeeded");
    assert.deepEqual([fewer.counts.unchanged, fewer.counts.removed], [2, 1]);
    assert.equal(await articleCount(base), 2);
  });

  it("records every run, newest first", async () => {
    const base = await freshIndex("rerec");
    const r = await reindexer(base, [{ kind: "dir", name: "default" }]);
    const a = await r.run({ trigger: "cli" });
    const b = await r.run({ trigger: "api" });
    const recent = await r.runs.recent(5);
    assert.deepEqual(
      recent.map((x) => x.id),
      [b.id, a.id],
    );
    assert.equal(recent[0]?.trigger, "api");
    assert.ok((recent[0]?.durationMs ?? -1) >= 0);
    const { client } = await testMeili();
    const all = await client
      .index(base)
      .getDocuments({ filter: anyOf("articleId", ["sample-0"]), fields: ["sourceName", "origin"], limit: 5 });
    assert.ok(
      all.results.every(
        (d) => d["sourceName"] === "default" && String(d["origin"]).endsWith("article-000.txt"),
      ),
    );
  });
});
