// Plain-text articles: optional `---` front matter, then one paragraph per non-empty line.
import type { Article } from "../types.js";
import { keepParagraphs } from "../boilerplate.js";
import { articleIdFor, deriveTitle } from "./ids.js";

const FIELDS = new Set(["title", "source", "url", "publishedAt", "author", "id"]);

/** Splits a leading `---` block of `key: value` lines from the body; unknown keys are ignored. */
export function splitFrontMatter(text: string): { meta: Record<string, string>; body: string } {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return { meta: {}, body: text };
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === "---");
  if (end < 0) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  for (const line of lines.slice(1, end)) {
    const m = /^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m?.[1] || !FIELDS.has(m[1])) continue;
    const value = (m[2] ?? "").replace(/^(["'])(.*)\1$/, "$2");
    if (value !== "") meta[m[1]] = value;
  }
  return { meta, body: lines.slice(end + 1).join("\n") };
}

/** Reads one `.txt` article; returns null when it has no paragraph left after boilerplate removal. */
export function parseTxt(text: string, path: string): Article | null {
  const { meta, body } = splitFrontMatter(text);
  const paragraphs = keepParagraphs(body.split(/\r?\n/));
  if (paragraphs.length === 0) return null;
  const article: Article = {
    id: articleIdFor({ id: meta.id, url: meta.url, path }),
    title: meta.title ?? deriveTitle(paragraphs),
    paragraphs,
    origin: path,
  };
  for (const key of ["source", "url", "publishedAt", "author"] as const) {
    if (meta[key]) article[key] = meta[key];
  }
  return article;
}
