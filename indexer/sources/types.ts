// What a source is (a folder, a feed, a list of URLs) and what reading one gives: articles, or one error.
import type { Article } from "../types.js";

/** A folder (or files) of article files; without `paths` it reads ARTICLES_DIR. */
export interface DirSourceSpec {
  kind: "dir";
  name: string;
  paths?: string[];
  prune?: boolean;
}

/** An RSS 2.0 or Atom feed: each item's page is fetched and read as HTML. */
export interface FeedSourceSpec {
  kind: "feed";
  name: string;
  url: string;
  /** Read at most this many items (newest first as the feed lists them). */
  maxItems?: number;
  prune?: boolean;
}

/** Article URLs, given inline and/or in a list (local file or http(s) URL, one URL a line, `#` comments). */
export interface UrlsSourceSpec {
  kind: "urls";
  name: string;
  urls?: string[];
  list?: string;
  prune?: boolean;
}

/** One configured source. `prune` (default true): delete articles that disappear from it. */
export type SourceSpec = DirSourceSpec | FeedSourceSpec | UrlsSourceSpec;

/** A file or page of a source that was read but could not become an article. */
export interface Skipped {
  /** File path or page URL: the same value the article's `origin` would have had. */
  path: string;
  reason: string;
}

/** The outcome of reading one source: all its articles, or why it could not be read at all. */
export type SourceRead =
  | { name: string; ok: true; articles: Article[]; skipped: Skipped[] }
  | { name: string; ok: false; error: string };
