// Test helper: the full HTTP service (real app, real search key, real Meilisearch) on a free loopback port,
// optionally with article files indexed first.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { indexPaths, type IndexReport } from "../../indexer/run.js";
import { createApp } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createLogger, type Logger } from "../../src/log.js";
import { connect, type MeiliConnection } from "../../src/meili/connect.js";
import { createMetrics } from "../../src/metrics.js";
import { createSearchService } from "../../src/search/service.js";
import { freshIndex, testMeili } from "./meili.js";

export interface ServiceOptions {
  /** Base index name; default: a fresh one with settings applied. */
  index?: string;
  /** Article files or folders to index before listening (e.g. ["seeds"]). */
  paths?: string[];
  /** Extra environment for `loadConfig` (e.g. { RATE_LIMIT_PER_MINUTE: "5" }). */
  env?: Record<string, string>;
  /** Logger for the app (default: silent). */
  log?: Logger;
}

/** A running service. */
export interface TestService {
  url: string;
  index: string;
  app: Express;
  config: Config;
  connection: MeiliConnection;
  /** Report of indexing `paths`, when given. */
  report?: IndexReport;
  close(): Promise<void>;
}

/** Starts the service against the run's Meilisearch (rate limit off unless `env` sets it). */
export async function startService(options: ServiceOptions = {}): Promise<TestService> {
  const meili = await testMeili();
  const index = options.index ?? (await freshIndex("svc"));
  const config = loadConfig({
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    INDEX_NAME: index,
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "0",
    REINDEX_CRON: "off",
    ...options.env,
  });
  const log = options.log ?? createLogger("silent");
  const connection = await connect(config, { log });
  const report = options.paths
    ? await indexPaths(options.paths, { client: connection.admin!, index, log })
    : undefined;
  const metrics = createMetrics();
  const search = createSearchService({ client: connection.search, index, observe: metrics.observeMeili });
  const app = createApp({ search, config, log, metrics });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    index,
    app,
    config,
    connection,
    ...(report ? { report } : {}),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
