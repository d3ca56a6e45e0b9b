// Meilisearch SIGKILLed in the middle of an indexing run: the run fails with a clear message, and after a restart
// the next run completes with exactly the expected documents (nothing lost, nothing duplicated).
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import { chunkArticle } from "../../indexer/chunk.js";
import { readArticles } from "../../indexer/read/index.js";
import { indexCli, ownMeili, sleep, tempCorpus, type OwnMeili } from "./support.js";

async function expectedDocs(dir: string): Promise<{ docs: number; ids: Set<string> }> {
  const ids = new Set<string>();
  for await (const r of readArticles([dir])) if (r.ok) for (const a of r.articles) for (const d of chunkArticle(a)) ids.add(d.id);
  return { docs: ids.size, ids };
}

async function count(meili: OwnMeili, uid: string): Promise<number> {
  const res = await fetch(`${meili.url}/indexes/${uid}/stats`, { headers: { Authorization: `Bearer ${meili.key}` } });
  if (!res.ok) return 0;
  return ((await res.json()) as { numberOfDocuments: number }).numberOfDocuments;
}

describe("Meilisearch killed during an index run", function () {
  this.timeout(240_000);
  let meili: OwnMeili;
  let corpus: string;

  before(async () => {
    meili = await ownMeili();
    corpus = await tempCorpus(2000);
  });
  after(async () => {
    await meili?.stop();
    await fs.rm(corpus, { recursive: true, force: true });
  });

  it("fails with a clear message, then the next run after a restart indexes exactly the expected documents", async () => {
    const base = "killed_run";
    const run = indexCli(meili, base, [corpus]);
    // Kill once the run is well under way: some documents are in, more are coming.
    const deadline = Date.now() + 120_000;
    while ((await count(meili, base)) === 0) {
      assert.ok(Date.now() < deadline, "the run never got its first documents in");
      await sleep(100);
    }
    meili.kill();
    const failed = await run;
    assert.equal(failed.code, 1, `exit code 1 expected, got ${failed.code ?? failed.signal}\n${failed.stderr.slice(-2000)}`);
    const message = failed.stderr.trim().split("\n").pop() ?? "";
    console.log(`      the run failed with: ${message.slice(0, 200)}`);
    assert.match(message, /^index: Meilisearch did not answer/, `unclear failure message:\n${failed.stderr.slice(-2000)}`);
    assert.doesNotMatch(message, /^\s+at /, "the last line is a stack frame, not a message");

    await meili.restart();
    const again = await indexCli(meili, base, [corpus]);
    assert.equal(again.code, 0, again.stderr.slice(-2000));
    const expected = await expectedDocs(corpus);
    // Tasks enqueued before the kill may still be processing after the restart: wait for the queue to drain.
    const settle = Date.now() + 60_000;
    while ((await count(meili, base)) !== expected.docs && Date.now() < settle) await sleep(250);
    assert.equal(await count(meili, base), expected.docs);
  });
});
