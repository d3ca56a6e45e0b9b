// JSON and NDJSON articles: objects (or arrays of objects) with a title and a body or paragraphs.
import type { Article } from "../types.js";
import { keepParagraphs } from "../boilerplate.js";
import { articleIdFor, deriveTitle, isoDate } from "./ids.js";
import { ReadError } from "./errors.js";


type Json = Record<string, unknown>;

function str(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  return undefined;
}

/** The author as one string: a name, a list of names, or objects with a `name`. */
function authorOf(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  const names = list
    .map((a) => (a && typeof a === "object" ? str((a as Json).name) : str(a)))
    .filter((n): n is string => n !== undefined);
  return names.length ? names.join(", ") : undefined;
}

/** Paragraphs from `paragraphs` (array of strings) or `body`/`text`/`content` (split on blank lines, else newlines). */
function paragraphsOf(obj: Json): string[] {
  if (Array.isArray(obj.paragraphs)) return keepParagraphs(obj.paragraphs.filter((p): p is string => typeof p === "string"));
  const body = str(obj.body) ?? str(obj.text) ?? str(obj.content) ?? str(obj.articleBody);
  if (!body) return [];
  // Blank lines separate paragraphs when the body has any; then single newlines are hard wraps.
  return keepParagraphs(body.split(/\r?\n\s*\n/.test(body) ? /\r?\n\s*\n/ : /\r?\n/));
}

/** One article from one object, or null when it has no body. `item` numbers articles of multi-article files. */
export function articleFromObject(obj: unknown, path: string, item?: number): Article | null {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return null;
  const o = obj as Json;
  const paragraphs = paragraphsOf(o);
  if (paragraphs.length === 0) return null;
  const url = str(o.url);
  const article: Article = {
    id: articleIdFor({ id: o.id, url, path, item }),
    title: str(o.title) ?? str(o.headline) ?? deriveTitle(paragraphs),
    paragraphs,
    origin: path,
  };
  const source = str(o.source) ?? str(o.siteName);
  const publishedAt = isoDate(o.publishedAt ?? o.datePublished ?? o.date);
  const author = authorOf(o.author ?? o.byline);
  if (source) article.source = source;
  if (url) article.url = url;
  if (publishedAt) article.publishedAt = publishedAt;
  if (author) article.author = author;
  return article;
}

function parseOrThrow(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ReadError(`invalid JSON${where}: ${(err as Error).message.split("\n")[0]}`);
  }
}

/** Reads a `.json` file: one article object, or an array of them (numbered 1, 2, ... for ids). */
export function parseJson(text: string, path: string): Article[] {
  const data = parseOrThrow(text, "");
  if (Array.isArray(data)) {
    return data.map((o, i) => articleFromObject(o, path, i + 1)).filter((a): a is Article => a !== null);
  }
  const one = articleFromObject(data, path);
  return one ? [one] : [];
}

/** Reads an `.ndjson` file: one article object per non-empty line, numbered by line for ids. */
export function parseNdjson(text: string, path: string): Article[] {
  const articles: Article[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const article = articleFromObject(parseOrThrow(line, ` on line ${i + 1}`), path, i + 1);
    if (article) articles.push(article);
  });
  return articles;
}
