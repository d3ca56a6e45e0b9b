// Reading article files: find them, reject bad ones with a one-line reason, hand each format to its parser.
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { Article, ReadResult } from "../types.js";
import { parseTxt } from "./txt.js";
import { parseJson, parseNdjson } from "./json.js";
import { ReadError } from "./errors.js";

/** Files larger than this are skipped: no real article is that big, and it protects memory. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Extensions the reader understands (lower case, with the dot). */
export const ARTICLE_EXTENSIONS = new Set([".txt", ".html", ".htm", ".json", ".ndjson"]);

/** Files that describe a collection rather than report news (README.TXT of a corpus, LICENSE.txt, …). */
const NOT_ARTICLES = /^(readme|license|licence|copying|changelog|notice)(\.[^.]*)?$/i;

/**
 * Every file under `paths` (files as given, folders walked recursively, hidden entries skipped), in a
 * stable order. Files with unknown extensions given explicitly are kept so the reader can report
 * them; inside folders only article extensions are listed, less README/LICENSE-like files. Missing paths are
 * listed too and fail on read.
 */
export async function listArticleFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) files.push(...(await walk(path)));
    else files.push(path);
  }
  return [...new Set(files)];
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile() && isArticleName(entry.name)) files.push(path);
  }
  return files;
}

const isArticleName = (name: string) =>
  ARTICLE_EXTENSIONS.has(extname(name).toLowerCase()) && !NOT_ARTICLES.test(name);

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Bytes to text, or a ReadError naming why the bytes are not a text article. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ReadError("empty file");
  // A NUL byte in the first 8 KB never occurs in UTF-8 text: treat it as a binary file.
  if (bytes.subarray(0, 8192).includes(0)) throw new ReadError("binary file");
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ReadError("invalid UTF-8");
  }
  text = text.replace(/^\ufeff/, "");
  if (text.trim() === "") throw new ReadError("empty file (only whitespace)");
  return text;
}

/** Parses decoded text by extension; lazy-loads the HTML reader (its libraries are slow to import). */
export async function parseArticles(text: string, path: string): Promise<Article[]> {
  const ext = extname(path).toLowerCase();
  if (ext === ".txt") return [parseTxt(text, path)].filter((a): a is Article => a !== null);
  if (ext === ".json") return parseJson(text, path);
  if (ext === ".ndjson") return parseNdjson(text, path);
  if (ext === ".html" || ext === ".htm") {
    const { parseHtml } = await import("./html.js");
    return [parseHtml(text, path)].filter((a): a is Article => a !== null);
  }
  throw new ReadError(
    `unknown extension "${ext || "(none)"}" (expected .txt, .html, .htm, .json or .ndjson)`,
  );
}

/** Reads one file into articles, or a skip with a one-line reason. Never throws for a bad file. */
export async function readArticleFile(path: string): Promise<ReadResult> {
  try {
    if (!ARTICLE_EXTENSIONS.has(extname(path).toLowerCase())) await parseArticles("", path);
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, path, reason: "not a regular file" };
    if (info.size > MAX_FILE_BYTES)
      return { ok: false, path, reason: `file too large (${info.size} bytes > 5 MB)` };
    const articles = await parseArticles(decodeText(await readFile(path)), path);
    if (articles.length === 0) return { ok: false, path, reason: "no article text found" };
    return { ok: true, path, articles };
  } catch (err) {
    return { ok: false, path, reason: reasonOf(err) };
  }
}

function reasonOf(err: unknown): string {
  if (err instanceof ReadError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e.code === "ENOENT") return "file not found";
  if (e.code === "EACCES") return "permission denied";
  return `unreadable: ${String(e.message ?? err).split("\n")[0]}`;
}

/** Reads every article file under `paths`, one result per file, in order. */
export async function* readArticles(paths: string[]): AsyncGenerator<ReadResult> {
  for (const path of await listArticleFiles(paths)) yield await readArticleFile(path);
}
