// The page's whole view state, and its two pure mappings: page URL <-> state, and state -> /api/search query.

/** Sort orders the API accepts; `""` means "the API's default" (relevance with a query, newest when browsing). */
export type Sort = "" | "relevance" | "newest" | "oldest";
export type DocType = "quote" | "paragraph";

/** Everything that decides what the search page shows. It lives in the URL, nowhere else. */
export interface SearchState {
  q: string;
  /** Ticked document types. `null` = the user never touched the panel (browse mode then shows quotes only). */
  types: DocType[] | null;
  speaker: string[];
  topic: string[];
  source: string[];
  from: string;
  to: string;
  sort: Sort;
  page: number;
}

/** The list-valued filters that are sent as repeated parameters (OR within one, AND across). */
export const listFilters = ["speaker", "topic", "source"] as const;
export type ListFilter = (typeof listFilters)[number];

const sorts: readonly Sort[] = ["relevance", "newest", "oldest"];
const docTypes: readonly DocType[] = ["quote", "paragraph"];
/** Written to the URL when the user unticked every type, so browse mode does not fall back to quotes. */
const allTypes = "all";

/** An empty search: browse mode, newest quotes first. */
export function emptyState(): SearchState {
  return { q: "", types: null, speaker: [], topic: [], source: [], from: "", to: "", sort: "", page: 1 };
}

const isDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);
const unique = (xs: string[]): string[] => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

/** Read a page URL's query string (`location.search`) into a state; anything unknown or malformed is ignored. */
export function parseState(search: string): SearchState {
  const p = new URLSearchParams(search);
  const rawTypes = p.getAll("type");
  const page = Number.parseInt(p.get("page") ?? "1", 10);
  const sort = (p.get("sort") ?? "") as Sort;
  const from = p.get("from") ?? "";
  const to = p.get("to") ?? "";
  return {
    q: (p.get("q") ?? "").slice(0, 512),
    types: rawTypes.length === 0 ? null : docTypes.filter((t) => rawTypes.includes(t)),
    speaker: unique(p.getAll("speaker")),
    topic: unique(p.getAll("topic")),
    source: unique(p.getAll("source")),
    from: isDate(from) ? from : "",
    to: isDate(to) ? to : "",
    sort: sorts.includes(sort) ? sort : "",
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** Write a state as a page URL query string (leading `?`, or `""` for the empty search). Inverse of `parseState`. */
export function stateToSearch(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  if (s.types !== null) {
    if (s.types.length === 0) p.append("type", allTypes);
    for (const t of s.types) p.append("type", t);
  }
  for (const f of listFilters) for (const v of s[f]) p.append(f, v);
  if (s.from) p.set("from", s.from);
  if (s.to) p.set("to", s.to);
  if (s.sort) p.set("sort", s.sort);
  if (s.page > 1) p.set("page", String(s.page));
  const out = p.toString();
  return out ? `?${out}` : "";
}

/** The types the results are actually filtered to: browse mode with an untouched panel means quotes only. */
export function effectiveTypes(s: SearchState): DocType[] {
  if (s.types === null) return s.q.trim() === "" ? ["quote"] : [];
  return s.types;
}

/** The sort the results actually use, for the sort menu: the API defaults to newest when browsing. */
export function effectiveSort(s: SearchState): Exclude<Sort, ""> {
  if (s.sort) return s.sort;
  return s.q.trim() === "" ? "newest" : "relevance";
}

/** Filters shared by `/api/search` and `/api/facets/:facet`; `omit` drops one facet's own filter (disjunctive counts). */
export function filterParams(s: SearchState, omit?: ListFilter | "type"): URLSearchParams {
  const p = new URLSearchParams();
  const types = effectiveTypes(s);
  // Both types ticked is the same as none: no filter. The API takes a single type.
  if (omit !== "type" && types.length === 1 && types[0]) p.set("type", types[0]);
  for (const f of listFilters) if (f !== omit) for (const v of s[f]) p.append(f, v);
  if (s.from) p.set("from", s.from);
  if (s.to) p.set("to", s.to);
  return p;
}

/** The `/api/search` query string for a state. */
export function searchParams(s: SearchState, hitsPerPage: number): string {
  const p = filterParams(s);
  p.set("q", s.q.trim());
  p.set("sort", effectiveSort(s));
  p.set("page", String(s.page));
  p.set("hitsPerPage", String(hitsPerPage));
  return p.toString();
}

/** Toggle one value of a list facet; any filter change goes back to page 1. */
export function toggleValue(s: SearchState, facet: ListFilter, value: string): SearchState {
  const list = s[facet].includes(value) ? s[facet].filter((v) => v !== value) : [...s[facet], value];
  return { ...s, [facet]: list, page: 1 };
}

/** Toggle one document type, starting from what is shown now (browse mode's implicit "quotes"). */
export function toggleType(s: SearchState, type: DocType): SearchState {
  const now = effectiveTypes(s);
  const types = now.includes(type) ? now.filter((t) => t !== type) : docTypes.filter((t) => t === type || now.includes(t));
  return { ...s, types, page: 1 };
}

/** True when a filter the user set (not the query, sort, page or browse mode's default) narrows the results. */
export function hasFilters(s: SearchState): boolean {
  const typeSet = s.types !== null && s.types.length === 1;
  return typeSet || listFilters.some((f) => s[f].length > 0) || s.from !== "" || s.to !== "";
}

/** Drop every filter, keep the query and sort. */
export function clearFilters(s: SearchState): SearchState {
  return { ...emptyState(), q: s.q, sort: s.sort };
}

const lastSearchKey = "onrecord:last-search";

/** Remember the search page's query string for this tab, so the article view can link back to it. */
export function rememberSearch(search: string): void {
  try {
    sessionStorage.setItem(lastSearchKey, search);
  } catch {
    // Storage can be disabled; the back link then goes to the start page.
  }
}

/** The query string remembered by `rememberSearch`, or `""`. Only a query string is ever returned. */
export function lastSearch(): string {
  try {
    const s = sessionStorage.getItem(lastSearchKey) ?? "";
    return s.startsWith("?") ? stateToSearch(parseState(s)) : "";
  } catch {
    return "";
  }
}
