// Reading web pages into articles: fetch each link, parse it with the foundation's HTML reader.
import type { Fetcher } from "../fetch.js";
import { articleIdFor } from "../read/ids.js";
import type { Article } from "../types.js";
import type { Skipped } from "./types.js";

/** A page to read, with what a feed already said about it (used when the page says less). */
export interface PageRef {
  link: string;
  title?: string;
  publishedAt?: string;
}

/** Pages fetched at once by one source; the fetcher's per-host limit still applies under this. */
const PAGE_CONCURRENCY = 8;

/** `link` resolved against `base`, or `link` unchanged when it cannot be (the fetch then reports it). */
export function resolveLink(link: string, base: string): string {
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}

/** Fetches and reads every page; a page that fails or holds no article is skipped with a reason. */
export async function readPages(
  refs: PageRef[],
  fetcher: Fetcher,
): Promise<{ articles: Article[]; skipped: Skipped[] }> {
  const unique = [...new Map(refs.map((r) => [r.link, r])).values()];
  const results = await mapLimited(unique, PAGE_CONCURRENCY, (ref) => readPage(ref, fetcher));
  const articles: Article[] = [];
  const skipped: Skipped[] = [];
  results.forEach((r, i) => {
    if (r instanceof Error) skipped.push({ path: unique[i]!.link, reason: r.message });
    else articles.push(r);
  });
  return { articles, skipped };
}

async function readPage(ref: PageRef, fetcher: Fetcher): Promise<Article | Error> {
  try {
    const page = await fetcher(ref.link);
    const { parseHtml } = await import("../read/html.js");
    const article = parseHtml(page.text, ref.link);
    if (!article) return new Error("no article text found");
    const url = article.url ?? page.url;
    return {
      ...article,
      id: articleIdFor({ url, path: ref.link }),
      url,
      title: article.title || ref.title || article.title,
      ...((article.publishedAt ?? ref.publishedAt)
        ? { publishedAt: article.publishedAt ?? ref.publishedAt }
        : {}),
      origin: ref.link,
    };
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** Maps `items` through `fn` with at most `limit` calls in flight, keeping order. */
export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
