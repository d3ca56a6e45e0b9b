// `npm run bench`: every figure against a baseline measured in the same run, on one embedded Meilisearch.
// Prints a table and writes bench-results/<date>.json. `--quick` for a small fast run.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { ensureEmbedded, freePort } from "../src/meili/embedded.js";
import { writeCorpus } from "./corpus.js";
import { formatTable, writeRun, type BenchRun, type Row } from "./report.js";
import * as S from "./sections.js";

interface Options {
  articles: number;
  corpus: string | undefined;
  quick: boolean;
  duration: number;
  memory: number[];
  only: string[];
  out: string;
}

function parseOptions(): Options {
  const o = new Command()
    .option("--articles <n>", "synthetic articles to generate", "10000")
    .option("--corpus <dir>", "use real article files instead of the synthetic corpus")
    .option("--quick", "small fast run: 1,000 articles, 3 s loads, memory at 1k and 5k", false)
    .option("--duration <s>", "seconds per search load run", "20")
    .option("--memory <list>", "article counts for the indexer memory check", "10000,100000")
    .option("--only <list>", "sections to run: chunking,indexing,search,reindex,memory", "chunking,indexing,search,reindex,memory")
    .option("--out <dir>", "results folder", "bench-results")
    .parse()
    .opts<{ articles: string; corpus?: string; quick: boolean; duration: string; memory: string; only: string; out: string }>();
  const list = (s: string): number[] => s.split(",").map(Number).filter((n) => n > 0);
  return {
    articles: o.quick ? 1000 : Number(o.articles),
    corpus: o.corpus,
    quick: o.quick,
    duration: o.quick ? 3 : Number(o.duration),
    memory: o.quick ? [1000, 5000] : list(o.memory),
    only: o.only.split(","),
    out: o.out,
  };
}

async function main(): Promise<void> {
  const opts = parseOptions();
  const startedAt = new Date().toISOString();
  const work = await mkdtemp(path.join(os.tmpdir(), "onrecord-bench-"));
  const meili = await ensureEmbedded({ dataDir: path.join(work, "meili"), port: await freePort() });
  const t = { url: meili.url, apiKey: meili.masterKey };
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const log = (msg: string): void => void process.stderr.write(`bench: ${msg}\n`);
  try {
    const dir = opts.corpus ?? (await writeCorpus(path.join(work, "corpus"), opts.articles)).dir;
    log(`corpus ${dir} (${opts.corpus ? "real files" : `${opts.articles} synthetic articles`})`);
    const ctx: S.Context = { t, meiliPid: meili.pid, dir, work, opts, rows, details, log };
    for (const name of ["indexing", "chunking", "search", "reindex", "memory"] as const) {
      if (!opts.only.includes(name)) continue;
      log(`section ${name}`);
      try {
        await S.sections[name](ctx);
      } catch (err) {
        log(`section ${name} failed: ${(err as Error).stack ?? String(err)}`);
        details[`${name}Error`] = String((err as Error).message ?? err);
      }
    }
  } finally {
    await meili.stop();
    await rm(work, { recursive: true, force: true });
  }
  const run: BenchRun = {
    startedAt,
    finishedAt: new Date().toISOString(),
    options: { ...opts },
    machine: { cpus: os.cpus().length, totalMemMB: Math.round(os.totalmem() / 2 ** 20), node: process.version, platform: `${os.platform()} ${os.arch()}` },
    rows,
    details,
  };
  process.stdout.write(`${formatTable(rows)}\n`);
  process.stdout.write(`results: ${await writeRun(opts.out, run)}\n`);
}

await main();
