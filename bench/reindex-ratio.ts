// Re-index section: a full rebuild of the corpus, then 1 % of its articles edited and an incremental run, both with
// the re-indexing engineer's `Reindexer` against the same Meilisearch.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Reindexer } from "../indexer/reindex.js";
import type { RunRecord } from "../indexer/runs.js";
import { parseReindexConfig } from "../indexer/sources-config.js";
import { adminClient } from "../src/meili/connect.js";
import type { MeiliTarget } from "./floor.js";

/** What the section measured. */
export interface ReindexBench {
  articles: number;
  changed: number;
  fullMs: number;
  incrementalMs: number;
  fullSummary: string;
  incrementalSummary: string;
}

/** Edits every hundredth article of the NDJSON corpus in `dir` (one paragraph changed); returns how many. */
export async function editOnePercent(dir: string): Promise<{ articles: number; changed: number }> {
  let articles = 0;
  let changed = 0;
  for (const name of (await readdir(dir)).filter((f) => f.endsWith(".ndjson")).sort()) {
    const file = path.join(dir, name);
    const lines = (await readFile(file, "utf8")).split("\n").filter(Boolean);
    const out = lines.map((line) => {
      if (articles++ % 100 !== 0) return line;
      changed++;
      const a = JSON.parse(line) as { paragraphs: string[] };
      a.paragraphs[0] = `${a.paragraphs[0] ?? ""} This paragraph was corrected after publication.`;
      return JSON.stringify(a);
    });
    await writeFile(file, `${out.join("\n")}\n`);
  }
  return { articles, changed };
}

/** Full rebuild, edit 1 %, incremental run; into index `bench_reindex`, in-process with the `Reindexer` (so process
 * start-up does not pad the short incremental run). Needs the synthetic (NDJSON) corpus. */
export async function benchReindex(t: MeiliTarget, dir: string, _work: string, articles: number | undefined): Promise<ReindexBench> {
  if (articles === undefined) throw new Error("the re-index section edits the synthetic corpus; it does not run with --corpus");
  const reindexer = new Reindexer({
    client: adminClient(t.url, t.apiKey),
    base: "bench_reindex",
    config: parseReindexConfig({ sources: [{ kind: "dir", name: "corpus" }] }, "bench"),
    defaultPaths: [dir],
  });
  const timed = async (full: boolean): Promise<RunRecord> => {
    const run = await reindexer.run({ full, trigger: "cli" });
    if (run.outcome !== "succeeded") throw new Error(`${run.mode} run ${run.outcome}: ${run.errors.join("; ")}`);
    return run;
  };
  await timed(false); // first fill: the rebuild below then replaces a live index, as in production
  const full = await timed(true);
  const edit = await editOnePercent(dir);
  const inc = await timed(false);
  const summary = (r: RunRecord): string => JSON.stringify(r.counts);
  return { articles: edit.articles, changed: edit.changed, fullMs: full.durationMs ?? NaN, incrementalMs: inc.durationMs ?? NaN, fullSummary: summary(full), incrementalSummary: summary(inc) };
}
