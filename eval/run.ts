// `npm run eval`: runs every scorer against ../shared (skips when it is absent) and prints one table.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, symlink, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { inHalf, scoreExtraction, type Half } from "./extraction.js";
import { scoreMetadata } from "./metadata.js";
import { scoreTopics } from "./topics.js";
import { measureChunking } from "./speed.js";

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const SHARED = resolve(ROOT, "..", "shared");
const CORPUS = join(SHARED, "corpus");

type Row = [string, string];

/** Runs a Python scorer from the repo root and returns its last output line. */
async function python(script: string, args: string[]): Promise<string> {
  const { stdout } = await run("python3", [join(SHARED, "eval", script), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 60 * 60 * 1000 });
  return stdout.trim().split("\n").pop() ?? "";
}

/** The figures of a scorer's last line, as a map: "F1=0.97 P=0.95" → { F1: "0.97", P: "0.95" }. */
function figures(line: string): Record<string, string> {
  return Object.fromEntries([...line.matchAll(/([\w/]+)=([^\s]+)/g)].map((m) => [m[1] as string, m[2] as string]));
}

/** A benchmark folder holding only one half's pages, so the shared scorer can score each half. */
async function halfBench(bench: string, half: Half, into: string): Promise<string> {
  const dir = join(into, half);
  await mkdir(join(dir, "html"), { recursive: true });
  const truth = JSON.parse(await readFile(join(bench, "ground-truth.json"), "utf8")) as Record<string, unknown>;
  const kept = Object.fromEntries(Object.entries(truth).filter(([id]) => inHalf(id, half)));
  await writeFile(join(dir, "ground-truth.json"), JSON.stringify(kept));
  for (const id of Object.keys(kept)) await symlink(join(bench, "html", `${id}.html.gz`), join(dir, "html", `${id}.html.gz`));
  return dir;
}

async function extractionRows(): Promise<Row[]> {
  const bench = join(CORPUS, "extraction-benchmark");
  const rows: Row[] = [];
  const tmp = await mkdtemp(join(tmpdir(), "onrecord-eval-"));
  try {
    for (const half of ["dev", "test"] as const) {
      const f = figures(await python("score_extraction.py", [await halfBench(bench, half, tmp)]));
      rows.push([`extraction ${half} half (score_extraction.py, chunk CLI)`, `F1 ${f.F1} · P ${f.P} · R ${f.R} · pages ${f.pages} · errors ${f.errors}`]);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  for (const extractor of ["readability", "pipeline"] as const) {
    for (const half of ["dev", "test"] as const) {
      const s = scoreExtraction(bench, half, extractor);
      const name = extractor === "readability" ? "Readability alone" : "our pipeline";
      rows.push([`extraction ${half} half, ${name} (in-process)`, `F1 ${s.f1.toFixed(3)} · P ${s.precision.toFixed(3)} · R ${s.recall.toFixed(3)}`]);
    }
  }
  return rows;
}

async function quoteRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const gold of ["gold-polnear-dev", "gold"]) {
    const f = figures(await python("score_quotes.py", [join(SHARED, "eval", gold), CORPUS]));
    rows.push([`quotes ${gold}`, `F1 ${f.F1} · speaker_acc ${f.speaker_acc} · wrong ${f.wrong} · unknown ${f.unknown} · attributed_F1 ${f.attributed_F1}`]);
  }
  return rows;
}

function metadataRow(): Row {
  const { matched, present, byField } = scoreMetadata(join(CORPUS, "readability-pages"));
  const parts = Object.entries(byField).map(([k, [m, n]]) => `${k} ${m}/${n}`).join(" · ");
  return ["metadata field accuracy (readability-pages)", `${(matched / present).toFixed(3)} (${matched}/${present}: ${parts})`];
}

function topicRow(): Row {
  const { correct, total } = scoreTopics(join(CORPUS, "news", "bbc-fulltext"));
  return ["topic accuracy, first topic vs BBC label", `${(correct / total).toFixed(3)} (${correct}/${total})`];
}

async function speedRow(): Promise<Row> {
  const bbc = join(CORPUS, "news", "bbc-fulltext");
  const folders = ["business", "entertainment", "politics", "sport", "tech"].map((c) => join(bbc, c));
  const { articles, seconds } = await measureChunking(folders);
  return ["chunk speed, BBC set in one process", `${(articles / seconds).toFixed(0)} articles/s (${articles} articles in ${seconds.toFixed(1)} s)`];
}

function printTable(rows: Row[]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`| ${"figure".padEnd(width)} | value |`);
  console.log(`| ${"-".repeat(width)} | ----- |`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
}

async function main(): Promise<number> {
  if (!existsSync(CORPUS)) {
    console.log(`eval: skipped, ${SHARED} is not here (the corpora and scorers live outside the repository).`);
    return 0;
  }
  const only = process.argv.slice(2);
  const want = (name: string): boolean => only.length === 0 || only.includes(name);
  const rows: Row[] = [];
  if (want("extraction")) rows.push(...(await extractionRows()));
  if (want("metadata")) rows.push(metadataRow());
  if (want("quotes")) rows.push(...(await quoteRows()));
  if (want("topics")) rows.push(topicRow());
  if (want("speed")) rows.push(await speedRow());
  printTable(rows);
  return 0;
}

process.exitCode = await main();
