// The only builder of Meilisearch filter expressions: every value is escaped and double-quoted, numbers checked.
import type { Filter } from "meilisearch";

/** Filters of a search; values within one facet are OR-ed, different facets AND-ed. */
export interface SearchFilters {
  type?: "paragraph" | "quote" | undefined;
  /** Matched against the documents' `speakers` field. */
  speakers?: string[] | undefined;
  topics?: string[] | undefined;
  sources?: string[] | undefined;
  /** Unix seconds, inclusive bounds on `publishedTs`. */
  from?: number | undefined;
  to?: number | undefined;
  article?: string | undefined;
}

/** Facet groups whose own filter is left out when computing their disjunctive counts. */
export type FacetGroup = "type" | "speaker" | "topics" | "source";

/**
 * Encodes a string as a Meilisearch filter value. The 1.21 parser unescapes `\"` and then Rust-style escapes,
 * so backslashes must be doubled FIRST, then quotes escaped; the value is always wrapped in double quotes.
 */
export function quoteValue(value: string): string {
  return `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** `field = "value"`. Field names are ours (never user input) and are quoted too, so keywords cannot clash. */
export function equals(field: string, value: string): string {
  return `${quoteValue(field)} = ${quoteValue(value)}`;
}

/** `field != "value"`. */
export function notEquals(field: string, value: string): string {
  return `${quoteValue(field)} != ${quoteValue(value)}`;
}

/** `field IN ["a", "b"]`; an empty list matches nothing. */
export function anyOf(field: string, values: readonly string[]): string {
  return `${quoteValue(field)} IN [${values.map(quoteValue).join(", ")}]`;
}

/** `field >= n` / `field <= n` with a finite number, emitted bare. */
export function compare(field: string, op: ">=" | "<=" | ">" | "<", n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number for ${field}: ${n}`);
  return `${quoteValue(field)} ${op} ${n}`;
}

/** The filter of one article's documents that are not of revision `revision` (stale after a re-index). */
export function staleDocsFilter(articleId: string, revision: string): string {
  return `${equals("articleId", articleId)} AND ${notEquals("revision", revision)}`;
}

/**
 * The documents that together carry every person name of the index once per article: all quotes (their speakers)
 * and each article's first paragraph (people are tagged per article, so every paragraph repeats them).
 */
export function nameCarriersFilter(): string {
  return `${equals("type", "quote")} OR (${equals("type", "paragraph")} AND ${quoteValue("position")} = 0)`;
}

/**
 * Builds the filter (array form: AND of entries, OR within an inner array) for `filters`, leaving out the
 * group `omit` (used for disjunctive facet counts). Returns undefined when nothing filters.
 */
export function buildFilter(filters: SearchFilters, omit?: FacetGroup): Filter | undefined {
  const parts: (string | string[])[] = [];
  const group = (name: FacetGroup, field: string, values: readonly string[] | undefined) => {
    if (name === omit || !values || values.length === 0) return;
    parts.push(values.map((v) => equals(field, v)));
  };
  group("type", "type", filters.type ? [filters.type] : undefined);
  group("speaker", "speakers", filters.speakers);
  group("topics", "topics", filters.topics);
  group("source", "source", filters.sources);
  if (filters.from !== undefined) parts.push(compare("publishedTs", ">=", filters.from));
  if (filters.to !== undefined) parts.push(compare("publishedTs", "<=", filters.to));
  if (filters.article !== undefined) parts.push(equals("articleId", filters.article));
  return parts.length > 0 ? parts : undefined;
}
