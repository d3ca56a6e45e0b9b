// `schedule` command: a long-running re-indexing process (docker-compose `indexer`), so API replicas never schedule.
import { configForCommand } from "./config.js";
import { createLogger } from "../../src/log.js";
import { connect } from "../../src/meili/connect.js";
import { isOff, runScheduled, startReindexing } from "../schedule.js";

/** Runs incremental re-indexing on REINDEX_CRON until SIGINT/SIGTERM; `now` also runs once at start. Returns the exit code. */
export async function runScheduleCommand(options: { now?: boolean }): Promise<number> {
  const config = configForCommand();
  if (!config) return 1;
  const log = createLogger(config.LOG_LEVEL);
  if (isOff(config.REINDEX_CRON)) {
    process.stderr.write('schedule: REINDEX_CRON is "off"; set a cron pattern such as "*/15 * * * *"\n');
    return 1;
  }
  let connection;
  try {
    connection = await connect(config, { log, adminOnly: true });
    if (!connection.admin)
      throw new Error(
        "Re-indexing needs MEILI_MASTER_KEY or MEILI_ADMIN_KEY (only a search key is configured)",
      );
    const { reindexer, schedule } = await startReindexing(config, connection.admin, log);
    if (options.now) await runScheduled(reindexer, log);
    await waitForSignal();
    schedule?.stop();
    // A run in progress is left to finish (a rebuild never swaps half-done), up to a grace period.
    const deadline = Date.now() + 30_000;
    while (reindexer.running && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    return 0;
  } catch (err) {
    process.stderr.write(`schedule: ${(err as Error).message}\n`);
    return 1;
  } finally {
    log.flush();
    await connection?.close();
  }
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
}
