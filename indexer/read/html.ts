// HTML articles: metadata from the page's markup, body paragraphs from its main content, boilerplate dropped.
import { load } from "cheerio/slim";
import type { Article } from "../types.js";
import { keepParagraphs } from "../boilerplate.js";
import { articleIdFor, deriveTitle, isoDate } from "./ids.js";
import { readPageMeta, type PageMeta } from "./html-meta.js";
import { fallbackParagraphs, readabilityParagraphs, runReadability, type ReadabilityResult } from "./html-body.js";

/** A byline as a list of names: "By A and B | Staff" → "A, B"; undefined when it does not look like names. */
export function cleanByline(byline: string | undefined): string | undefined {
  if (!byline) return undefined;
  const t = byline
    .replace(/\s+/g, " ")
    .replace(/^(written |posted |reported )?(by|par|von|por|di|door)\s+/i, "")
    .replace(/\s*[|•·].*$/, "")
    .trim();
  if (t === "" || t.length > 100 || /\d/.test(t) || /^https?:/i.test(t)) return undefined;
  return t;
}

function firstDefined<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}

/** Page metadata merged with what Readability found: markup first, Readability as the fallback. */
function articleMeta(meta: PageMeta, rd: ReadabilityResult | null): PageMeta {
  return {
    title: firstDefined(rd?.title, meta.title),
    author: firstDefined(cleanByline(meta.author), cleanByline(rd?.byline)),
    publishedAt: firstDefined(meta.publishedAt, isoDate(rd?.publishedTime)),
    source: firstDefined(meta.source, rd?.siteName),
    url: meta.url,
  };
}

/** Drops a leading repeat of the headline, which many pages keep inside the article block. */
function withoutHeadline(paragraphs: string[], title: string | undefined): string[] {
  const fold = (s: string): string => s.toLowerCase().replace(/\W+/g, " ").trim();
  if (!title || paragraphs.length < 2) return paragraphs;
  return fold(paragraphs[0] ?? "") === fold(title) ? paragraphs.slice(1) : paragraphs;
}

/** Reads one HTML page; null when no article text is found. Pure apart from parsing; never throws on odd markup. */
export function parseHtml(html: string, path: string): Article | null {
  const $ = load(html);
  const pageMeta = readPageMeta($);
  const rd = runReadability(html);
  let paragraphs = rd ? keepParagraphs(readabilityParagraphs(rd.content)) : [];
  if (paragraphs.length === 0) paragraphs = keepParagraphs(fallbackParagraphs($));
  const meta = articleMeta(pageMeta, rd);
  paragraphs = withoutHeadline(paragraphs, meta.title);
  if (paragraphs.length === 0) return null;
  const article: Article = {
    id: articleIdFor({ url: meta.url, path }),
    title: meta.title ?? deriveTitle(paragraphs),
    paragraphs,
    origin: path,
  };
  if (meta.source) article.source = meta.source;
  if (meta.url) article.url = meta.url;
  if (meta.publishedAt) article.publishedAt = meta.publishedAt;
  if (meta.author) article.author = meta.author;
  return article;
}
