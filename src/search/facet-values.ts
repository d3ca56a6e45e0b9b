// Facet values matching typed text: speakers through the speakers index (any word of the name, typo-tolerant),
// the small facets by accent- and case-blind substring over their counted values.
import type { MultiSearchQuery, SearchResponse } from "meilisearch";
import type { IndexNames } from "../meili/settings.js";
import { anyOf, buildFilter, type FacetGroup, type SearchFilters } from "./filters.js";

/** Facets the API exposes, and the document field behind each. */
export const FACET_FIELDS: Record<FacetGroup, string> = {
  type: "type",
  speaker: "speakers",
  topics: "topics",
  source: "source",
};
export const FACETS = Object.keys(FACET_FIELDS) as FacetGroup[];

/** A value of a facet and how many documents have it. */
export interface FacetValue {
  value: string;
  count: number;
}

/** Runs one multi-search, labelled for metrics. */
export type Multi = (operation: string, queries: MultiSearchQuery[]) => Promise<SearchResponse[]>;

/** Values of `facet` matching `q` (any word, not just the start), counted under the other active filters. */
export async function facetValues(
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

/** Sorts values by count (then name), or by name. */
export function sortCounts(values: FacetValue[], sort: "count" | "name"): FacetValue[] {
  const byName = (a: FacetValue, b: FacetValue) => a.value.localeCompare(b.value);
  return values.sort(sort === "name" ? byName : (a, b) => b.count - a.count || byName(a, b));
}
