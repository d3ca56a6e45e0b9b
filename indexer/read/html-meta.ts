// Article metadata from an HTML page: JSON-LD NewsArticle (also in @graph and arrays), og:/article: meta, <title>, <time>.
import type { CheerioAPI } from "cheerio/slim";
import { isoDate } from "./ids.js";

/** What a page says about its article; every field is optional. */
export interface PageMeta {
  title?: string;
  author?: string;
  publishedAt?: string;
  source?: string;
  url?: string;
  /** The full text JSON-LD gives, when it does (some sites put the whole body there). */
  articleBody?: string;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|LiveBlogPosting|ScholarlyArticle|TechArticle|Report|SocialMediaPosting|WebPage)$/;

function text(value: unknown): string | undefined {
  if (typeof value === "string") {
    const t = decodeEntities(value).replace(/\s+/g, " ").trim();
    return t === "" ? undefined : t;
  }
  return undefined;
}

function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x?[0-9a-f]+|amp|quot|apos|lt|gt|nbsp|#39);/gi, (m, e: string) => {
    const named: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: " " };
    if (e[0] !== "#") return named[e.toLowerCase()] ?? m;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
  });
}

/** Names from a schema.org `author`/`creator`: a string, a Person/Organization, or a list of them. */
function names(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  const found = list
    .map((v) => (v && typeof v === "object" ? text((v as Json).name) : text(v)))
    .filter((n): n is string => n !== undefined && !/^https?:/.test(n));
  return found.length ? [...new Set(found)].join(", ") : undefined;
}

/** Every object in a JSON-LD value, flattening arrays and `@graph`. */
function flatten(value: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(value)) value.forEach((v) => flatten(v, out));
  else if (value && typeof value === "object") {
    const obj = value as Json;
    out.push(obj);
    if (obj["@graph"]) flatten(obj["@graph"], out);
  }
  return out;
}

function typesOf(obj: Json): string[] {
  const t = obj["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

/** The most article-like JSON-LD object on the page (an article type beats WebPage). */
function jsonLdArticle($: CheerioAPI): Json | undefined {
  const objects: Json[] = [];
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      flatten(JSON.parse($(el).text().replace(/^\s*<!--|-->\s*$/g, "")), objects);
    } catch {
      // A broken JSON-LD block is common on real pages; the other sources still apply.
    }
  });
  const articles = objects.filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
  return articles.find((o) => !typesOf(o).includes("WebPage")) ?? articles[0];
}

function fromJsonLd(ld: Json | undefined): PageMeta {
  if (!ld) return {};
  const publisher = ld.publisher as Json | undefined;
  return {
    title: text(ld.headline) ?? text(ld.name),
    author: names(ld.author) ?? names(ld.creator),
    publishedAt: isoDate(ld.datePublished ?? ld.dateCreated),
    source: publisher && typeof publisher === "object" ? text(publisher.name) : undefined,
    url: text(ld.url) ?? text((ld.mainEntityOfPage as Json | undefined)?.["@id"]),
    articleBody: typeof ld.articleBody === "string" ? ld.articleBody : undefined,
  };
}

/** Every `<meta>` content by its property, name or itemprop (lower case, first one wins), in one pass. */
function metaTags($: CheerioAPI): Map<string, string> {
  const tags = new Map<string, string>();
  $("meta").each((_, el) => {
    const content = text(el.attribs.content);
    if (!content) return;
    for (const key of [el.attribs.property, el.attribs.name, el.attribs.itemprop]) {
      const k = key?.toLowerCase();
      if (k && !tags.has(k)) tags.set(k, content);
    }
  });
  return tags;
}

function fromMeta($: CheerioAPI): PageMeta {
  const tags = metaTags($);
  const meta = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const v = tags.get(key.toLowerCase());
      if (v) return v;
    }
    return undefined;
  };
  const author = meta("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl");
  return {
    title: meta("og:title", "twitter:title", "dc.title", "headline", "parsely-title", "sailthru.title") ?? text($("title").first().text()),
    author: author && !/^https?:/.test(author) ? author.replace(/^by\s+/i, "") : undefined,
    publishedAt: isoDate(
      meta("article:published_time", "datePublished", "date", "pubdate", "publish-date", "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date", "og:published_time") ??
        $("time[datetime]").first().attr("datetime"),
    ),
    source: meta("og:site_name", "application-name", "publisher", "twitter:site")?.replace(/^@/, ""),
    url: $('link[rel="canonical"]').attr("href") ?? meta("og:url"),
  };
}

/** Metadata from JSON-LD first, then meta tags, then `<title>` and `<time>`. Pure; never throws. */
export function readPageMeta($: CheerioAPI): PageMeta {
  const ld = fromJsonLd(jsonLdArticle($));
  const tags = fromMeta($);
  const merged: PageMeta = {};
  for (const key of ["title", "author", "publishedAt", "source", "url", "articleBody"] as const) {
    const value = ld[key] ?? tags[key];
    if (value) merged[key] = value;
  }
  if (merged.url && !/^https?:\/\//i.test(merged.url)) delete merged.url;
  return merged;
}
