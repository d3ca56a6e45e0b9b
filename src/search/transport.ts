// The hot path to Meilisearch: one keep-alive connection pool, headers built once, a hard timeout, and errors
// mapped straight to AppErrors. Used for every search instead of going through the client's request machinery.
import http from "node:http";
import https from "node:https";
import type { MultiSearchQuery, SearchResponse } from "meilisearch";
import { AppError, Unavailable } from "../errors.js";

/** Sends one multi-search and resolves with its per-query results. */
export type MultiSearch = (queries: MultiSearchQuery[]) => Promise<SearchResponse[]>;

export interface TransportOptions {
  host: string;
  apiKey?: string | undefined;
  /** Whole-request timeout: past it the call fails with a 503. */
  timeoutMs: number;
  maxSockets?: number;
}

/** Creates the multi-search transport for one Meilisearch server. */
export function createMultiSearch(options: TransportOptions): MultiSearch {
  const url = new URL("multi-search", options.host.endsWith("/") ? options.host : `${options.host}/`);
  const secure = url.protocol === "https:";
  const agent = new (secure ? https : http).Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  const base: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (options.apiKey) base.authorization = `Bearer ${options.apiKey}`;
  const request = secure ? https.request : http.request;

  return (queries) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ queries });
      const req = request(
        url,
        { method: "POST", agent, headers: { ...base, "content-length": Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", (err) => reject(new Unavailable("Search is temporarily unavailable", err)));
          res.on("end", () => {
            clearTimeout(timer);
            try {
              resolve(parseAnswer(res.statusCode ?? 0, Buffer.concat(chunks).toString("utf8")));
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          });
        },
      );
      const timer = setTimeout(() => req.destroy(new Unavailable("Search timed out")), options.timeoutMs);
      req.on("error", (err) => {
        clearTimeout(timer);
        reject(err instanceof AppError ? err : new Unavailable("Search is temporarily unavailable", err));
      });
      req.end(body);
    });
}

/** 2xx: the results. Overload, server errors, auth problems and a missing index: 503. Anything else is a bug. */
function parseAnswer(status: number, text: string): SearchResponse[] {
  let parsed: { results?: SearchResponse[]; code?: string; message?: string };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (err) {
    throw new Unavailable("Search answered with something that is not JSON", err);
  }
  if (status >= 200 && status < 300 && parsed.results) return parsed.results;
  const cause = new Error(
    `Meilisearch ${status} ${parsed.code ?? ""}: ${parsed.message ?? text.slice(0, 200)}`,
  );
  if (parsed.code === "index_not_found") throw new Unavailable("The search index is not ready", cause);
  if (status >= 500 || status === 429 || status === 401 || status === 403) {
    throw new Unavailable("Search is temporarily unavailable", cause);
  }
  throw cause;
}
