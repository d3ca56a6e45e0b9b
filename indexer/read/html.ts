// HTML articles: metadata from the page's markup, body paragraphs from its main content, boilerplate dropped.
import { load } from "cheerio/slim";
import type { Article } from "../types.js";
import { keepParagraphs } from "../boilerplate.js";
import { articleIdFor, deriveTitle, isoDate } from "./ids.js";
import { ReadError } from "./errors.js";
import { readPageMeta, type PageMeta } from "./html-meta.js";
import type { AnyNode } from "domhandler";
import {
  fallbackParagraphs,
  MAX_READABILITY_DEPTH,
  nestsDeeperThan,
  readabilityParagraphs,
  runReadability,
  type ReadabilityResult,
} from "./html-body.js";

/**
 * The names in a byline: "By A and B | Staff" → "A and B"; bylines often run into a date or a
 * desk name ("By A. Writer\n March 25, 2015", "by A. Writer22 Dec 2016"), cut at the first line
 * break, digit or "Updated". Undefined when nothing name-like is left.
 */
export function cleanByline(byline: string | undefined): string | undefined {
  if (!byline) return undefined;
  const t = (byline.trim().split(/\n/)[0] ?? "")
    .replace(/\s+/g, " ")
    .replace(/^(written |posted |reported )?(by|par|von|por|di|door)\s+/i, "")
    .replace(/\b(last )?(updated|published|posted)\b.*$/i, "")
    .replace(/\d.*$/, "")
    .replace(/\s*[|•·].*$/, "")
    .replace(/[\s,;:–—-]+$/, "")
    .trim();
  if (t.length < 3 || t.length > 100 || !/\p{L}/u.test(t) || /https?:|www\./i.test(t)) return undefined;
  if (/^(on |at )?((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?)$/i.test(t)) return undefined;
  return t;
}

function firstDefined<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}

/**
 * Readability's metadata (it weighs JSON-LD, meta tags and the visible byline) merged over ours
 * from the markup, which fills what it misses.
 */
function articleMeta(meta: PageMeta, rd: ReadabilityResult | null): PageMeta {
  return {
    title: firstDefined(rd?.title, meta.title),
    author: firstDefined(cleanByline(rd?.byline), cleanByline(meta.author)),
    publishedAt: firstDefined(isoDate(rd?.publishedTime), meta.publishedAt),
    source: firstDefined(rd?.siteName, meta.source),
    url: meta.url,
  };
}

/** Drops a repeat of the headline among the first paragraphs, which many pages keep inside the article block. */
function withoutHeadline(paragraphs: string[], title: string | undefined): string[] {
  const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const headline = title ? fold(title) : "";
  if (headline === "" || paragraphs.length < 2) return paragraphs;
  const at = paragraphs.slice(0, 3).findIndex((p) => fold(p) === headline);
  return at < 0 ? paragraphs : paragraphs.filter((_, i) => i !== at);
}

/**
 * The HTML parsers slow down quadratically with nesting depth (100,000 nested divs: minutes), and no
 * article page nests containers anywhere near this deep.
 */
export const MAX_NESTING = 1000;

/** Container tags that always need an end tag, so each open one adds a level (optional-end tags like p, li do not). */
const CONTAINER = /<(\/?)(div|span|section|article|main|aside|nav|header|footer|ul|ol|dl|table|form|blockquote|figure|a|b|i|em|strong|font|center|small|big|u|s|sup|sub|label|button|q|cite|code|pre)\b[^>]*?(\/?)>/gi;

/** Rough nesting depth of container elements, by one linear scan of the raw HTML. */
export function containerDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(CONTAINER)) {
    if (m[3] === "/") continue;
    depth = m[1] === "/" ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

/**
 * Reads one HTML page: Readability's content block, else the largest paragraph block, else the
 * JSON-LD `articleBody`; boilerplate lines and a repeated headline dropped. Null when no text is found.
 */
export function parseHtml(html: string, path: string): Article | null {
  if (containerDepth(html) > MAX_NESTING) throw new ReadError(`HTML nests deeper than ${MAX_NESTING} elements (not an article page)`);
  const $ = load(html);
  const pageMeta = readPageMeta($);
  const rd = nestsDeeperThan($.root()[0] as AnyNode, MAX_READABILITY_DEPTH) ? null : runReadability(html);
  let paragraphs = rd ? keepParagraphs(readabilityParagraphs(rd.content)) : [];
  if (paragraphs.length === 0) paragraphs = keepParagraphs(fallbackParagraphs($));
  // Some pages render the body with scripts only, yet put all of it in JSON-LD.
  if (paragraphs.length === 0 && pageMeta.articleBody) paragraphs = keepParagraphs(pageMeta.articleBody.split(/\r?\n/));
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
