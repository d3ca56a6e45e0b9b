// Search benchmark: a fixed mix of 200 API queries, the same requests replayed straight to Meilisearch, throughput
// under autocannon at N connections, and paired one-connection latencies measured in microseconds.
import http from "node:http";
import autocannon from "autocannon";
import { rng } from "./corpus.js";
import type { Recorded } from "./capture.js";
import { quantile } from "./report.js";
import * as V from "./vocab.js";

/** Facet values present in the index, used to build realistic filters. */
export interface FacetValues {
  speakers: string[];
  topics: string[];
  sources: string[];
}

/** The 200-query mix: half plain keyword searches, half with filters, sorts or pages, some browsing (empty q). */
export function buildQueries(facets: FacetValues, count = 200, seed = 42): string[] {
  const r = rng(seed);
  const pick = <T>(list: T[]): T | undefined => list[Math.floor(r() * list.length)];
  const allTopic = Object.values(V.TOPIC_WORDS).flat();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = new URLSearchParams();
    const kind = r();
    if (kind < 0.35) p.set("q", pick(allTopic) ?? "");
    else if (kind < 0.55) p.set("q", `${pick(allTopic) ?? ""} ${pick(V.COMMON_WORDS.slice(20)) ?? ""}`);
    else if (kind < 0.75) p.set("q", (pick(facets.speakers) ?? "").split(" ").pop() ?? "");
    else if (kind < 0.92) p.set("q", pick(V.PLACES) ?? "");
    else p.set("q", "");
    if (i % 2 === 1) addFilters(p, facets, r, pick);
    out.push(`/api/search?${p.toString()}`);
  }
  return out;
}

function addFilters(p: URLSearchParams, f: FacetValues, r: () => number, pick: <T>(l: T[]) => T | undefined): void {
  const add = (k: string, v: string | undefined): void => {
    if (v) p.append(k, v);
  };
  if (r() < 0.5) p.set("type", r() < 0.7 ? "quote" : "paragraph");
  if (r() < 0.35) add("speaker", pick(f.speakers));
  if (r() < 0.15) add("speaker", pick(f.speakers));
  if (r() < 0.35) add("topic", pick(f.topics));
  if (r() < 0.25) add("source", pick(f.sources));
  if (r() < 0.2) {
    p.set("from", "2024-06-01");
    p.set("to", "2025-06-30");
  }
  if (r() < 0.25) p.set("sort", r() < 0.5 ? "newest" : "oldest");
  if (r() < 0.15) p.set("page", "2");
}

/** Throughput and latency of one autocannon run. */
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  requests: number;
}

/** One request autocannon can send. */
export interface Req {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/** Runs autocannon against `base` cycling through `requests` on every connection. */
export async function load(base: string, requests: Req[], connections: number, durationS: number): Promise<LoadResult> {
  const res = await autocannon({
    url: base,
    connections,
    duration: durationS,
    requests: requests.map((q) => ({ method: q.method as "GET", path: q.path, ...(q.body ? { body: q.body } : {}), ...(q.headers ? { headers: q.headers } : {}) })),
  });
  return {
    rps: res.requests.average,
    p50: res.latency.p50,
    p99: res.latency.p99,
    non2xx: res.non2xx,
    errors: res.errors + res.timeouts,
    requests: res.requests.total,
  };
}

/** Turns recorded Meilisearch calls into autocannon requests. */
export const replayable = (calls: Recorded[]): Req[] =>
  calls.map((c) => ({ method: c.method, path: c.path, ...(c.body ? { body: c.body } : {}), headers: c.headers }));

/** Paired one-connection latencies, in ms. */
export interface Latency {
  api: { p50: number; p99: number; n: number };
  meili: { p50: number; p99: number; n: number };
}

/**
 * One connection each, interleaved query by query (Meilisearch's calls for query i, then the API's query i), so drift
 * on a shared machine hits both alike. Timed with performance.now(): autocannon rounds latencies to whole ms.
 */
export async function pairedLatency(api: string, meili: string, queries: string[], calls: Req[][], durationS: number): Promise<Latency> {
  const agentA = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const agentM = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const a: number[] = [];
  const m: number[] = [];
  const end = Date.now() + durationS * 1000;
  for (let i = 0; Date.now() < end; i++) {
    const k = i % queries.length;
    const t0 = performance.now();
    for (const c of calls[k] ?? []) await send(meili, c, agentM);
    const t1 = performance.now();
    await send(api, { method: "GET", path: queries[k] ?? "/" }, agentA);
    const t2 = performance.now();
    if (i >= queries.length / 4) {
      m.push(t1 - t0);
      a.push(t2 - t1);
    }
  }
  agentA.destroy();
  agentM.destroy();
  return {
    api: { p50: quantile(a, 0.5), p99: quantile(a, 0.99), n: a.length },
    meili: { p50: quantile(m, 0.5), p99: quantile(m, 0.99), n: m.length },
  };
}

/** Sends one request and drains the answer; rejects on a non-2xx status. */
export function send(base: string, req: Req, agent: http.Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = http.request(`${base}${req.path}`, { method: req.method, agent, headers: req.headers ?? {} }, (res) => {
      res.resume();
      res.on("end", () => ((res.statusCode ?? 500) < 300 ? resolve() : reject(new Error(`${req.path}: HTTP ${res.statusCode}`))));
    });
    r.on("error", reject);
    r.end(req.body);
  });
}
