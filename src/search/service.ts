// The service's window on Meilisearch: searches with disjunctive facet counts in one multi-search, facet value
// search (mid-name via the speakers index), article views and lists. Errors arrive as typed AppErrors.
import type { Meilisearch, MultiSearchQuery, SearchResponse } from "meilisearch";
import { AppError, Unavailable } from "../errors.js";
import { indexNames } from "../meili/settings.js";
import { answerBytes } from "./answer-bytes.js";
import { searchQueries, shapeAnswer } from "./answer.js";
import { articleQueries, shapeArticle, type ArticleView } from "./article.js";
import { FACET_FIELDS, FACETS, facetValues, sortCounts, type FacetValue } from "./facet-values.js";
import type { FacetGroup, SearchFilters } from "./filters.js";
import { JsonShapeError } from "./json-scan.js";
import type { SearchParams } from "./params.js";
import { createMultiSearch } from "./transport.js";

export { FACET_FIELDS, FACETS, type ArticleView, type FacetValue };

/** What the HTTP routes need from search; `createApp` takes any implementation. */
export interface SearchService {
  /** The /api/search answer (`SearchAnswer`) as UTF-8 JSON, assembled from Meilisearch's answer bytes. */
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
    call(operation, async () => resultsOf(await transport(queries), parseUtf8));

  return {
    searchJson: async (params) => {
      const body = await call("search", () => transport(searchQueries(names, params)));
      try {
        return answerBytes(body, params);
      } catch (err) {
        if (!(err instanceof JsonShapeError)) throw err;
        // Not the shape the byte path expects: parse it, which also tells a broken answer (503) from a bug.
        return Buffer.from(JSON.stringify(shapeAnswer(params, resultsOf(body, parseUtf8))), "utf8");
      }
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

const parseUtf8 = (body: Buffer): unknown => JSON.parse(body.toString("utf8"));
