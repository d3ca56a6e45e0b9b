// The page's only door to the HTTP API: typed fetches that turn every failure into an ApiError with a polite message.

/** One search hit as `/api/search` returns it. `_formatted` is HTML-escaped by the API, with `<mark>` around matches. */
export interface Hit {
  id: string;
  type: "quote" | "paragraph";
  articleId: string;
  title: string;
  text: string;
  speaker?: string | null;
  speakers: string[];
  topics: string[];
  position: number;
  paragraph?: number;
  source?: string;
  url?: string;
  publishedAt?: string;
  author?: string;
  _formatted?: { text?: string; title?: string };
}

/** Facet name -> value -> count. */
export type Facets = Partial<Record<"type" | "speaker" | "topics" | "source", Record<string, number>>>;

export interface SearchResponse {
  hits: Hit[];
  facets: Facets;
  page: number;
  hitsPerPage: number;
  totalHits: number;
  totalPages: number;
  processingTimeMs: number;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface ArticleResponse {
  article: { id: string; title: string; source?: string; url?: string; publishedAt?: string; author?: string; topics: string[] };
  paragraphs: { id: string; position: number; text: string; speakers: string[] }[];
  quotes: { id: string; position: number; paragraph: number; text: string; speaker: string | null }[];
}

/** A request that did not give a usable answer: `status` 0 means the network failed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** True for an aborted fetch (a newer request replaced it): never shown to the user. */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === "AbortError";
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { signal, headers: { accept: "application/json" } });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(0, "network", "The search service cannot be reached.");
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? "error", err?.message ?? `The service answered ${res.status}.`);
  }
  if (body === null) throw new ApiError(res.status, "bad_response", "The service sent an unreadable answer.");
  return body as T;
}

/** `GET /api/search?<query>`. */
export function search(query: string, signal?: AbortSignal): Promise<SearchResponse> {
  return getJson(`/api/search?${query}`, signal);
}

/** `GET /api/facets/:facet?q=&<filters>`: facet values whose words match `q`. */
export async function facetValues(facet: string, params: URLSearchParams, signal?: AbortSignal): Promise<FacetValue[]> {
  const body = await getJson<{ values: FacetValue[] }>(`/api/facets/${facet}?${params.toString()}`, signal);
  return body.values;
}

/** `GET /api/articles/:id`. */
export function article(id: string, signal?: AbortSignal): Promise<ArticleResponse> {
  return getJson(`/api/articles/${encodeURIComponent(id)}`, signal);
}
