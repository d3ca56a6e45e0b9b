// The search section: the API in its own process against the same queries sent straight to Meilisearch, first
// through a recording proxy to learn exactly what the API sends, then at full speed on both sides.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "../src/meili/embedded.js";
import { startCapture, type Recorded } from "./capture.js";
import type { MeiliTarget } from "./floor.js";
import { startService, tsxArgs, type Service } from "./proc.js";
import { buildQueries, load, pairedLatency, replayable, send, type FacetValues, type Latency, type LoadResult, type Req } from "./search.js";
import http from "node:http";

/** Starts `src/server.ts` on a free port against Meilisearch at `meiliUrl`, serving index `base`, without indexing. */
export async function startApi(meiliUrl: string, masterKey: string, base: string, extraEnv: Record<string, string> = {}): Promise<{ url: string; service: Service; cleanup: () => Promise<void> }> {
  const port = await freePort();
  const empty = await mkdtemp(path.join(os.tmpdir(), "onrecord-bench-empty-"));
  const url = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    MEILI_URL: meiliUrl,
    MEILI_MASTER_KEY: masterKey,
    INDEX_NAME: base,
    ARTICLES_DIR: empty,
    REINDEX_CRON: "off",
    INDEX_ON_START: "false",
    RATE_LIMIT_PER_MINUTE: "0",
    LOG_LEVEL: "warn",
    ...extraEnv,
  };
  const ready = async (): Promise<boolean> => (await fetch(`${url}/ready`, { signal: AbortSignal.timeout(1000) })).ok;
  const service = await startService(tsxArgs("src/server.ts"), env, ready);
  return { url, service, cleanup: async () => { await service.stop(); await rm(empty, { recursive: true, force: true }); } };
}

/** Facet values present in index `base`, for building filters that match something. */
export async function facetValues(t: MeiliTarget, base: string): Promise<FacetValues> {
  const res = await fetch(`${t.url}/indexes/${base}/search`, {
    method: "POST",
    headers: { Authorization: `Bearer ${t.apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ q: "", limit: 0, facets: ["speakers", "topics", "source"] }),
  });
  const body = (await res.json()) as { facetDistribution?: Record<string, Record<string, number>> };
  const keys = (f: string): string[] => Object.keys(body.facetDistribution?.[f] ?? {}).slice(0, 40);
  return { speakers: keys("speakers"), topics: keys("topics"), sources: keys("source") };
}

/** Sends every query through the API pointed at a recording proxy; returns the Meilisearch calls per query. */
export async function captureCalls(t: MeiliTarget, base: string, queries: string[]): Promise<Recorded[][]> {
  const proxy = await startCapture(t.url);
  const api = await startApi(proxy.url, t.apiKey, base);
  const agent = new http.Agent({ keepAlive: true });
  try {
    proxy.take();
    const out: Recorded[][] = [];
    for (const q of queries) {
      await send(api.url, { method: "GET", path: q }, agent);
      out.push(proxy.take().filter((c) => c.path.includes("search")));
    }
    return out;
  } finally {
    agent.destroy();
    await api.cleanup();
    await proxy.close();
  }
}

/** Everything the search section measured. */
export interface SearchBench {
  queries: number;
  callsPerQuery: number;
  api16: LoadResult;
  meili16: LoadResult;
  /** Meilisearch requests/s divided by calls per query: queries/s, comparable with the API's. */
  meiliQps16: number;
  latency: Latency;
  /** CPU milliseconds per query spent by each process during the API's 16-connection run. */
  cpuPerQuery: { api: number; meili: number };
}

/** CPU seconds (user + system) used so far by process `pid`. */
export async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Runs the whole search section against index `base`. */
export async function benchSearch(t: MeiliTarget, meiliPid: number, base: string, durationS: number, connections = 16): Promise<SearchBench> {
  const queries = buildQueries(await facetValues(t, base));
  const calls = await captureCalls(t, base, queries);
  const perQuery = calls.reduce((s, c) => s + c.length, 0) / calls.length;
  const meiliReqs: Req[] = replayable(calls.flat());
  const api = await startApi(t.url, t.apiKey, base);
  try {
    const apiReqs: Req[] = queries.map((q) => ({ method: "GET", path: q }));
    await load(api.url, apiReqs, connections, Math.min(3, durationS)); // warm-up, not counted
    const meili16 = await load(t.url, meiliReqs, connections, durationS);
    const apiPid = api.service.child.pid ?? 0;
    const [a0, m0] = [await cpuSeconds(apiPid), await cpuSeconds(meiliPid)];
    const api16 = await load(api.url, apiReqs, connections, durationS);
    const [a1, m1] = [await cpuSeconds(apiPid), await cpuSeconds(meiliPid)];
    const perQ = (s: number): number => (s * 1000) / Math.max(1, api16.requests);
    const latency = await pairedLatency(api.url, t.url, queries, calls.map(replayable), durationS);
    return { queries: queries.length, callsPerQuery: perQuery, api16, meili16, meiliQps16: meili16.rps / Math.max(perQuery, 1), latency, cpuPerQuery: { api: perQ(a1 - a0), meili: perQ(m1 - m0) } };
  } finally {
    await api.cleanup();
  }
}
