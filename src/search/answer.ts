// What /api/search asks Meilisearch (one multi-search: hits and facets, plus a count-only query per facet group
// with a selection, for disjunctive counts) and how the answer is shaped from the parsed results. This is the
// reference shaping; `answer-bytes.ts` builds the same answer from byte slices on the hot path.
import type { MultiSearchQuery, SearchResponse } from "meilisearch";
import type { IndexNames } from "../meili/settings.js";
import { FACET_FIELDS, FACETS } from "./facet-values.js";
import { buildFilter, type FacetGroup, type SearchFilters } from "./filters.js";
import { POST_TAG, PRE_TAG, toSafeHtml } from "./highlight.js";
import { echoQuery, type SearchParams } from "./params.js";

/** The fields a hit carries, in the order the API returns them: what the API asks Meilisearch to retrieve. */
export const HIT_FIELDS = [
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
] as const;

/** One search hit as the API returns it. */
export type Hit = Record<string, unknown> & { _formatted: { text: string; title: string } };

/** The /api/search answer. */
export interface SearchAnswer {
  query: Omit<SearchParams, "filters">;
  hits: Hit[];
  facets: Record<FacetGroup, Record<string, number>>;
  page: number;
  hitsPerPage: number;
  totalHits: number;
  totalPages: number;
  processingTimeMs: number;
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
    attributesToRetrieve: [...HIT_FIELDS],
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

/** The facet groups with a selection, in the order their count-only queries follow the main one. */
export function activeGroups(f: SearchFilters): FacetGroup[] {
  const active: FacetGroup[] = [];
  if (f.type) active.push("type");
  if (f.speakers?.length) active.push("speaker");
  if (f.topics?.length) active.push("topics");
  if (f.sources?.length) active.push("source");
  return active;
}

/** The answer from the parsed multi-search results. */
export function shapeAnswer(p: SearchParams, results: SearchResponse[]): SearchAnswer {
  const [main, ...extra] = results as [SearchResponse, ...SearchResponse[]];
  const facets = {} as SearchAnswer["facets"];
  for (const group of FACETS) facets[group] = main.facetDistribution?.[FACET_FIELDS[group]] ?? {};
  activeGroups(p.filters).forEach((group, i) => {
    facets[group] = extra[i]?.facetDistribution?.[FACET_FIELDS[group]] ?? {};
  });
  return {
    query: echoQuery(p),
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
  hit._formatted = { text: toSafeHtml(text), title: toSafeHtml(title) };
  return hit as Hit;
}

const asString = (v: unknown): string => (typeof v === "string" ? v : "");
