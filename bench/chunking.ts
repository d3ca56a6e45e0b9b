// Chunking benchmark, run as its own process (one core, its own peak RSS): read the corpus into memory, then time
// chunkArticle over every article. Prints one JSON line: articles, documents, text bytes, ms, peak RSS.
import { readFile } from "node:fs/promises";
import { chunkArticle } from "../indexer/chunk.js";
import { readArticles } from "../indexer/read/index.js";
import type { Article } from "../indexer/types.js";

/** What one chunking pass measured. */
export interface ChunkingResult {
  articles: number;
  documents: number;
  quotes: number;
  textBytes: number;
  ms: number;
  peakRssMB: number;
}

async function loadArticles(dir: string): Promise<Article[]> {
  const out: Article[] = [];
  for await (const r of readArticles([dir])) if (r.ok) out.push(...r.articles);
  return out;
}

/** Chunks every article `rounds` times (the first round warms the JIT and is not counted). */
export function timeChunking(articles: Article[], rounds = 2): Omit<ChunkingResult, "peakRssMB"> {
  let documents = 0;
  let quotes = 0;
  let ms = 0;
  for (let round = 0; round < rounds; round++) {
    const t0 = performance.now();
    let d = 0;
    let q = 0;
    for (const a of articles)
      for (const doc of chunkArticle(a)) {
        d++;
        if (doc.type === "quote") q++;
      }
    if (round > 0 || rounds === 1) {
      ms += performance.now() - t0;
      documents = d;
      quotes = q;
    }
  }
  const textBytes = articles.reduce((s, a) => s + Buffer.byteLength(a.title) + a.paragraphs.reduce((t, p) => t + Buffer.byteLength(p), 0), 0);
  return { articles: articles.length, documents, quotes, textBytes, ms: ms / Math.max(1, rounds - 1) };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: chunking.ts <corpus dir>");
  const articles = await loadArticles(dir);
  const res = timeChunking(articles);
  const hwm = /VmHWM:\s+(\d+) kB/.exec(await readFile("/proc/self/status", "utf8"))?.[1];
  const out: ChunkingResult = { ...res, peakRssMB: Number(hwm ?? 0) / 1024 };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

if (process.argv[1]?.endsWith("chunking.ts")) await main();
