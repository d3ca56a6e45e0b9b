// Re-index benchmark (not a test): 2,000 generated articles; full rebuild time vs an incremental run after editing 1 %.
// `npm run bench:reindex [-- --articles N]`: both measured in one run, against one embedded Meilisearch, in-process.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Reindexer } from "../indexer/reindex.js";
import type { RunRecord } from "../indexer/runs.js";
import { parseReindexConfig } from "../indexer/sources-config.js";
import { adminClient } from "../src/meili/connect.js";
import { ensureEmbedded } from "../src/meili/embedded.js";
import { writeCorpus } from "./corpus.js";
import { editOnePercent } from "./reindex-ratio.js";

const { values } = parseArgs({ options: { articles: { type: "string", default: "2000" } } });
const count = Number(values.articles);

const work = await mkdtemp(join(tmpdir(), "onrecord-bench-reindex-"));
const meili = await ensureEmbedded({ dataDir: join(work, "meili") });
try {
  const corpus = join(work, "corpus");
  await writeCorpus(corpus, count);
  const reindexer = new Reindexer({
    client: adminClient(meili.url, meili.masterKey),
    base: "bench_reindex",
    config: parseReindexConfig({ sources: [{ kind: "dir", name: "corpus" }] }, "bench"),
    defaultPaths: [corpus],
  });
  const timed = async (full: boolean): Promise<RunRecord> => {
    const run = await reindexer.run({ full, trigger: "cli" });
    if (run.outcome !== "succeeded")
      throw new Error(`${run.mode} run ${run.outcome}: ${run.errors.join("; ")}`);
    return run;
  };
  const fill = await timed(false); // the rebuild below replaces a live index, as in production
  const full = await timed(true);
  const edit = await editOnePercent(corpus);
  const incremental = await timed(false);
  const line = (name: string, r: RunRecord) =>
    `${name.padEnd(22)} ${String(r.durationMs).padStart(7)} ms  seen ${r.counts.seen}, new ${r.counts.new}, changed ${r.counts.changed}, unchanged ${r.counts.unchanged}, docs +${r.counts.docsAdded} -${r.counts.docsDeleted}`;
  process.stdout.write(
    [
      `articles: ${count}, edited: ${edit.changed} (${((100 * edit.changed) / edit.articles).toFixed(1)} %)`,
      line("first fill (incr.)", fill),
      line("full rebuild + swap", full),
      line("incremental after 1 %", incremental),
      `ratio incremental / full: ${((incremental.durationMs ?? 0) / (full.durationMs ?? 1)).toFixed(3)}`,
      "",
    ].join("\n"),
  );
} finally {
  await meili.stop();
  await rm(work, { recursive: true, force: true });
}
