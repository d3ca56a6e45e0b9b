// `index` command: read, chunk and push articles to Meilisearch, with a progress bar on a terminal and a summary.
import cliProgress from "cli-progress";
import { configForCommand } from "./config.js";
import { explainFailure } from "./failure.js";
import { createLogger } from "../../src/log.js";
import { connect } from "../../src/meili/connect.js";
import { applySettings } from "../../src/meili/settings.js";
import { indexPaths, type IndexReport } from "../run.js";

/** Indexes every article under `paths` (default ARTICLES_DIR); returns the exit code (0 all in, 2 files skipped, 1 fatal). */
export async function runIndexCommand(paths: string[]): Promise<number> {
  const config = configForCommand();
  if (!config) return 1;
  const log = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL);
  const targets = paths.length > 0 ? paths : config.ARTICLES_DIR;
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { format: "indexing [{bar}] {value}/{total} files | {articles} articles", stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let connection;
  try {
    connection = await connect(config, { log, exitOnSignal: true, adminOnly: true });
    if (!connection.admin)
      throw new Error("Indexing needs MEILI_MASTER_KEY or MEILI_ADMIN_KEY (only a search key is configured)");
    await applySettings(connection.admin, config.INDEX_NAME);
    let started = false;
    const report = await indexPaths(targets, {
      client: connection.admin,
      index: config.INDEX_NAME,
      log,
      onProgress: ({ filesDone, filesTotal, articles }) => {
        if (!started) bar?.start(filesTotal, 0, { articles });
        started = true;
        bar?.update(filesDone, { articles });
      },
    });
    bar?.stop();
    process.stdout.write(summary(report));
    return report.skipped.length > 0 ? 2 : 0;
  } catch (err) {
    bar?.stop();
    process.stderr.write(`index: ${explainFailure(err)}\n`);
    return 1;
  } finally {
    await connection?.close();
  }
}

/** The human summary printed at the end of a run. */
export function summary(r: IndexReport): string {
  const lines = [
    `files: ${r.files}, articles: ${r.articles} (${r.articlesChanged} new or changed, ${r.articlesUnchanged} unchanged)`,
    `documents: ${r.documents} (added ${r.documentsAdded}, updated ${r.documentsUpdated}, deleted ${r.documentsDeleted})`,
    `skipped: ${r.skipped.length}`,
    ...r.skipped.map((s) => `  ${s.path}: ${s.reason}`),
    `time: ${(r.durationMs / 1000).toFixed(2)} s`,
  ];
  return `${lines.join("\n")}\n`;
}
