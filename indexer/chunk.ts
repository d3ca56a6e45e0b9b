// Chunking: one article in, its paragraph and quote documents out. Pure: same article, same documents.
import { createHash } from "node:crypto";
import type { Article, Doc, ParagraphDoc, QuoteDoc, QuoteFinding } from "./types.js";
import { extractQuotes } from "./quotes.js";
import { tagEntities } from "./entities.js";
import { topicsFor } from "./topics.js";

/** Bump when chunking output changes for the same input, so every article gets a new revision. */
export const CHUNKER_VERSION = "3";

/** People, places and organisations named in an article (canonical, cleaned). */
export interface Entities {
  people: string[];
  places: string[];
  organizations: string[];
}

/** The steps chunking depends on, replaceable in tests. */
export interface ChunkSteps {
  extractQuotes: (paragraphs: string[]) => QuoteFinding[];
  tagEntities: (article: Article) => Entities;
  topicsFor: (article: Article) => string[];
}

const defaultSteps: ChunkSteps = { extractQuotes, tagEntities, topicsFor };

/** `<articleId>-p-003`: zero-padded so ids sort in reading order. */
export function docId(articleId: string, kind: "p" | "q", index: number): string {
  return `${articleId}-${kind}-${String(index).padStart(3, "0")}`;
}

/** A short content hash of everything that shapes the article's documents, plus the chunker version. */
export function revisionOf(article: Article): string {
  const { id, title, paragraphs, source, url, publishedAt, author } = article;
  const payload = JSON.stringify([CHUNKER_VERSION, id, title, paragraphs, source, url, publishedAt, author]);
  return createHash("sha256").update(payload).digest("hex").slice(0, 16);
}

/** Unix seconds of an ISO date, or undefined when it does not parse. */
export function unixSeconds(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** The fields every document of the article shares. */
function sharedFields(article: Article, topics: string[], entities: Entities, revision: string) {
  const shared = { articleId: article.id, title: article.title, topics, ...entities, revision } as Omit<
    ParagraphDoc,
    "id" | "type" | "text" | "position" | "speakers"
  >;
  if (article.source) shared.source = article.source;
  if (article.url) shared.url = article.url;
  if (article.publishedAt) {
    shared.publishedAt = article.publishedAt;
    const ts = unixSeconds(article.publishedAt);
    if (ts !== undefined) shared.publishedTs = ts;
  }
  if (article.author) shared.author = article.author;
  return shared;
}

/**
 * Splits an article into one `paragraph` document per paragraph and one `quote` document per
 * direct quotation, with article-level topics and entities on every document. Pure.
 */
export function chunkArticle(article: Article, steps: ChunkSteps = defaultSteps): Doc[] {
  const quotes = steps.extractQuotes(article.paragraphs);
  const shared = sharedFields(article, steps.topicsFor(article), steps.tagEntities(article), revisionOf(article));
  const speakersByParagraph = new Map<number, string[]>();
  for (const q of quotes) {
    if (!q.speaker) continue;
    // A quote running over several paragraphs is quoted in each of them, not only where it opens.
    for (let i = q.paragraph; i <= q.endParagraph; i++) {
      const list = speakersByParagraph.get(i) ?? [];
      if (!list.includes(q.speaker)) list.push(q.speaker);
      speakersByParagraph.set(i, list);
    }
  }
  const paragraphs: ParagraphDoc[] = article.paragraphs.map((text, i) => ({
    id: docId(article.id, "p", i),
    type: "paragraph",
    ...shared,
    text,
    position: i,
    speakers: speakersByParagraph.get(i) ?? [],
  }));
  const quoteDocs: QuoteDoc[] = quotes.map((q, i) => ({
    id: docId(article.id, "q", i),
    type: "quote",
    ...shared,
    text: q.text,
    position: i,
    paragraph: q.paragraph,
    speaker: q.speaker,
    speakers: q.speaker ? [q.speaker] : [],
  }));
  return [...paragraphs, ...quoteDocs];
}
