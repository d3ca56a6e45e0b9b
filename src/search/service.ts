// The service's window on Meilisearch: searches with disjunctive facet counts in one multi-search, facet value
// search (mid-name via the speakers index), article views and lists. Errors become typed AppErrors.
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type Meilisearch,
  type MultiSearchQuery,
  type SearchResponse,
} from "meilisearch";
import { AppError, Unavailable } from "../errors.js";
import { indexNames, type IndexNames } from "../meili/settings.js";
import { anyOf, buildFilter, equals, type FacetGroup, type SearchFilters } from "./filters.js";
import { POST_TAG, PRE_TAG, toSafeHtml } from "./highlight.js";
import type { SearchParams } from "./params.js";
import { createMultiSearch } from "./transport.js";

/** Facets the API exposes, and the document field behind each. */
export const FACET_FIELDS: Record<FacetGroup, string> = {
  type: "type",
  speaker: "speakers",
  topics: "topics",
  source: "source",
};
export const FACETS = Object.keys(FACET_FIELDS) as FacetGroup[];

const HIT_FIELDS = [
  "id",
  "type",
  "articleId",
  "title",
  "text",
  "speaker",
  "speakers",
  "topics",
  "position",
  "paragraph",
  "source",
  "url",
  "publishedAt",
  "author",
];

/** One search hit as the API returns it. */
export type Hit = Record<string, unknown> & { _formatted: { text: string; title: string } };

/** The /api/search answer (without the echoed query). */
export interface SearchResult {
  hits: Hit[];
  facets: Record<FacetGroup, Record<string, number>>;
  page: number;
  hitsPerPage: number;
  totalHits: number;
  totalPages: number;
  processingTimeMs: number;
}

/** A value of a facet and how many documents have it. */
export interface FacetValue {
  value: string;
  count: number;
}

/** An article with its paragraphs and quotes in order. */
export interface ArticleView {
  article: Record<string, unknown>;
  paragraphs: { id: string; position: number; text: string; speakers: string[] }[];
  quotes: { id: string; position: number; paragraph: number; text: string; speaker: string | null }[];
}

/** What the HTTP routes need from search; `createApp` takes any implementation. */
export interface SearchService {
  search(params: SearchParams): Promise<SearchResult>;
  facetValues(facet: FacetGroup, q: string, filters: SearchFilters): Promise<FacetValue[]>;
  article(id: string): Promise<ArticleView | null>;
  speakers(sort: "count" | "name"): Promise<{ name: string; count: number }[]>;
  topics(sort: "count" | "name"): Promise<{ name: string; count: number }[]>;
  /** True when Meilisearch answers and the documents index exists. */
  ready(): Promise<boolean>;
}

export interface SearchServiceOptions {
  client: Meilisearch;
  /** Base index name. */
  index: string;
  /** Called after every Meilisearch call with its duration, for metrics. */
  observe?: (operation: string, seconds: number, ok: boolean) => void;
}

/** Builds the Meilisearch-backed `SearchService`. */
export function createSearchService(options: SearchServiceOptions): SearchService {
  const names = indexNames(options.index);
  const call = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      const result = await fn();
      options.observe?.(operation, (performance.now() - start) / 1000, true);
      return result;
    } catch (err) {
      options.observe?.(operation, (performance.now() - start) / 1000, false);
      throw toAppError(err);
    }
  };
  const transport = createMultiSearch({
    host: options.client.config.host,
    apiKey: options.client.config.apiKey,
    timeoutMs: options.client.config.timeout ?? 1500,
  });
  const multi = (operation: string, queries: MultiSearchQuery[]) => call(operation, () => transport(queries));

  return {
    search: async (params) => shapeSearch(params, await multi("search", searchQueries(names, params))),
    facetValues: (facet, q, filters) => facetValues(names, multi, facet, q, filters),
    article: async (id) => shapeArticle(await multi("article", articleQueries(names, id))),
    speakers: async (sort) => {
      const [res] = await multi("speakers", [
        {
          indexUid: names.speakers,
          q: "",
          limit: 10_000,
          sort: sort === "name" ? ["sortName:asc"] : ["quoteCount:desc", "sortName:asc"],
        },
      ]);
      return (res?.hits ?? []).map((h) => ({ name: String(h.name), count: Number(h.quoteCount) }));
    },
    topics: async (sort) => {
      const [res] = await multi("topics", [{ indexUid: names.docs, q: "", limit: 0, facets: ["topics"] }]);
      return sortCounts(
        Object.entries(res?.facetDistribution?.topics ?? {}).map(([value, count]) => ({ value, count })),
        sort,
      ).map((v) => ({ name: v.value, count: v.count }));
    },
    ready: async () => {
      try {
        await multi("ready", [{ indexUid: names.docs, q: "", limit: 0 }]);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Query 0: hits and every facet; then one count-only query per facet group with a selection, minus its own filter. */
function searchQueries(names: IndexNames, p: SearchParams): MultiSearchQuery[] {
  const main: MultiSearchQuery = {
    indexUid: names.docs,
    q: p.q,
    filter: buildFilter(p.filters),
    facets: Object.values(FACET_FIELDS),
    page: p.page,
    hitsPerPage: p.hitsPerPage,
    attributesToRetrieve: HIT_FIELDS,
    attributesToHighlight: ["text", "title"],
    attributesToCrop: ["text"],
    cropLength: 48,
    highlightPreTag: PRE_TAG,
    highlightPostTag: POST_TAG,
  };
  if (p.sort !== "relevance") main.sort = [p.sort === "newest" ? "publishedTs:desc" : "publishedTs:asc"];
  const extra = activeGroups(p.filters).map((group) => ({
    indexUid: names.docs,
    q: p.q,
    filter: buildFilter(p.filters, group),
    facets: [FACET_FIELDS[group]],
    limit: 0,
  }));
  return [main, ...extra];
}

function activeGroups(f: SearchFilters): FacetGroup[] {
  const active: FacetGroup[] = [];
  if (f.type) active.push("type");
  if (f.speakers?.length) active.push("speaker");
  if (f.topics?.length) active.push("topics");
  if (f.sources?.length) active.push("source");
  return active;
}

function shapeSearch(p: SearchParams, results: SearchResponse[]): SearchResult {
  const [main, ...extra] = results as [SearchResponse, ...SearchResponse[]];
  const facets = {} as SearchResult["facets"];
  for (const group of FACETS) facets[group] = main.facetDistribution?.[FACET_FIELDS[group]] ?? {};
  activeGroups(p.filters).forEach((group, i) => {
    facets[group] = extra[i]?.facetDistribution?.[FACET_FIELDS[group]] ?? {};
  });
  return {
    hits: main.hits.map(shapeHit),
    facets,
    page: main.page ?? p.page,
    hitsPerPage: main.hitsPerPage ?? p.hitsPerPage,
    totalHits: main.totalHits ?? 0,
    totalPages: main.totalPages ?? 0,
    processingTimeMs: main.processingTimeMs,
  };
}

function shapeHit(raw: Record<string, unknown>): Hit {
  const { _formatted: formatted, ...fields } = raw as Record<string, unknown> & {
    _formatted?: Record<string, unknown>;
  };
  const text = typeof formatted?.text === "string" ? formatted.text : asString(fields.text);
  const title = typeof formatted?.title === "string" ? formatted.title : asString(fields.title);
  // Fields in a stable, documented order; `speaker` only on quotes.
  const hit: Record<string, unknown> = {};
  for (const key of HIT_FIELDS)
    if (fields[key] !== undefined && (key !== "speaker" || fields.type === "quote")) hit[key] = fields[key];
  return { ...hit, _formatted: { text: toSafeHtml(text), title: toSafeHtml(title) } };
}

type Multi = (operation: string, queries: MultiSearchQuery[]) => Promise<SearchResponse[]>;

/** Values of `facet` matching `q` (any word, not just the start), counted under the other active filters. */
async function facetValues(
  names: IndexNames,
  multi: Multi,
  facet: FacetGroup,
  q: string,
  filters: SearchFilters,
): Promise<FacetValue[]> {
  const field = FACET_FIELDS[facet];
  const filter = buildFilter(filters, facet);
  if (facet === "speaker" && q !== "") {
    const [found] = await multi("facet-speakers", [
      { indexUid: names.speakers, q, limit: 100, attributesToRetrieve: ["name"] },
    ]);
    const candidates = (found?.hits ?? []).map((h) => String(h.name));
    if (candidates.length === 0) return [];
    const [counted] = await multi("facet-values", [
      {
        indexUid: names.docs,
        q: "",
        filter: [...asArray(filter), anyOf(field, candidates)],
        facets: [field],
        limit: 0,
      },
    ]);
    const dist = counted?.facetDistribution?.[field] ?? {};
    return sortCounts(
      candidates.filter((c) => (dist[c] ?? 0) > 0).map((value) => ({ value, count: dist[value] ?? 0 })),
      "count",
    );
  }
  const [res] = await multi("facet-values", [
    { indexUid: names.docs, q: "", filter, facets: [field], limit: 0 },
  ]);
  const needle = fold(q);
  const values = Object.entries(res?.facetDistribution?.[field] ?? {}).map(([value, count]) => ({
    value,
    count,
  }));
  return sortCounts(needle === "" ? values : values.filter((v) => fold(v.value).includes(needle)), "count");
}

function asArray(filter: ReturnType<typeof buildFilter>): (string | string[])[] {
  if (filter === undefined) return [];
  return typeof filter === "string" ? [filter] : filter;
}

/** Lower case without accents, for matching typed text against values. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

function sortCounts(values: FacetValue[], sort: "count" | "name"): FacetValue[] {
  const byName = (a: FacetValue, b: FacetValue) => a.value.localeCompare(b.value);
  return values.sort(sort === "name" ? byName : (a, b) => b.count - a.count || byName(a, b));
}

function articleQueries(names: IndexNames, id: string): MultiSearchQuery[] {
  const of = (type: string): MultiSearchQuery => ({
    indexUid: names.docs,
    q: "",
    filter: [equals("articleId", id), equals("type", type)],
    sort: ["position:asc"],
    limit: 10_000,
  });
  return [of("paragraph"), of("quote")];
}

const asString = (v: unknown): string => (typeof v === "string" ? v : "");

type StoredDoc = {
  id: string;
  position: number;
  paragraph: number;
  text: string;
  speakers?: string[];
  speaker?: string | null;
};

function shapeArticle([paragraphs, quotes]: SearchResponse[]): ArticleView | null {
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

/** Outages, timeouts, overload and a missing index are 503s; anything else is unexpected. */
export function toAppError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  // With a custom transport the client wraps API errors in a request error: look at the cause.
  if (err instanceof MeilisearchRequestError && err.cause instanceof MeilisearchApiError)
    return toAppError(err.cause);
  if (err instanceof MeilisearchRequestTimeOutError) return new Unavailable("Search timed out", err);
  if (err instanceof MeilisearchRequestError)
    return new Unavailable("Search is temporarily unavailable", err);
  if (err instanceof MeilisearchApiError) {
    const code = err.cause?.code;
    if (err.response.status >= 500 || code === "too_many_search_requests" || code === "index_not_found") {
      return new Unavailable(
        code === "index_not_found" ? "The search index is not ready" : "Search is temporarily unavailable",
        err,
      );
    }
  }
  return err;
}
