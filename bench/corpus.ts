// Synthetic news corpus for benchmarks: N original articles with the paragraph/quote/speaker mix of real news.
// Shape measured on real news (never copied): ~14 paragraphs of ~40 words, ~6 quotes and ~3 speakers an article,
// a third of paragraphs quoting someone, a Zipf-like vocabulary with a long tail of rare words.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Article } from "../indexer/types.js";
import * as V from "./vocab.js";

/** Deterministic PRNG (mulberry32), so a seed always gives the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const between = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
/** Log-uniform rank: P(rank) ~ 1/rank, the Zipf curve of word and name frequencies. */
const zipf = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(Math.exp(r() * Math.log(list.length)))] ?? (list[0] as T);

/** Frequent words first, then rare invented ones, so a Zipf pick gives a realistic vocabulary. */
const VOCABULARY: string[] = (() => {
  const r = rng(7);
  const rare = new Set<string>();
  while (rare.size < 30_000) {
    const n = between(r, 2, 4);
    rare.add(Array.from({ length: n }, () => pick(r, V.SYLLABLES)).join(""));
  }
  return [...V.COMMON_WORDS, ...rare];
})();

interface Person {
  full: string;
  surname: string;
  role: string;
  pronoun: "he" | "she";
}

/** People ranked by how often they are quoted: a few appear everywhere, most rarely. */
const PEOPLE: Person[] = (() => {
  const r = rng(11);
  const out: Person[] = [];
  for (const given of V.GIVEN_NAMES)
    for (const surname of V.SURNAMES) out.push({ full: `${given} ${surname}`, surname, role: pick(r, V.ROLES), pronoun: r() < 0.5 ? "he" : "she" });
  return out.sort(() => r() - 0.5);
})();

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function words(r: Rand, topic: string[], n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.18) out.push(pick(r, topic));
    else if (x < 0.22) out.push(pick(r, V.PLACES));
    else if (x < 0.25) out.push(pick(r, V.ORGANIZATIONS));
    else out.push(zipf(r, VOCABULARY));
  }
  return out.join(" ");
}

const sentence = (r: Rand, topic: string[]): string => `${capitalise(words(r, topic, between(r, 8, 18)))}.`;

/** One paragraph that quotes `p`, in one of the attribution patterns news writing uses. */
function quoteParagraph(r: Rand, topic: string[], p: Person, firstMention: boolean): string {
  const q = (): string => capitalise(words(r, topic, between(r, 7, 16)));
  const name = firstMention ? `${p.role} ${p.full}` : p.surname;
  switch (between(r, 0, 5)) {
    case 0: return `"${q()}," ${name} ${pick(r, V.SAY_VERBS)}.`;
    case 1: return `"${q()}," said ${name}.`;
    case 2: return `"${q()}," ${name} said, "${words(r, topic, between(r, 6, 12))}."`;
    case 3: return `${sentence(r, topic)} ${name} told reporters: "${q()}."`;
    case 4: return firstMention ? `"${q()}," ${name} said.` : `"${q()}," ${p.pronoun} said.`;
    default: return `According to ${name}, the ${words(r, topic, 5)} was "${words(r, topic, between(r, 4, 9))}".`;
  }
}

/** The article at index `i` of the corpus for `seed`: same inputs, same article. */
export function makeArticle(i: number, seed = 1): Article {
  const r = rng(seed * 1_000_003 + i);
  const topicKey = pick(r, Object.keys(V.TOPIC_WORDS));
  const topic = V.TOPIC_WORDS[topicKey] ?? [];
  const cast = Array.from({ length: between(r, 1, 4) }, () => zipf(r, PEOPLE));
  const mentioned = new Set<string>();
  const paragraphs: string[] = [];
  for (let n = between(r, 6, 22), k = 0; k < n; k++) {
    if (k > 0 && r() < 0.38) {
      const p = pick(r, cast);
      paragraphs.push(quoteParagraph(r, topic, p, !mentioned.has(p.full)));
      mentioned.add(p.full);
    } else paragraphs.push(Array.from({ length: between(r, 2, 3) }, () => sentence(r, topic)).join(" "));
  }
  const source = pick(r, V.SOURCES);
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 900) * 86_400_000);
  return {
    id: `bench-${String(i).padStart(7, "0")}`,
    title: capitalise(words(r, topic, between(r, 5, 10))),
    paragraphs,
    source,
    url: `https://news.example.org/${source.toLowerCase().replace(/ /g, "-")}/${i}`,
    publishedAt: day.toISOString(),
    author: pick(r, PEOPLE).full,
  };
}

/** Yields `count` articles starting at `from`: the corpus is streamed, never held whole in memory. */
export function* generateArticles(count: number, seed = 1, from = 0): Generator<Article> {
  for (let i = from; i < from + count; i++) yield makeArticle(i, seed);
}

/** What `writeCorpus` wrote. */
export interface CorpusFiles {
  dir: string;
  files: number;
  articles: number;
  bytes: number;
}

/** Writes the corpus as NDJSON files of `perFile` articles each (well under the reader's 5 MB file cap). */
export async function writeCorpus(dir: string, count: number, seed = 1, perFile = 500): Promise<CorpusFiles> {
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  let files = 0;
  for (let from = 0; from < count; from += perFile, files++) {
    const n = Math.min(perFile, count - from);
    const lines: string[] = [];
    for (const a of generateArticles(n, seed, from)) lines.push(JSON.stringify(a));
    const text = `${lines.join("\n")}\n`;
    bytes += Buffer.byteLength(text);
    await writeFile(join(dir, `articles-${String(files).padStart(5, "0")}.ndjson`), text);
  }
  return { dir, files, articles: count, bytes };
}

async function main(): Promise<void> {
  const { Command } = await import("commander");
  const opts = new Command()
    .option("--articles <n>", "number of articles", "10000")
    .option("--seed <n>", "random seed", "1")
    .requiredOption("--out <dir>", "output folder")
    .parse()
    .opts<{ articles: string; seed: string; out: string }>();
  const res = await writeCorpus(opts.out, Number(opts.articles), Number(opts.seed));
  process.stdout.write(`${JSON.stringify(res)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
