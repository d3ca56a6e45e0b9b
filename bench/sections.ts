// The benchmark's sections, each adding rows (figure, same-run baseline, ratio, goal) to the shared table.
import path from "node:path";
import { writeCorpus } from "./corpus.js";
import { benchSearch } from "./api.js";
import { documentCount, measureFloor, runIndexer } from "./indexing.js";
import type { MeiliTarget } from "./floor.js";
import { runNode, tsxArgs } from "./proc.js";
import { atLeast, atMost, row, type Goal, type Row } from "./report.js";
import { benchReindex } from "./reindex-ratio.js";

/** What every section gets. */
export interface Context {
  t: MeiliTarget;
  meiliPid: number;
  /** Corpus folder. */
  dir: string;
  /** Scratch folder, removed at the end. */
  work: string;
  opts: { articles: number; duration: number; memory: number[]; quick: boolean; corpus: string | undefined };
  rows: Row[];
  details: Record<string, unknown>;
  log: (msg: string) => void;
}

/** Index the search section runs on (filled by the indexing section). */
const LIVE = "bench_live";

const exactly = (n: number): Goal => ({ text: `= ${n}`, test: (r) => r === n });
const overheadBelow = (ms: number): Goal => ({ text: `+ < ${ms} ms`, test: (r, v, b) => v - (b ?? Infinity) < ms });

async function indexing(c: Context): Promise<void> {
  const floor = await measureFloor(c.t, c.dir, "bench_floor");
  c.log(`floor: ${floor.documents} docs in ${(floor.ms / 1000).toFixed(1)} s (${floor.payloads} payloads)`);
  const run = await runIndexer(c.t, c.dir, LIVE);
  const docs = await documentCount(c.t, LIVE);
  c.log(`pipeline: ${docs} docs in ${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.peakRssMB.toFixed(0)} MB`);
  const articles = c.opts.corpus ? NaN : c.opts.articles;
  c.details.indexing = { floor, pipeline: { ms: run.ms, peakRssMB: run.peakRssMB, documents: docs, summary: run.stdout.trim() } };
  c.details.floorArticlesPerS = (articles / floor.ms) * 1000;
  c.details.indexerPeak = { [c.opts.articles]: run.peakRssMB };
  c.rows.push(
    row("indexing", "end to end vs NDJSON floor", run.ms / 1000, "s", floor.ms / 1000, atMost(1.15)),
    row("indexing", "documents indexed vs floor", docs, "docs", floor.documents, exactly(1)),
    row("indexing", "pipeline rate", (docs / run.ms) * 1000, "docs/s", (floor.documents / floor.ms) * 1000),
  );
}

async function chunking(c: Context): Promise<void> {
  const run = await runNode(tsxArgs("bench/chunking.ts", [c.dir]));
  if (run.code !== 0) throw new Error(`chunking worker failed:\n${run.stderr.slice(-2000)}`);
  const r = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as { articles: number; documents: number; quotes: number; textBytes: number; ms: number; peakRssMB: number };
  c.details.chunking = r;
  const perS = (r.articles / r.ms) * 1000;
  const floorRate = typeof c.details.floorArticlesPerS === "number" ? c.details.floorArticlesPerS : null;
  c.rows.push(
    row("chunking", "articles/s, one core (baseline: Meilisearch ingest)", perS, "art/s", floorRate, atLeast(1)),
    row("chunking", "text throughput", r.textBytes / 2 ** 20 / (r.ms / 1000), "MB/s"),
    row("chunking", `peak RSS (all ${r.articles} articles held)`, r.peakRssMB, "MB"),
    row("chunking", "quotes per article", r.quotes / r.articles, "quotes"),
  );
}

async function search(c: Context): Promise<void> {
  const s = await benchSearch(c.t, c.meiliPid, LIVE, c.opts.duration);
  c.details.search = s;
  c.rows.push(
    row("search", "API queries/s, 16 conn (vs Meilisearch)", s.api16.rps, "q/s", s.meiliQps16, atLeast(0.85)),
    row("search", "p50 latency, 1 conn", s.latency.api.p50, "ms", s.latency.meili.p50, overheadBelow(1)),
    row("search", "p99 latency, 1 conn", s.latency.api.p99, "ms", s.latency.meili.p99, overheadBelow(5)),
    row("search", "p99 latency, 16 conn", s.api16.p99, "ms", s.meili16.p99),
    row("search", "API non-2xx + errors, 16 conn", s.api16.non2xx + s.api16.errors, "responses", null, atMost(0, "value")),
    row("search", "CPU per query: API process (vs Meilisearch)", s.cpuPerQuery.api, "ms", s.cpuPerQuery.meili),
  );
}

async function reindex(c: Context): Promise<void> {
  const r = await benchReindex(c.t, c.dir, c.work, c.opts.corpus === undefined ? c.opts.articles : undefined);
  c.details.reindex = r;
  c.rows.push(row("reindex", `incremental after ${r.changed} changed articles vs full rebuild`, r.incrementalMs / 1000, "s", r.fullMs / 1000, atMost(0.05)));
}

async function memory(c: Context): Promise<void> {
  const peaks: Record<number, number> = { ...(c.details.indexerPeak as Record<number, number> | undefined) };
  const results: Record<string, unknown> = {};
  for (const n of c.opts.memory) {
    let peak = peaks[n];
    if (peak === undefined || c.opts.corpus) {
      const dir = (await writeCorpus(path.join(c.work, `corpus-${n}`), n)).dir;
      const base = `bench_mem_${n}`;
      const run = await runIndexer(c.t, dir, base);
      const stats = await (await fetch(`${c.t.url}/stats`, { headers: { Authorization: `Bearer ${c.t.apiKey}` } })).json() as { databaseSize: number; indexes: Record<string, { numberOfDocuments: number; rawDocumentDbSize?: number }> };
      const docs = stats.indexes[base]?.numberOfDocuments ?? 0;
      results[n] = { ms: run.ms, peakRssMB: run.peakRssMB, documents: docs, docsPerS: (docs / run.ms) * 1000, databaseSizeMB: stats.databaseSize / 2 ** 20, rawDocumentDbSizeMB: (stats.indexes[base]?.rawDocumentDbSize ?? 0) / 2 ** 20 };
      c.log(`memory ${n}: ${docs} docs in ${(run.ms / 1000).toFixed(0)} s, peak RSS ${run.peakRssMB.toFixed(0)} MB, db ${(stats.databaseSize / 2 ** 20).toFixed(0)} MB`);
      peak = run.peakRssMB;
      peaks[n] = peak;
    }
  }
  c.details.memory = { peaks, runs: results };
  const [first, ...rest] = c.opts.memory;
  if (first === undefined) return;
  c.rows.push(row("memory", `indexer peak RSS, ${first} articles`, peaks[first] ?? NaN, "MB", null, atMost(300, "value")));
  for (const n of rest) c.rows.push(row("memory", `indexer peak RSS, ${n} articles (vs ${first})`, peaks[n] ?? NaN, "MB", peaks[first] ?? null, atMost(300, "value")));
}

/** Sections by name, run in the order `run.ts` lists them (indexing first: chunking and search use its results). */
export const sections = { indexing, chunking, search, reindex, memory } as const;
