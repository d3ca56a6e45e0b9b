// Meilisearch SIGKILLed while the API is under load: the API answers 503 quickly, never hangs, and serves again
// within 5 s of Meilisearch being back, without being restarted.
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import { indexCli, ownMeili, sleep, startApi, tempCorpus, timedGet, type ApiProcess, type OwnMeili } from "./support.js";

/** A few concurrent request loops; records every answer until stopped. */
function loadLoop(url: string, workers: number): { stop: () => Promise<{ status: number; ms: number; at: number }[]> } {
  const seen: { status: number; ms: number; at: number }[] = [];
  let running = true;
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = 0; running; i++) {
      const r = await timedGet(`${url}/api/search?q=${i % 2 ? "police" : "market"}&type=${w % 2 ? "quote" : "paragraph"}`, 10_000);
      seen.push({ status: r.status, ms: r.ms, at: Date.now() });
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return seen;
    },
  };
}

describe("Meilisearch killed during API load", function () {
  this.timeout(180_000);
  let meili: OwnMeili;
  let api: ApiProcess;
  let corpus: string;
  const base = "outage";

  before(async () => {
    meili = await ownMeili();
    corpus = await tempCorpus(150);
    const indexed = await indexCli(meili, base, [corpus]);
    assert.equal(indexed.code, 0, indexed.stderr);
    api = await startApi(meili, base);
  });
  after(async () => {
    await api?.stop();
    await meili?.stop();
    await fs.rm(corpus, { recursive: true, force: true });
  });

  it("answers 503 fast while Meilisearch is down and recovers within 5 s of its return, same API process", async () => {
    const pid = api.pid;
    const load = loadLoop(api.url, 4);
    await sleep(2000);
    const killedAt = Date.now();
    meili.kill();
    await sleep(6000);
    const restartAt = Date.now();
    await meili.restart();
    const backAt = Date.now();
    let recoveredAt = 0;
    while (Date.now() - backAt < 10_000) {
      const r = await timedGet(`${api.url}/api/search?q=police`, 5000);
      if (r.status === 200) {
        recoveredAt = Date.now();
        break;
      }
      await sleep(50);
    }
    await sleep(1000);
    const seen = await load.stop();

    const before = seen.filter((s) => s.at < killedAt);
    const during = seen.filter((s) => s.at > killedAt + 2500 && s.at < restartAt);
    assert.ok(before.length > 0 && before.every((s) => s.status === 200), "all 200 before the kill");
    assert.ok(during.length > 0, "requests were answered while Meilisearch was down");
    assert.ok(during.every((s) => s.status === 503), `only 503 while down, saw ${[...new Set(during.map((s) => s.status))].join(",")}`);
    const slowest = Math.max(...seen.map((s) => s.ms));
    assert.ok(slowest < 3000, `no request may hang: slowest took ${slowest.toFixed(0)} ms`);
    assert.ok(recoveredAt > 0, "the API never served again");
    assert.ok(recoveredAt - backAt <= 5000, `served again ${recoveredAt - backAt} ms after Meilisearch was back`);
    assert.equal(api.pid, pid);
    assert.equal((await timedGet(`${api.url}/health`)).status, 200);
    assert.doesNotMatch(JSON.stringify(seen.slice(-1)), /stack/);
  });
});
