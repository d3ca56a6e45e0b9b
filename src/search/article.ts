// The article view: one article's paragraphs and quotes in order, fetched with two filtered searches (the service's
// key may only search).
import type { MultiSearchQuery, SearchResponse } from "meilisearch";
import type { IndexNames } from "../meili/settings.js";
import { equals } from "./filters.js";

/** An article with its paragraphs and quotes in order. */
export interface ArticleView {
  article: Record<string, unknown>;
  paragraphs: { id: string; position: number; text: string; speakers: string[] }[];
  quotes: { id: string; position: number; paragraph: number; text: string; speaker: string | null }[];
}

/** Two queries: the article's paragraphs and its quotes, each in order. */
export function articleQueries(names: IndexNames, id: string): MultiSearchQuery[] {
  const of = (type: string): MultiSearchQuery => ({
    indexUid: names.docs,
    q: "",
    filter: [equals("articleId", id), equals("type", type)],
    sort: ["position:asc"],
    limit: 10_000,
  });
  return [of("paragraph"), of("quote")];
}

type StoredDoc = {
  id: string;
  position: number;
  paragraph: number;
  text: string;
  speakers?: string[];
  speaker?: string | null;
};

/** The article view from the two answers, or null when the article has no documents. */
export function shapeArticle([paragraphs, quotes]: SearchResponse[]): ArticleView | null {
  const first = paragraphs?.hits[0] ?? quotes?.hits[0];
  if (!first) return null;
  const article: Record<string, unknown> = {
    id: first.articleId,
    title: first.title,
    topics: first.topics ?? [],
  };
  for (const key of ["source", "url", "publishedAt", "author"])
    if (first[key] !== undefined) article[key] = first[key];
  return {
    article,
    paragraphs: ((paragraphs?.hits ?? []) as StoredDoc[]).map((h) => ({
      id: h.id,
      position: h.position,
      text: h.text,
      speakers: h.speakers ?? [],
    })),
    quotes: ((quotes?.hits ?? []) as StoredDoc[]).map((h) => ({
      id: h.id,
      position: h.position,
      paragraph: h.paragraph,
      text: h.text,
      speaker: h.speaker ?? null,
    })),
  };
}
