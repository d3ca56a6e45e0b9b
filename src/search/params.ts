// Query-string validation for the search and facet routes: one zod schema, unknown parameters refused, first
// problem reported with the parameter's name.
import { z } from "zod";
import { BadRequest } from "../errors.js";
import type { SearchFilters } from "./filters.js";

/** Longest accepted `q`. */
export const MAX_QUERY_LENGTH = 512;
/** Longest accepted filter value (Meilisearch cannot filter on facet values over ~468 bytes anyway). */
const MAX_VALUE_LENGTH = 400;
const MAX_VALUES = 50;

/** Parameters that may repeat; any other given twice is refused before the schema runs. */
const REPEATABLE = new Set(["speaker", "topic", "source"]);

const many = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().min(1, "must not be empty").max(MAX_VALUE_LENGTH)).max(MAX_VALUES));

const date = (endOfDay: boolean) =>
  z.string().transform((v, ctx) => {
    const ts = parseDate(v, endOfDay);
    if (ts === undefined)
      ctx.addIssue({ code: "custom", message: "must be a date (YYYY-MM-DD or ISO 8601)" });
    return ts as number;
  });

const positiveInt = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(1).max(max))
    .optional()
    .transform((v) => v ?? fallback);

/** Filter parameters shared by /api/search and /api/facets. */
const filterShape = {
  type: z.enum(["paragraph", "quote"]).optional(),
  speaker: many.optional(),
  topic: many.optional(),
  source: many.optional(),
  from: date(false).optional(),
  to: date(true).optional(),
  article: z.string().min(1).max(511).optional(),
};

const searchSchema = z.strictObject({
  ...filterShape,
  q: z
    .string()
    .max(MAX_QUERY_LENGTH)
    .optional()
    .transform((v) => (v ?? "").trim()),
  sort: z.enum(["relevance", "newest", "oldest"]).optional(),
  page: positiveInt(100_000, 1),
  hitsPerPage: positiveInt(100, 20),
});

const facetSchema = z.strictObject({
  ...filterShape,
  q: z
    .string()
    .max(200)
    .optional()
    .transform((v) => (v ?? "").trim()),
});

const listSchema = z.strictObject({
  sort: z
    .enum(["count", "name"])
    .optional()
    .transform((v) => v ?? "count"),
});

/** Parsed /api/search parameters (echoed back as `query`). */
export interface SearchParams {
  q: string;
  type?: "paragraph" | "quote" | undefined;
  speaker: string[];
  topic: string[];
  source: string[];
  from?: string | undefined;
  to?: string | undefined;
  article?: string | undefined;
  sort: "relevance" | "newest" | "oldest";
  page: number;
  hitsPerPage: number;
  /** For Meilisearch: the filters as typed input. */
  filters: SearchFilters;
}

/** Validates /api/search's query string; throws `BadRequest` naming the first bad parameter. */
export function parseSearchParams(query: unknown): SearchParams {
  const p = parseWith(searchSchema, query);
  const raw = query as Record<string, string | undefined>;
  return {
    q: p.q,
    type: p.type,
    speaker: p.speaker ?? [],
    topic: p.topic ?? [],
    source: p.source ?? [],
    from: p.from === undefined ? undefined : raw.from,
    to: p.to === undefined ? undefined : raw.to,
    article: p.article,
    // Browsing (no words) is most useful newest first.
    sort: p.sort ?? (p.q === "" ? "newest" : "relevance"),
    page: p.page,
    hitsPerPage: p.hitsPerPage,
    filters: toFilters(p),
  };
}

/** The parsed parameters as echoed back in a search response (without the internal filter form). */
export function echoQuery(params: SearchParams): Omit<SearchParams, "filters"> {
  const echo: Partial<SearchParams> = { ...params };
  delete echo.filters;
  return echo as Omit<SearchParams, "filters">;
}

/** Validates /api/facets/:facet's query string: the search filters plus `q`, the text searched within values. */
export function parseFacetParams(query: unknown): { q: string; filters: SearchFilters } {
  const p = parseWith(facetSchema, query);
  return { q: p.q, filters: toFilters(p) };
}

/** Validates `sort=count|name` for the speakers and topics lists. */
export function parseListParams(query: unknown): { sort: "count" | "name" } {
  return parseWith(listSchema, query);
}

function toFilters(p: z.infer<z.ZodObject<typeof filterShape>>): SearchFilters {
  return {
    type: p.type,
    speakers: p.speaker,
    topics: p.topic,
    sources: p.source,
    from: p.from,
    to: p.to,
    article: p.article,
  };
}

function parseWith<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(value) && !REPEATABLE.has(key))
      throw new BadRequest(`Parameter ${key} may be given only once`, key);
  }
  const parsed = schema.safeParse(query ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    throw new BadRequest(`Unknown parameter: ${key}`, key);
  }
  const param = String(issue?.path[0] ?? "");
  throw new BadRequest(`Invalid parameter ${param}: ${issue?.message ?? "invalid"}`, param);
}

/** `YYYY-MM-DD` (whole UTC day: start for `from`, end for `to`) or a full ISO 8601 date-time, as Unix seconds. */
export function parseDate(value: string, endOfDay: boolean): number | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    const back = new Date(ms).toISOString().slice(0, 10);
    if (back !== value) return undefined;
    return Math.floor(ms / 1000) + (endOfDay ? 86_399 : 0);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
