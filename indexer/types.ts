// The shapes that flow through the indexer: an article read from a file, and the documents pushed to Meilisearch.

/** An article as read from a file or a feed, before chunking. */
export interface Article {
  /** Stable id, only `A-Za-z0-9-_`: from the file's `id`, else derived from its url or file name. */
  id: string;
  title: string;
  /** Body paragraphs in order, boilerplate already removed. */
  paragraphs: string[];
  source?: string;
  url?: string;
  /** ISO 8601. */
  publishedAt?: string;
  author?: string;
  /** Where it was read from (file path or URL), for reports. */
  origin?: string;
}

/** Fields every document carries. Article-level fields are copied onto each document so hits stand alone. */
interface BaseDoc {
  /** `<articleId>-p-003` or `<articleId>-q-002`: only `A-Za-z0-9-_`, stable across runs. */
  id: string;
  articleId: string;
  title: string;
  text: string;
  /** Order within the article among documents of the same type: paragraph index, or quote index. */
  position: number;
  /** Canonical names of people quoted in this paragraph or quote. */
  speakers: string[];
  topics: string[];
  /** People, places and organisations mentioned (canonical, cleaned). */
  people: string[];
  places: string[];
  organizations: string[];
  source?: string;
  url?: string;
  publishedAt?: string;
  /** `publishedAt` as Unix seconds, for range filters and sorting. */
  publishedTs?: number;
  author?: string;
  /** Content hash of the whole article: every document of one article version shares it. */
  revision: string;
  /** Name of the configured re-indexing source the article came from (set by `reindex`; absent for `index`). */
  sourceName?: string;
  /** File path or page URL the article was read from (set by `reindex`, to keep articles of unreadable files). */
  origin?: string;
}

export interface ParagraphDoc extends BaseDoc {
  type: "paragraph";
}

export interface QuoteDoc extends BaseDoc {
  type: "quote";
  /** Canonical full name of who said it, or null when the article does not say. */
  speaker: string | null;
  /** `position` of the paragraph document the quote starts in. */
  paragraph: number;
}

export type Doc = ParagraphDoc | QuoteDoc;

/** One direct quotation found in an article, with its attribution. */
export interface QuoteFinding {
  /** Words inside the quotation marks, without the marks (multi-paragraph quotes joined with a space). */
  text: string;
  /** Index of the paragraph the quote starts in. */
  paragraph: number;
  /** Index of the paragraph the quote ends in (same as `paragraph` unless it runs over several). */
  endParagraph: number;
  speaker: string | null;
}

/** What reading one file produced: articles, or the reason it was skipped. */
export type ReadResult =
  | { ok: true; path: string; articles: Article[] }
  | { ok: false; path: string; reason: string };
