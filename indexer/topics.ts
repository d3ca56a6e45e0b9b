// Article topics from the editable taxonomy file (IPTC Media Topics top level plus finer subtopics), by keyword scoring.
import { readFileSync } from "node:fs";
import type { Article } from "./types.js";

/**
 * Topic values, a stable shape: top-level IPTC names (e.g. "politics") best first, then subtopics
 * as "<top>/<sub>" (e.g. "politics/international relations") in score order. The first value is
 * the article's best topic.
 */
export type Topics = string[];

/** The taxonomy file's shape (see indexer/taxonomy.json). */
export interface TaxonomyFile {
  minScore?: number;
  topics: { name: string; iptc?: string; keywords: string[]; subtopics?: { name: string; keywords: string[] }[] }[];
}

interface Target {
  top: number;
  sub?: string;
}

/** A taxonomy ready for matching: phrase → the topics it counts for. */
export interface CompiledTaxonomy {
  names: string[];
  phrases: Map<string, Target[]>;
  maxWords: number;
  minScore: number;
}

/** Title words weigh more: a headline states what the story is about. */
const TITLE_WEIGHT = 3;
const LEDE_WEIGHT = 2;
/** Top-level topics kept, and how close to the best one a second topic must score. */
const MAX_TOP = 3;
const RELATIVE_CUTOFF = 0.4;

/** Lower-case words, hyphenated and apostrophe words kept whole, with a light plural folding. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? []).map(singular);
}

/** Words ending in -s that are not plurals of a shorter keyword. */
const NOT_PLURAL = new Set(["series", "commons", "species", "news", "politics", "economics", "physics", "athletics", "olympics", "lens", "bus", "gas"]);

function singular(w: string): string {
  if (w.length <= 3 || NOT_PLURAL.has(w)) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ss|us|is|ics)$/.test(w)) return w;
  if (/(ch|sh|x|ss)es$/.test(w)) return w.slice(0, -2);
  return w.endsWith("s") ? w.slice(0, -1) : w;
}

function invalid(message: string): never {
  throw new Error(`taxonomy: ${message}`);
}

/** Checks the file's shape and builds the phrase index; throws a message naming the first problem. */
export function compileTaxonomy(data: unknown): CompiledTaxonomy {
  const file = data as TaxonomyFile;
  if (!file || !Array.isArray(file.topics)) invalid('expected an object with a "topics" array');
  const phrases = new Map<string, Target[]>();
  let maxWords = 1;
  const add = (phrase: string, target: Target): void => {
    const key = words(phrase).join(" ");
    if (key === "") return;
    maxWords = Math.max(maxWords, key.split(" ").length);
    const list = phrases.get(key) ?? [];
    if (!list.some((t) => t.top === target.top && t.sub === target.sub)) list.push(target);
    phrases.set(key, list);
  };
  file.topics.forEach((topic, top) => {
    if (typeof topic?.name !== "string" || !Array.isArray(topic.keywords)) invalid(`topic ${top + 1} needs "name" and "keywords"`);
    topic.keywords.forEach((k) => add(String(k), { top }));
    for (const sub of topic.subtopics ?? []) {
      if (typeof sub?.name !== "string" || !Array.isArray(sub.keywords)) invalid(`a subtopic of "${topic.name}" needs "name" and "keywords"`);
      for (const k of sub.keywords) {
        add(String(k), { top });
        add(String(k), { top, sub: `${topic.name}/${sub.name}` });
      }
    }
  });
  return { names: file.topics.map((t) => t.name), phrases, maxWords, minScore: file.minScore ?? 3 };
}

/** Keyword hits per phrase in `tokens`, each n-gram checked once (longest phrases do not hide shorter ones). */
function countHits(tokens: string[], tax: CompiledTaxonomy, weight: number, hits: Map<string, number>): void {
  for (let i = 0; i < tokens.length; i++) {
    let key = "";
    for (let n = 0; n < tax.maxWords && i + n < tokens.length; n++) {
      key = n === 0 ? (tokens[i] as string) : `${key} ${tokens[i + n] as string}`;
      if (tax.phrases.has(key)) hits.set(key, (hits.get(key) ?? 0) + weight);
    }
  }
}

/**
 * Topics of an article, best first (see {@link Topics}). A phrase adds 1 + ln(hits) to each topic
 * it belongs to, so many different keywords beat one repeated word. Pure.
 */
export function assignTopics(article: Pick<Article, "title" | "paragraphs">, tax: CompiledTaxonomy): Topics {
  const hits = new Map<string, number>();
  countHits(words(article.title), tax, TITLE_WEIGHT, hits);
  // News puts the story's subject in the headline and the first paragraph (the lede).
  // A text file without front matter repeats its headline as the first paragraph: the lede is the next one.
  const lede = article.paragraphs[0] === article.title ? 1 : 0;
  article.paragraphs.forEach((p, i) => countHits(words(p), tax, i === lede ? LEDE_WEIGHT : 1, hits));
  const topScores = new Map<number, number>();
  const subScores = new Map<string, number>();
  for (const [phrase, count] of hits) {
    const points = 1 + Math.log(count);
    for (const t of tax.phrases.get(phrase) ?? []) {
      if (t.sub) subScores.set(t.sub, (subScores.get(t.sub) ?? 0) + points);
      else topScores.set(t.top, (topScores.get(t.top) ?? 0) + points);
    }
  }
  const ranked = [...topScores].filter(([, s]) => s >= tax.minScore).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const best = ranked[0]?.[1] ?? 0;
  const tops = ranked.filter(([, s]) => s >= best * RELATIVE_CUTOFF).slice(0, MAX_TOP).map(([i]) => tax.names[i] as string);
  const subs = [...subScores]
    .filter(([name, s]) => s >= tax.minScore && tops.includes(name.slice(0, name.indexOf("/"))))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name]) => name);
  return [...tops, ...subs];
}

let defaultTaxonomy: CompiledTaxonomy | undefined;

/** The taxonomy in indexer/taxonomy.json, read and compiled once. */
export function loadDefaultTaxonomy(): CompiledTaxonomy {
  defaultTaxonomy ??= compileTaxonomy(JSON.parse(readFileSync(new URL("./taxonomy.json", import.meta.url), "utf8")));
  return defaultTaxonomy;
}

/** Topics of an article under the default taxonomy file. */
export function topicsFor(article: Pick<Article, "title" | "paragraphs">): Topics {
  return assignTopics(article, loadDefaultTaxonomy());
}
