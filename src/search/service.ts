// The service's window on Meilisearch: searches with disjunctive facet counts in one multi-search, facet value
// search (mid-name via the speakers index), article views and lists. Errors arrive as typed AppErrors.
import type { Meilisearch, MultiSearchQuery, SearchResponse } from "meilisearch";
import { AppError, Unavailable } from "../errors.js";
import { indexNames, type IndexNames } from "../meili/settings.js";
import { articleQueries, shapeArticle, type ArticleView } from "./article.js";
import { FACET_FIELDS, FACETS, facetValues, sortCounts, type FacetValue } from "./facet-values.js";
import { buildFilter, type FacetGroup, type SearchFilters } from "./filters.js";
import { jsonBytes, parseJsonBytes, toByteJson } from "./bytes.js";
import { POST_TAG, PRE_TAG, toSafeHtmlBytes } from "./highlight.js";
import { echoQuery, type SearchParams } from "./params.js";
import { createMultiSearch } from "./transport.js";

export { FACET_FIELDS, FACETS, type ArticleView, type FacetValue };

/** The fields a hit carries: what the API asks Meilisearch to retrieve. */
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

/** The /api/search answer, less the echoed `query`. */
export interface SearchResult {
  hits: Hit[];
  facets: Record<FacetGroup, Record<string, number>>;
  page: number;
  hitsPerPage: number;
  totalHits: number;
  totalPages: number;
  processingTimeMs: number;
}

/** What the HTTP routes need from search; `createApp` takes any implementation. */
export interface SearchService {
  /** The /api/search answer as UTF-8 JSON: `{ query, ...SearchResult }` (built without decoding the text). */
  searchJson(params: SearchParams): Promise<Buffer>;
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
      throw err instanceof AppError ? err : new AppError(500, "internal", "Search failed", { cause: err });
    }
  };
  const transport = createMultiSearch({
    host: options.client.config.host,
    apiKey: options.client.config.apiKey,
    timeoutMs: options.client.config.timeout ?? 1500,
  });
  const multi = (operation: string, queries: MultiSearchQuery[]) =>
    call(operation, async () =>
      resultsOf(await transport(queries), (body) => JSON.parse(body.toString("utf8"))),
    );

  return {
    searchJson: async (params) => {
      const queries = searchQueries(names, params);
      const results = await call("search", async () => resultsOf(await transport(queries), parseJsonBytes));
      return jsonBytes({ query: toByteJson(echoQuery(params)), ...shapeSearch(params, results) });
    },
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

/** The per-query results of a multi-search answer; an answer that is not one is a failing dependency (503). */
function resultsOf(body: Buffer, parse: (body: Buffer) => unknown): SearchResponse[] {
  let answer: { results?: unknown };
  try {
    answer = parse(body) as { results?: unknown };
  } catch (err) {
    throw new Unavailable("Search answered with something that is not JSON", err);
  }
  if (!Array.isArray(answer?.results)) throw new Unavailable("Search answered without results");
  return answer.results as SearchResponse[];
}

/** Query 0: hits and every facet; then one count-only query per facet group with a selection, minus its own filter. */
export function searchQueries(names: IndexNames, p: SearchParams): MultiSearchQuery[] {
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

/** The answer from the multi-search results, parsed as byte strings (see `bytes.ts`). */
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

/** Fields in a stable, documented order (`speaker` only on quotes), then the escaped highlights. */
function shapeHit(raw: Record<string, unknown>): Hit {
  const hit: Record<string, unknown> = {};
  for (const key of HIT_FIELDS) {
    const value = raw[key];
    if (value !== undefined && (key !== "speaker" || raw.type === "quote")) hit[key] = value;
  }
  const formatted = raw._formatted as Record<string, unknown> | undefined;
  const text = typeof formatted?.text === "string" ? formatted.text : asString(raw.text);
  const title = typeof formatted?.title === "string" ? formatted.title : asString(raw.title);
  hit._formatted = { text: toSafeHtmlBytes(text), title: toSafeHtmlBytes(title) };
  return hit as Hit;
}

const asString = (v: unknown): string => (typeof v === "string" ? v : "");
