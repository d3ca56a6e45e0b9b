// Sustained load: 60 s at a fixed rate of mixed requests against the API in its own process: zero 5xx, p99
// reported, and the API's RSS at the end no more than 10 % above its RSS after warm-up (no leak).
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import autocannon from "autocannon";
import { indexCli, ownMeili, rssMB, startApi, tempCorpus, type ApiProcess, type OwnMeili } from "./support.js";

const RATE = 60; // requests per second, across all connections
const DURATION_S = 60;

/** A fixed mix: keyword searches with and without filters, facet value search, article views, lists, health. */
function mix(articleIds: string[], speakers: string[]): { method: "GET"; path: string }[] {
  const words = ["police", "budget", "election", "vaccine", "festival", "climate", "market", "league"];
  const paths: string[] = [];
  words.forEach((w, i) => {
    const speaker = speakers[i % Math.max(1, speakers.length)] ?? "";
    paths.push(`/api/search?q=${w}`, `/api/search?q=${w}&type=quote`, `/api/search?q=${w}&speaker=${encodeURIComponent(speaker)}&sort=newest`);
    paths.push(`/api/search?q=&topic=${w}&page=2&hitsPerPage=10`, `/api/facets/speaker?q=${encodeURIComponent(speaker.split(" ").pop() ?? "")}`);
  });
  for (const id of articleIds) paths.push(`/api/articles/${id}`);
  paths.push("/api/speakers?sort=count", "/api/topics?sort=name", "/health", "/ready");
  return paths.map((path) => ({ method: "GET", path }));
}

async function run(url: string, requests: { method: "GET"; path: string }[], seconds: number, rate = RATE): Promise<autocannon.Result> {
  return autocannon({ url, connections: 8, overallRate: rate, duration: seconds, requests });
}

describe("sustained mixed load on the API", function () {
  this.timeout(180_000);
  let meili: OwnMeili;
  let api: ApiProcess;
  let corpus: string;
  const base = "load";

  before(async () => {
    meili = await ownMeili();
    corpus = await tempCorpus(300);
    const indexed = await indexCli(meili, base, [corpus]);
    assert.equal(indexed.code, 0, indexed.stderr);
    api = await startApi(meili, base, { LOG_LEVEL: "warn" });
  });
  after(async () => {
    await api?.stop();
    await meili?.stop();
    await fs.rm(corpus, { recursive: true, force: true });
  });

  it(`${DURATION_S} s at ${RATE} req/s: no 5xx, p99 reported, RSS steady`, async () => {
    const speakers = ((await (await fetch(`${api.url}/api/speakers?sort=count`)).json()) as { speakers?: { name: string }[] }).speakers?.map((s) => s.name) ?? [];
    const requests = mix(["bench-0000001", "bench-0000042", "bench-0000199"], speakers.slice(0, 8));
    // Warm-up at twice the rate, so the heap has grown to its working size before the baseline is taken.
    const warm = await run(api.url, requests, 30, 2 * RATE);
    assert.equal(warm["5xx"], 0);
    // RSS saws up and down with garbage collection (measured: 145 -> 171 -> 150 MB with a steady heap), so compare the
    // low points of the first and of the last 20 s: after a collection, a leak shows there. Only growth counts: V8
    // may hand memory back late (measured: 184.8 MB low in the first 10 s, 146.8 MB at the end), which is no leak.
    const samples: { at: number; mb: number }[] = [];
    const t0 = Date.now();
    const sampler = setInterval(() => void rssMB(api.pid).then((mb) => samples.push({ at: Date.now() - t0, mb })), 500);
    const res = await run(api.url, requests, DURATION_S).finally(() => clearInterval(sampler));
    const low = (xs: number[]): number => Math.min(...xs);
    const rssWarm = low(samples.filter((x) => x.at < 20_000).map((x) => x.mb));
    const rssEnd = low(samples.filter((x) => x.at > (DURATION_S - 20) * 1000).map((x) => x.mb));
    console.log(
      `      load: ${res.requests.total} requests, ${res.requests.average} req/s, p50 ${res.latency.p50} ms, p99 ${res.latency.p99} ms, ` +
        `max ${res.latency.max} ms; 5xx ${res["5xx"]}, non-2xx ${res.non2xx}, errors ${res.errors}; RSS (low point of first / last 20 s) ${rssWarm.toFixed(1)} -> ${rssEnd.toFixed(1)} MB`,
    );
    assert.equal(res["5xx"], 0, "no 5xx");
    assert.equal(res.errors + res.timeouts, 0, "no connection errors or timeouts");
    assert.equal(res.non2xx, 0, "every request in the mix is valid");
    assert.ok(res.requests.total >= RATE * DURATION_S * 0.9, `the fixed rate was held (${res.requests.total} requests)`);
    assert.ok(rssEnd <= rssWarm * 1.1, `RSS grew from ${rssWarm.toFixed(1)} MB after warm-up to ${rssEnd.toFixed(1)} MB at the end`);
  });
});
