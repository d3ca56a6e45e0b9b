// One way to get connected clients for a config: MEILI_URL with keys, else the embedded Meilisearch for DATA_DIR
// (reused when already running, started otherwise). The HTTP service searches with a search-only key.
import { Meilisearch } from "meilisearch";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { ensureEmbedded, isHealthy, keepEmbedded, type EmbeddedMeili } from "./embedded.js";
import { keepAliveHttpClient } from "./http-client.js";
import { searchKeyIndexes } from "./settings.js";

/** Clients for one Meilisearch server. */
export interface MeiliConnection {
  url: string;
  /** Client with the master or admin key (indexing, settings, keys); null when only a search key was given. */
  admin: Meilisearch | null;
  /** Client with a search-only key and a short timeout (MEILI_TIMEOUT_MS), for the HTTP service. */
  search: Meilisearch;
  /** The embedded instance, when one is used. */
  embedded: EmbeddedMeili | null;
  /** Stops the embedded child if this process started it. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  log?: Logger;
  /** CLI: stop an embedded child and exit on SIGINT/SIGTERM. */
  exitOnSignal?: boolean;
  /** Skip deriving a search key (the CLI only indexes). */
  adminOnly?: boolean;
  /** The service: if the embedded instance was started by another process, start it again when that one stops it. */
  keepEmbedded?: boolean;
}

/** Admin calls may carry large document batches; searches must fail fast so an outage becomes a 503. */
const ADMIN_TIMEOUT_MS = 60_000;

/** Connects according to `config`; throws an `EmbeddedError` or a plain `Error` with a clear message when it cannot. */
export async function connect(config: Config, options: ConnectOptions = {}): Promise<MeiliConnection> {
  const embeddedOptions = {
    dataDir: config.DATA_DIR,
    bin: config.MEILI_BIN,
    exitOnSignal: options.exitOnSignal ?? false,
    ...(options.log ? { log: options.log } : {}),
  };
  const embedded = config.MEILI_URL ? null : await ensureEmbedded(embeddedOptions);
  const kept =
    embedded && !embedded.owned && options.keepEmbedded ? keepEmbedded(embedded, embeddedOptions) : embedded;
  const url = embedded?.url ?? (config.MEILI_URL as string).replace(/\/+$/, "");
  if (!embedded) await waitReachable(url, 30_000);
  const adminKey = embedded?.masterKey ?? config.MEILI_ADMIN_KEY ?? config.MEILI_MASTER_KEY;
  const admin = adminKey || !config.MEILI_SEARCH_KEY ? adminClient(url, adminKey) : null;
  const searchKey =
    config.MEILI_SEARCH_KEY ??
    (admin && !options.adminOnly ? await searchOnlyKey(admin, config.INDEX_NAME, options.log) : adminKey);
  return {
    url,
    admin,
    search: searchClient(url, searchKey, config.MEILI_TIMEOUT_MS),
    embedded,
    close: () => kept?.stop() ?? Promise.resolve(),
  };
}

/** A client for administrative work (indexing, settings). */
export function adminClient(url: string, apiKey: string | undefined): Meilisearch {
  return new Meilisearch({
    host: url,
    ...(apiKey ? { apiKey } : {}),
    timeout: ADMIN_TIMEOUT_MS,
    defaultWaitOptions: { timeout: 120_000, interval: 25 },
  });
}

/** A client for searches: one instance per process (keep-alive connections are reused), short timeout. */
export function searchClient(url: string, apiKey: string | undefined, timeoutMs: number): Meilisearch {
  return new Meilisearch({
    host: url,
    ...(apiKey ? { apiKey } : {}),
    timeout: timeoutMs,
    httpClient: keepAliveHttpClient(),
  });
}

/**
 * Finds or creates a key allowed only to search the service's indexes. Needs the master key (Meilisearch keeps
 * `/keys` for it); with a lesser admin key we fall back to that key and say so.
 */
export async function searchOnlyKey(
  admin: Meilisearch,
  base: string,
  log?: Logger,
): Promise<string | undefined> {
  const name = `onrecord-search-${base}`;
  const indexes = searchKeyIndexes(base);
  try {
    const { results } = await admin.getKeys({ limit: 1000 });
    const found = results.find(
      (k) =>
        k.name === name &&
        k.actions.join() === "search" &&
        k.indexes.join() === indexes.join() &&
        k.expiresAt === null,
    );
    if (found) return found.key;
    const created = await admin.createKey({
      name,
      description: "onrecord HTTP service: search only",
      actions: ["search"],
      indexes,
      expiresAt: null,
    });
    return created.key;
  } catch (err) {
    log?.warn(
      { err: (err as Error).message },
      "could not derive a search-only key (needs the master key); searching with the admin key",
    );
    return admin.config.apiKey;
  }
}

async function waitReachable(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isHealthy(url, 1000))) {
    if (Date.now() > deadline)
      throw new Error(`Meilisearch at MEILI_URL=${url} did not answer /health within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
