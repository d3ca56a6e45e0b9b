// Benchmark (not a test): /api/search against the same search sent straight to Meilisearch, in one run.
// Usage: npm run -s bench:api -- [--docs 20000] [--duration 12] [--rounds 3] [--corpus <dir>]  (prints a table)
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { Command } from "commander";
import { groupByArticle, pushArticles } from "../indexer/push.js";
import { indexPaths } from "../indexer/run.js";
import type { Doc } from "../indexer/types.js";
import { adminClient, searchOnlyKey } from "../src/meili/connect.js";
import { ensureEmbedded, freePort } from "../src/meili/embedded.js";
import { applySettings, indexNames } from "../src/meili/settings.js";
import { parseSearchParams } from "../src/search/params.js";
import { searchQueries } from "../src/search/answer.js";

const opts = new Command()
  .option("--docs <n>", "synthetic documents when no corpus is given", "20000")
  .option("--duration <s>", "seconds of load per target and connection count", "12")
  .option("--rounds <n>", "alternating meilisearch/API slices the duration is split into", "3")
  .option("--corpus <dir>", "index these article files instead of synthetic documents")
  .parse()
  .opts<{ docs: string; duration: string; rounds: string; corpus?: string }>();
const rounds = Math.max(1, Number(opts.rounds));
const slice = Number(opts.duration) / rounds;

const SYLLABLES = [
  "ka",
  "lo",
  "mer",
  "tin",
  "sa",
  "vo",
  "ru",
  "del",
  "pa",
  "nor",
  "li",
  "quen",
  "tas",
  "bri",
  "om",
  "fel",
];
const word = (i: number) => SYLLABLES[i % 16]! + SYLLABLES[(i >> 4) % 16]! + SYLLABLES[(i >> 8) % 16]!;
const SPEAKERS = Array.from({ length: 300 }, (_, i) =>
  `${word(i * 7 + 1)} ${word(i * 13 + 5)}`.replace(/^./, (c) => c.toUpperCase()),
);
const TOPICS = ["politics", "economy", "health", "sport", "culture", "environment", "technology", "crime"];

/** Deterministic pseudo-random documents: 40-word paragraphs over a 4,096-word made-up vocabulary. */
function syntheticDocs(n: number): Doc[] {
  let seed = 42;
  const rnd = (m: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % m;
  return Array.from({ length: n }, (_, i) => {
    const articleId = `a${Math.floor(i / 10)}`;
    const speaker = SPEAKERS[rnd(SPEAKERS.length)]!;
    const text = Array.from({ length: 40 }, () => word(Math.floor(Math.sqrt(rnd(4096 * 4096))))).join(" ");
    const shared = {
      articleId,
      title: `${word(rnd(4096))} ${word(rnd(4096))}`,
      topics: [TOPICS[rnd(8)]!],
      people: [],
      places: [],
      organizations: [],
      revision: "r1",
      source: `Source ${rnd(12)}`,
      publishedTs: 1.6e9 + rnd(1e8),
    };
    return i % 3 === 0
      ? {
          ...shared,
          id: `${articleId}-q-${i % 10}`,
          type: "quote" as const,
          text,
          position: i % 10,
          paragraph: 0,
          speaker,
          speakers: [speaker],
        }
      : {
          ...shared,
          id: `${articleId}-p-${i % 10}`,
          type: "paragraph" as const,
          text,
          position: i % 10,
          speakers: [],
        };
  });
}

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "onrecord-bench-api-"));
  const meili = await ensureEmbedded({ dataDir });
  const admin = adminClient(meili.url, meili.masterKey);
  const index = "bench";
  let api: ReturnType<typeof spawn> | undefined;
  try {
    await applySettings(admin, index);
    if (opts.corpus) await indexPaths([opts.corpus], { client: admin, index });
    else
      for (const batch of chunks(syntheticDocs(Number(opts.docs)), 5000))
        await pushArticles(admin, index, groupByArticle(batch));
    const stats = await admin.index(index).getStats();
    const searchKey = (await searchOnlyKey(admin, index)) ?? "";
    const queries = await sampleQueries(admin, index);
    const port = await freePort();
    const empty = path.join(dataDir, "empty");
    await fs.mkdir(empty);
    api = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.masterKey,
        INDEX_NAME: index,
        ARTICLES_DIR: empty,
        RATE_LIMIT_PER_MINUTE: "0",
        REINDEX_CRON: "off",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitFor(`http://127.0.0.1:${port}/ready`);
    console.log(
      `documents: ${stats.numberOfDocuments}, queries: ${queries.length}, ${opts.duration} s per target and ` +
        `connection count, in ${rounds} alternating slices`,
    );
    const direct = (q: string) => ({
      method: "POST" as const,
      path: "/multi-search",
      headers: { "content-type": "application/json", authorization: `Bearer ${searchKey}` },
      body: JSON.stringify({ queries: searchQueries(indexNames(index), parseSearchParams({ q })) }),
    });
    const viaApi = (q: string) => ({
      method: "GET" as const,
      path: `/api/search?q=${encodeURIComponent(q)}`,
    });
    const apiUrl = `http://127.0.0.1:${port}`;
    const targets = { meili: [meili.url, queries.map(direct)], api: [apiUrl, queries.map(viaApi)] } as const;
    // Warm-up (JIT, connection pools), not measured.
    for (const [url, requests] of Object.values(targets)) await load(url, [...requests], 16, 2);
    const rows = [];
    for (const connections of [1, 16]) {
      // The two targets take turns in short slices, so a change in the machine's load hits both alike.
      const m = new Totals();
      const a = new Totals();
      let apiCpu = 0;
      let meiliCpu = 0;
      for (let round = 0; round < rounds; round++) {
        m.add(await load(targets.meili[0], [...targets.meili[1]], connections, slice));
        const cpu0 = { api: await cpuMs(api.pid), meili: await cpuMs(meili.pid) };
        a.add(await load(targets.api[0], [...targets.api[1]], connections, slice));
        apiCpu += (await cpuMs(api.pid)) - cpu0.api;
        meiliCpu += (await cpuMs(meili.pid)) - cpu0.meili;
      }
      rows.push({
        connections,
        meiliRps: m.rps(),
        apiRps: a.rps(),
        ratio: +(a.rps() / m.rps()).toFixed(2),
        meiliP50: m.percentile(0.5),
        apiP50: a.percentile(0.5),
        addedP50ms: +(a.percentile(0.5) - m.percentile(0.5)).toFixed(2),
        meiliP99: m.percentile(0.99),
        apiP99: a.percentile(0.99),
        addedP99ms: +(a.percentile(0.99) - m.percentile(0.99)).toFixed(2),
        apiCpuMsPerReq: +(apiCpu / a.requests).toFixed(3),
        meiliCpuMsPerReq: +(meiliCpu / a.requests).toFixed(3),
      });
    }
    console.table(rows);
    const where = await timeSplit(`http://127.0.0.1:${port}/metrics`);
    console.log(
      `inside the API process, per /api/search: ${where.totalMs.toFixed(3)} ms in total, of which ${where.meiliMs.toFixed(3)} ms ` +
        `waiting for Meilisearch, ${(where.totalMs - where.meiliMs).toFixed(3)} ms our own work (means over all runs)`,
    );
  } finally {
    api?.kill("SIGTERM");
    await meili.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** Words taken from the indexed texts, so every query has hits. */
async function sampleQueries(admin: ReturnType<typeof adminClient>, index: string): Promise<string[]> {
  const docs = await admin.index(index).getDocuments<{ text: string }>({ fields: ["text"], limit: 50 });
  return docs.results
    .map((d, i) => d.text.split(/\s+/).filter((w) => /^\p{L}{4,}$/u.test(w))[i % 5] ?? "news")
    .slice(0, 50);
}

/** One load run: 2xx responses, their latencies in ms from each response's own timing (autocannon's histogram
 * keeps whole ms), and the run's length. */
async function load(url: string, requests: autocannon.Request[], connections: number, seconds: number) {
  const latencies: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon({ url, connections, duration: seconds, requests }, (err, result) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result),
    );
    run.on("response", (_client, status: number, _bytes, ms: number) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
  if (r.non2xx > 0 || r.errors > 0) console.warn(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { latencies, seconds: r.duration };
}

/** Several load runs of one target added up: throughput over their whole time, percentiles over all responses. */
class Totals {
  private latencies: number[] = [];
  private seconds = 0;
  get requests(): number {
    return this.latencies.length;
  }
  add(run: { latencies: number[]; seconds: number }): void {
    this.latencies.push(...run.latencies);
    this.seconds += run.seconds;
  }
  rps(): number {
    return Math.round(this.requests / this.seconds);
  }
  percentile(q: number): number {
    const sorted = [...this.latencies].sort((x, y) => x - y);
    return +(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(2);
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
async function cpuMs(pid: number | undefined): Promise<number> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 100 Hz ticks
}

/** Where the API's time goes, from its own metrics: whole request vs the Meilisearch call (means, in ms). */
async function timeSplit(metricsUrl: string): Promise<{ totalMs: number; meiliMs: number }> {
  const text = await (await fetch(metricsUrl)).text();
  const mean = (metric: string, labels: string) => {
    const pick = (suffix: string) =>
      Number(new RegExp(`^${metric}_${suffix}\\{${labels}\\} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
    return (pick("sum") / pick("count")) * 1000;
  };
  return {
    totalMs: mean("onrecord_http_request_duration_seconds", 'method="GET",route="/api/search",status="200"'),
    meiliMs: mean("onrecord_meilisearch_request_duration_seconds", 'operation="search",outcome="ok"'),
  };
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never became ready`);
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

await main();
