// `reindex [--full]` command: one incremental run (or a full rebuild with swap), progress bar on a terminal, summary on stdout.
import cliProgress from "cli-progress";
import { configForCommand } from "./config.js";
import { explainFailure } from "./failure.js";
import { createLogger, type Logger } from "../../src/log.js";
import { connect } from "../../src/meili/connect.js";
import { LockHeldError, Reindexer, type Progress } from "../reindex.js";
import type { RunRecord } from "../runs.js";
import { loadReindexConfig } from "../sources-config.js";

/** Exit codes: 0 succeeded, 2 finished with unreadable sources or files, 1 failed, 3 refused (another run holds the lock). */
export const EXIT = { ok: 0, failed: 1, partial: 2, refused: 3 } as const;

/** Runs one re-indexing pass; returns the exit code. */
export async function runReindexCommand(options: { full?: boolean }): Promise<number> {
  const config = configForCommand();
  if (!config) return EXIT.failed;
  const log = createLogger(config.LOG_LEVEL);
  let connection;
  try {
    const reindexConfig = await loadReindexConfig(config);
    connection = await connect(config, { log, exitOnSignal: true, adminOnly: true });
    if (!connection.admin)
      throw new Error(
        "Re-indexing needs MEILI_MASTER_KEY or MEILI_ADMIN_KEY (only a search key is configured)",
      );
    const reindexer = new Reindexer({
      client: connection.admin,
      base: config.INDEX_NAME,
      config: reindexConfig,
      defaultPaths: config.ARTICLES_DIR,
      log,
    });
    const progress = progressReporter(log);
    const run = await reindexer.run({
      full: options.full ?? false,
      trigger: "cli",
      onProgress: progress.update,
    });
    progress.stop();
    process.stdout.write(summary(run));
    return run.outcome === "succeeded" ? EXIT.ok : run.outcome === "partial" ? EXIT.partial : EXIT.failed;
  } catch (err) {
    if (err instanceof LockHeldError) {
      process.stderr.write(`reindex refused: ${err.message}\n`);
      return EXIT.refused;
    }
    process.stderr.write(`reindex: ${explainFailure(err)}\n`);
    return EXIT.failed;
  } finally {
    await connection?.close();
  }
}

/** A cli-progress bar on a terminal; otherwise one structured log line per phase and every ~10 % of writes. */
function progressReporter(log: Logger): { update: (p: Progress) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: "reindex {phase} [{bar}] {value}/{total} articles", stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (p) => {
        if (p.phase !== "write") return;
        if (!started) bar.start(p.total, p.done, { phase: p.phase });
        started = true;
        bar.setTotal(p.total);
        bar.update(p.done, { phase: p.phase });
      },
      stop: () => bar.stop(),
    };
  }
  let lastPhase = "";
  let lastTenth = -1;
  return {
    update: (p) => {
      const tenth = p.total > 0 ? Math.floor((10 * p.done) / p.total) : 10;
      if (p.phase === lastPhase && tenth === lastTenth) return;
      lastPhase = p.phase;
      lastTenth = tenth;
      log.info({ phase: p.phase, done: p.done, total: p.total }, "reindex progress");
    },
    stop: () => undefined,
  };
}

/** The human summary printed at the end of a run. */
export function summary(run: RunRecord): string {
  const c = run.counts;
  const lines = [
    `run ${run.id} (${run.mode}, ${run.trigger}): ${run.outcome} in ${((run.durationMs ?? 0) / 1000).toFixed(2)} s`,
    `articles: ${c.seen} seen, ${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.removed} removed`,
    `documents: ${c.docsAdded} added, ${c.docsDeleted} deleted`,
    ...run.sources.map((s) =>
      s.ok
        ? `source ${s.name}: ${s.articles} articles, ${s.skipped.length} skipped`
        : `source ${s.name}: FAILED (${s.error}), nothing of it deleted`,
    ),
    ...run.sources.flatMap((s) => s.skipped.map((k) => `  skipped ${k.path}: ${k.reason}`)),
    ...run.errors.map((e) => `error: ${e}`),
  ];
  return `${lines.join("\n")}\n`;
}
