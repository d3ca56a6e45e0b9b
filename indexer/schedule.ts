// Scheduled re-indexing with croner: REINDEX_CRON (default every 15 min, `off` disables); runs never overlap.
import { Cron } from "croner";
import type { Meilisearch } from "meilisearch";
import type { Config } from "../src/config.js";
import type { Logger } from "../src/log.js";
import { LockHeldError, Reindexer } from "./reindex.js";
import { loadReindexConfig } from "./sources-config.js";

/** A running schedule. */
export interface Schedule {
  /** When the next run is due, or null when stopped. */
  nextRun(): Date | null;
  stop(): void;
}

/** REINDEX_CRON is not a valid cron pattern. */
export class ScheduleError extends Error {
  override name = "ScheduleError";
}

/** Whether `pattern` turns scheduling off. */
export const isOff = (pattern: string): boolean =>
  ["off", "false", "0", "no", "none", "disabled"].includes(pattern.trim().toLowerCase());

/**
 * Starts incremental runs on `pattern` (null when it is `off`). A tick while this process still runs one
 * is skipped (croner `protect`); a tick while another process holds the lock is refused by the lock and logged.
 */
export function startSchedule(pattern: string, reindexer: Reindexer, log?: Logger): Schedule | null {
  if (isOff(pattern)) return null;
  let job: Cron;
  try {
    job = new Cron(pattern, { protect: true, name: "reindex" }, async () => {
      await runScheduled(reindexer, log);
    });
  } catch (err) {
    throw new ScheduleError(
      `REINDEX_CRON: "${pattern}" is not a valid cron pattern (${(err as Error).message}); use e.g. "*/15 * * * *" or "off"`,
    );
  }
  log?.info({ pattern, next: job.nextRun()?.toISOString() }, "reindex scheduled");
  return { nextRun: () => job.nextRun(), stop: () => job.stop() };
}

/** One scheduled tick: an incremental run, refused quietly when another run holds the lock. */
export async function runScheduled(reindexer: Reindexer, log?: Logger): Promise<void> {
  try {
    await reindexer.run({ trigger: "schedule" });
  } catch (err) {
    if (err instanceof LockHeldError)
      log?.info({ reason: err.message }, "scheduled reindex skipped: another run is going on");
    else log?.error({ err: (err as Error).message }, "scheduled reindex could not start");
  }
}

/** Re-indexing as the HTTP service runs it: a reindexer for the admin routes and, unless REINDEX_CRON is off, a schedule. */
export interface Reindexing {
  reindexer: Reindexer;
  schedule: Schedule | null;
}

/** Loads the sources config and starts the schedule; throws `SourcesConfigError` or `ScheduleError` on bad config. */
export async function startReindexing(
  config: Config,
  client: Meilisearch,
  log?: Logger,
): Promise<Reindexing> {
  const reindexConfig = await loadReindexConfig(config);
  const reindexer = new Reindexer({
    client,
    base: config.INDEX_NAME,
    config: reindexConfig,
    defaultPaths: config.ARTICLES_DIR,
    ...(log ? { log } : {}),
  });
  return { reindexer, schedule: startSchedule(config.REINDEX_CRON, reindexer, log) };
}
