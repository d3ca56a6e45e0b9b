// Re-index section: a full rebuild of the corpus, then 1 % of its articles edited and an incremental run, both
// through the `reindex` CLI (the re-indexing engineer's code) as child processes against the same Meilisearch.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MeiliTarget } from "./floor.js";
import { runNode, tsxArgs } from "./proc.js";

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

async function reindexCli(t: MeiliTarget, dir: string, base: string, full: boolean): Promise<{ ms: number; out: string }> {
  const run = await runNode(tsxArgs("indexer/cli.ts", ["reindex", ...(full ? ["--full"] : [])]), {
    MEILI_URL: t.url,
    MEILI_MASTER_KEY: t.apiKey,
    INDEX_NAME: base,
    ARTICLES_DIR: dir,
    LOG_LEVEL: "warn",
  });
  if (run.code !== 0 && run.code !== 2) throw new Error(`reindex${full ? " --full" : ""} exited with ${run.code ?? run.signal}:\n${run.stderr.slice(-3000)}`);
  return { ms: run.ms, out: run.stdout.trim().slice(-2000) };
}

/** Full rebuild, edit 1 %, incremental run; into index `bench_reindex`. Needs the synthetic (NDJSON) corpus. */
export async function benchReindex(t: MeiliTarget, dir: string, _work: string, articles: number | undefined): Promise<ReindexBench> {
  if (articles === undefined) throw new Error("the re-index section edits the synthetic corpus; it does not run with --corpus");
  const base = "bench_reindex";
  await reindexCli(t, dir, base, false); // first fill: the rebuild below then replaces a live index, as in production
  const full = await reindexCli(t, dir, base, true);
  const edit = await editOnePercent(dir);
  const inc = await reindexCli(t, dir, base, false);
  return { articles: edit.articles, changed: edit.changed, fullMs: full.ms, incrementalMs: inc.ms, fullSummary: full.out, incrementalSummary: inc.out };
}
