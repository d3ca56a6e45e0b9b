// Full rebuild under load: searches through the API never fail or come back empty while the new index is swapped in,
// and a write sent to the live index during the rebuild is not lost.
import assert from "node:assert/strict";
import { chunkArticle } from "../indexer/chunk.js";
import { nextBase } from "../indexer/rebuild.js";
import { Reindexer } from "../indexer/reindex.js";
import { indexExists } from "../indexer/reindex-store.js";
import { parseTxt } from "../indexer/read/txt.js";
import { parseReindexConfig } from "../indexer/sources-config.js";
import { equals } from "../src/search/filters.js";
import { freshIndex, testMeili } from "./helpers/meili.js";
import { startService, type TestService } from "./helpers/service.js";
import { articleFolder, articleText } from "./reindex/fixtures.js";

describe("full reindex with swap", () => {
  let folder: Awaited<ReturnType<typeof articleFolder>>;
  let service: TestService | undefined;
  before(async () => {
    folder = await articleFolder(40);
  });
  after(async () => {
    await service?.close();
    await folder.remove();
  });

  it("keeps every search answering with hits while the rebuild swaps, and replays a late write", async () => {
    const { client } = await testMeili();
    const base = await freshIndex("swap");
    const config = parseReindexConfig({ sources: [{ kind: "dir", name: "default" }] }, "test");
    const reindexer = new Reindexer({ client, base, config, defaultPaths: [folder.dir] });
    assert.equal((await reindexer.run({ trigger: "cli" })).counts.new, 40);
    service = await startService({ index: base });

    let running = true;
    const stats = { searches: 0, failed: 0, empty: 0 };
    const loop = async () => {
      while (running) {
        const res = await fetch(`${service!.url}/api/search?q=council&hitsPerPage=5`).catch(() => null);
        stats.searches++;
        if (!res || res.status !== 200) stats.failed++;
        else if (((await res.json()) as { totalHits: number }).totalHits === 0) stats.empty++;
      }
    };
    const loops = [loop(), loop(), loop()];

    // A late writer (e.g. `cli index`) adds an article to the live index while the rebuild is building.
    const late = parseTxt(articleText(900), "late.txt")!;
    let lateWrite: Promise<unknown> | undefined;
    const run = await reindexer.run({
      full: true,
      trigger: "cli",
      onProgress: (p) => {
        if (p.phase === "write" && !lateWrite)
          lateWrite = client.index(base).addDocuments(chunkArticle(late), { primaryKey: "id" }).waitTask();
      },
    });
    running = false;
    await Promise.all(loops);
    await lateWrite;

    assert.equal(run.outcome, "succeeded", run.errors.join("; "));
    assert.deepEqual([run.counts.seen, run.counts.unchanged], [40, 40]);
    assert.ok(stats.searches >= 20, `only ${stats.searches} searches ran`);
    assert.deepEqual(
      { failed: stats.failed, empty: stats.empty },
      { failed: 0, empty: 0 },
      `${stats.searches} searches`,
    );
    assert.equal(await indexExists(client, nextBase(base)), false, "the retired index is deleted");
    const lateDocs = await client
      .index(base)
      .getDocuments({ filter: equals("articleId", late.id), limit: 100 });
    assert.equal(
      lateDocs.results.length,
      chunkArticle(late).length,
      "the write sent during the rebuild is in the live index",
    );
    const articles = await client
      .index(base)
      .search("", { filter: 'type = "paragraph" AND position = 0', hitsPerPage: 0 });
    assert.equal(articles.totalHits, 41);
  });

  it("never swaps when the new index fails its check, and keeps the articles of a missing folder", async () => {
    const { client } = await testMeili();
    const base = await freshIndex("swapfail");
    const dirConfig = parseReindexConfig({ sources: [{ kind: "dir", name: "default" }] }, "test");
    await new Reindexer({ client, base, config: dirConfig, defaultPaths: [folder.dir] }).run({
      trigger: "cli",
    });
    const count = async () =>
      (await client.index(base).search("", { filter: 'type = "paragraph" AND position = 0', hitsPerPage: 0 }))
        .totalHits;

    // The folder now reads fine but holds nothing: the new index would be empty, so the check fails and nothing swaps.
    const emptyFolder = await articleFolder(0);
    try {
      const failed = await new Reindexer({
        client,
        base,
        config: dirConfig,
        defaultPaths: [emptyFolder.dir],
      }).run({ full: true, trigger: "cli" });
      assert.equal(failed.outcome, "failed");
      assert.match(failed.errors.join(" "), /empty/);
    } finally {
      await emptyFolder.remove();
    }
    assert.equal(await count(), 40);
    assert.equal(await indexExists(client, nextBase(base)), false, "the failed build is dropped");

    // A folder that is missing is a failed source: its articles are carried into the new index as they are.
    const missing = await new Reindexer({
      client,
      base,
      config: dirConfig,
      defaultPaths: [`${folder.dir}-missing`],
    }).run({ full: true, trigger: "cli" });
    assert.equal(missing.outcome, "partial");
    assert.equal(missing.sources[0]?.ok, false);
    assert.equal(await count(), 40);
    assert.equal(await indexExists(client, nextBase(base)), false);
  });
});
