// Benchmark (not a test): /api/search against the same search sent straight to Meilisearch, in one run, with the
// thinnest Node proxy (`bench-api-floor.ts`) alongside as the floor any Node layer pays on this machine.
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
  let floor: ReturnType<typeof spawn> | undefined;
  try {
    await applySettings(admin, index);
    if (opts.corpus) await indexPaths([opts.corpus], { client: admin, index });
    else
      for (const batch of chunks(syntheticDocs(Number(opts.docs)), 5000))
        await pushArticles(admin, index, groupByArticle(batch));
    const stats = await admin.index(index).getStats();
    const searchKey = (await searchOnlyKey(admin, index)) ?? "";
    const queries = await sampleQueries(admin, index);
    const [port, floorPort] = [await freePort(), await freePort()];
    const empty = path.join(dataDir, "empty");
    await fs.mkdir(empty);
    const serve = (script: string, env: Record<string, string>) =>
      spawn(process.execPath, ["--import", "tsx", script], {
        env: { ...process.env, MEILI_URL: meili.url, INDEX_NAME: index, ...env },
        stdio: ["ignore", "ignore", "inherit"],
      });
    api = serve("src/server.ts", {
      PORT: String(port),
      MEILI_MASTER_KEY: meili.masterKey,
      ARTICLES_DIR: empty,
      RATE_LIMIT_PER_MINUTE: "0",
      REINDEX_CRON: "off",
      LOG_LEVEL: "warn",
    });
    floor = serve("scripts/bench-api-floor.ts", { PORT: String(floorPort), MEILI_SEARCH_KEY: searchKey });
    await waitFor(`http://127.0.0.1:${port}/ready`);
    await waitFor(`http://127.0.0.1:${floorPort}/api/search?q=news`);
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
    const viaHttp = (q: string) => ({
      method: "GET" as const,
      path: `/api/search?q=${encodeURIComponent(q)}`,
    });
    const targets: Target[] = [
      { name: "meili", url: meili.url, requests: queries.map(direct), pid: meili.pid },
      { name: "floor", url: `http://127.0.0.1:${floorPort}`, requests: queries.map(viaHttp), pid: floor.pid },
      { name: "api", url: `http://127.0.0.1:${port}`, requests: queries.map(viaHttp), pid: api.pid },
    ];
    // Warm-up (JIT, connection pools), not measured.
    for (const t of targets) await load(t.url, [...t.requests], 16, 2);
    const rows = [];
    const cpuRows = [];
    for (const connections of [1, 16]) {
      // The targets take turns in short slices, so a change in the machine's load hits them alike.
      const totals = targets.map(() => new Totals());
      const ownCpu = targets.map(() => 0);
      const meiliCpu = targets.map(() => 0);
      for (let round = 0; round < rounds; round++) {
        for (const [i, t] of targets.entries()) {
          const before = { own: await cpuMs(t.pid), meili: await cpuMs(meili.pid) };
          totals[i]!.add(await load(t.url, [...t.requests], connections, slice));
          ownCpu[i]! += (await cpuMs(t.pid)) - before.own;
          meiliCpu[i]! += (await cpuMs(meili.pid)) - before.meili;
        }
      }
      const [m, f, a] = totals as [Totals, Totals, Totals];
      rows.push({
        connections,
        meiliRps: m.rps(),
        floorRps: f.rps(),
        apiRps: a.rps(),
        ratio: +(a.rps() / m.rps()).toFixed(2),
        floorRatio: +(f.rps() / m.rps()).toFixed(2),
        meiliP50: m.percentile(0.5),
        addedP50ms: +(a.percentile(0.5) - m.percentile(0.5)).toFixed(2),
        floorAddedP50ms: +(f.percentile(0.5) - m.percentile(0.5)).toFixed(2),
        meiliP99: m.percentile(0.99),
        addedP99ms: +(a.percentile(0.99) - m.percentile(0.99)).toFixed(2),
        floorAddedP99ms: +(f.percentile(0.99) - m.percentile(0.99)).toFixed(2),
      });
      cpuRows.push({
        connections,
        apiCpuMsPerReq: +(ownCpu[2]! / a.requests).toFixed(3),
        floorCpuMsPerReq: +(ownCpu[1]! / f.requests).toFixed(3),
        meiliCpuMsPerReq: +(meiliCpu[0]! / m.requests).toFixed(3),
      });
    }
    console.log(
      "throughput (requests/s), ratio to Meilisearch's own, and latency added to Meilisearch's (ms):",
    );
    console.table(rows);
    console.log(
      "CPU per request (ms) of the API, of the floor proxy, and of Meilisearch when queried directly:",
    );
    console.table(cpuRows);
    const where = await timeSplit(`http://127.0.0.1:${port}/metrics`);
    console.log(
      `inside the API process, per /api/search: ${where.totalMs.toFixed(3)} ms in total, of which ${where.meiliMs.toFixed(3)} ms ` +
        `waiting for Meilisearch, ${(where.totalMs - where.meiliMs).toFixed(3)} ms our own work (means over all runs)`,
    );
  } finally {
    api?.kill("SIGTERM");
    floor?.kill("SIGTERM");
    await meili.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** One load target: where to send which requests, and the process whose CPU time to count. */
interface Target {
  name: string;
  url: string;
  requests: autocannon.Request[];
  pid: number | undefined;
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
