// Entry point of `npm start`: connect to Meilisearch (embedded by default), apply settings, listen, index
// ARTICLES_DIR in the background, and shut down gracefully (stopping the embedded child) on SIGINT/SIGTERM.
import type { AddressInfo } from "node:net";
import { indexPaths } from "../indexer/run.js";
import { startReindexing, type Reindexing } from "../indexer/schedule.js";
import { createApp } from "./app.js";
import { loadConfig, type Config } from "./config.js";
import { createLogger, type Logger } from "./log.js";
import { connect, type MeiliConnection } from "./meili/connect.js";
import { applySettings } from "./meili/settings.js";
import { createMetrics } from "./metrics.js";
import { createSearchService } from "./search/service.js";

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
  const log = createLogger(config.LOG_LEVEL);
  let connection: MeiliConnection | undefined;
  try {
    connection = await connect(config, { log, keepEmbedded: true });
  } catch (err) {
    log.fatal((err as Error).message);
    process.exitCode = 1;
    return;
  }
  const conn = connection;
  if (conn.admin) await applySettings(conn.admin, config.INDEX_NAME);
  const metrics = createMetrics();
  const search = createSearchService({
    client: conn.search,
    index: config.INDEX_NAME,
    observe: metrics.observeMeili,
  });
  let reindexing: Reindexing | undefined;
  try {
    reindexing = conn.admin ? await startReindexing(config, conn.admin, log) : undefined;
  } catch (err) {
    log.fatal((err as Error).message);
    process.exitCode = 1;
    await conn.close();
    return;
  }
  const indexesOnStart = conn.admin !== null && config.ARTICLES_DIR.length > 0;
  let startupDone = !indexesOnStart;
  const app = createApp({
    search,
    config,
    log,
    metrics,
    startupDone: () => startupDone,
    ...(reindexing ? { admin: reindexing } : {}),
  });
  const server = app.listen(config.PORT, config.HOST, () => {
    const { port } = server.address() as AddressInfo;
    log.info({ url: `http://${config.HOST}:${port}` }, "onrecord listening");
  });
  server.keepAliveTimeout = 65_000;
  onShutdown(log, async () => {
    reindexing?.schedule?.stop();
    server.close();
    server.closeAllConnections();
    await conn.close();
  });
  if (indexesOnStart) void indexOnStart(config, conn, log).finally(() => (startupDone = true));
}

/** Indexes ARTICLES_DIR once; never rejects (a failed run is logged, and /ready then follows Meilisearch). */
async function indexOnStart(config: Config, conn: MeiliConnection, log: Logger): Promise<void> {
  try {
    const report = await indexPaths(config.ARTICLES_DIR, {
      client: conn.admin!,
      index: config.INDEX_NAME,
      log,
    });
    for (const s of report.skipped) log.warn({ path: s.path }, `skipped: ${s.reason}`);
  } catch (err) {
    log.error({ err: (err as Error).message }, "indexing ARTICLES_DIR on start failed");
  }
}

function onShutdown(log: Logger, close: () => Promise<void>): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void close().finally(() => {
      log.flush();
      process.exit(0);
    });
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}

await main();
