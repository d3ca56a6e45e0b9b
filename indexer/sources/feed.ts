// Feed source: parse RSS 2.0 or Atom into item links, then fetch and read each item's page.
import { XMLParser } from "fast-xml-parser";
import type { Fetcher } from "../fetch.js";
import { readPages, resolveLink } from "./pages.js";
import type { SourceRead } from "./types.js";

/** One feed entry: the page to fetch, and what the feed says about it (used when the page says less). */
export interface FeedItem {
  link: string;
  title?: string;
  publishedAt?: string;
}

/** The XML is not an RSS 2.0 or Atom feed. */
export class FeedFormatError extends Error {
  override name = "FeedFormatError";
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  processEntities: true,
  htmlEntities: true,
  // Element lists that may hold one entry must always come back as arrays.
  isArray: (name) => ["item", "entry", "link"].includes(name),
});

/** Items of an RSS 2.0 (`rss > channel > item`) or Atom (`feed > entry`) document, in feed order. */
export function parseFeed(xml: string): FeedItem[] {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch (cause) {
    throw new FeedFormatError(`not well-formed XML: ${String((cause as Error).message).split("\n")[0]}`);
  }
  const rss = doc["rss"] as { channel?: { item?: unknown[] } } | undefined;
  if (rss?.channel) return (rss.channel.item ?? []).map(rssItem).filter(hasLink);
  const atom = doc["feed"] as { entry?: unknown[] } | undefined;
  if (atom) return (atom.entry ?? []).map(atomEntry).filter(hasLink);
  throw new FeedFormatError("neither an RSS 2.0 <rss><channel> nor an Atom <feed> document");
}

function rssItem(raw: unknown): FeedItem {
  const item = raw as Record<string, unknown>;
  const guid = item["guid"] as Record<string, unknown> | string | undefined;
  // A guid is a permalink unless it says isPermaLink="false".
  const guidLink =
    typeof guid === "object" && guid["@_isPermaLink"] !== "false"
      ? text(guid)
      : typeof guid === "string"
        ? guid
        : undefined;
  const link = (item["link"] as unknown[] | undefined)?.map(text).find(Boolean) ?? guidLink;
  return withOptional({ link: link ?? "" }, text(item["title"]), isoDate(text(item["pubDate"])));
}

function atomEntry(raw: unknown): FeedItem {
  const entry = raw as Record<string, unknown>;
  const links = (entry["link"] as Record<string, unknown>[] | undefined) ?? [];
  const alternate = links.find((l) => (l["@_rel"] ?? "alternate") === "alternate") ?? links[0];
  const href = typeof alternate?.["@_href"] === "string" ? alternate["@_href"] : "";
  return withOptional(
    { link: href },
    text(entry["title"]),
    isoDate(text(entry["published"]) ?? text(entry["updated"])),
  );
}

function withOptional(item: FeedItem, title: string | undefined, publishedAt: string | undefined): FeedItem {
  if (title) item.title = title;
  if (publishedAt) item.publishedAt = publishedAt;
  return item;
}

function text(node: unknown): string | undefined {
  if (typeof node === "string") return node.trim() || undefined;
  if (typeof node === "number") return String(node);
  if (node && typeof node === "object" && "#text" in node)
    return text((node as Record<string, unknown>)["#text"]);
  return undefined;
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const hasLink = (item: FeedItem): boolean => item.link !== "";

/**
 * Reads a feed source: the feed itself must load and parse, or the whole source fails (deleting
 * nothing). Each item's page is then fetched; a page that fails is skipped with its reason.
 */
export async function readFeedSource(
  name: string,
  url: string,
  fetcher: Fetcher,
  maxItems = 200,
): Promise<SourceRead> {
  let items: FeedItem[];
  try {
    const feed = await fetcher(url);
    items = parseFeed(feed.text)
      .map((item) => ({ ...item, link: resolveLink(item.link, feed.url) }))
      .slice(0, maxItems);
  } catch (err) {
    return { name, ok: false, error: (err as Error).message };
  }
  return { name, ok: true, ...(await readPages(items, fetcher)) };
}
