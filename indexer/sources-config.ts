// The re-indexing config: sources, fetch limits and run settings from onrecord.config.json (zod-checked), env overrides.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Config } from "../src/config.js";
import { DEFAULT_FETCH_OPTIONS, type FetchOptions } from "./fetch.js";
import type { SourceSpec } from "./sources/types.js";

const name = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "only A-Z a-z 0-9 - _ (at most 64)");
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

const sourceSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("dir"),
    name,
    paths: z.array(z.string().min(1)).min(1).optional(),
    prune: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal("feed"),
    name,
    url: httpUrl,
    maxItems: z.int().min(1).max(10_000).optional(),
    prune: z.boolean().optional(),
  }),
  z
    .strictObject({
      kind: z.literal("urls"),
      name,
      urls: z.array(httpUrl).optional(),
      list: z.string().min(1).optional(),
      prune: z.boolean().optional(),
    })
    .refine((s) => s.urls !== undefined || s.list !== undefined, { error: "give `urls` or `list`" }),
]);

const fileSchema = z.strictObject({
  $schema: z.string().optional(),
  sources: z
    .array(sourceSchema)
    .min(1)
    .refine((list) => new Set(list.map((s) => s.name)).size === list.length, {
      error: "source names must be unique",
    }),
  fetch: z
    .strictObject({
      timeoutMs: z.int().min(100).max(300_000),
      maxBytes: z
        .int()
        .min(1024)
        .max(100 * 1024 * 1024),
      perHostConcurrency: z.int().min(1).max(32),
      maxRedirects: z.int().min(0).max(5),
      retries: z.int().min(0).max(10),
      backoffMs: z.int().min(0).max(60_000),
      userAgent: z.string().min(1),
    })
    .partial()
    .default({}),
  runs: z
    .strictObject({
      /** A lock not renewed for this long belongs to a dead run. */
      lockTtlSeconds: z.int().min(2).max(86_400).default(120),
      /** Run records kept in Meilisearch. */
      keep: z.int().min(1).max(10_000).default(100),
    })
    .default({ lockTtlSeconds: 120, keep: 100 }),
});

/** Everything a re-indexing run needs besides Meilisearch. */
export interface ReindexConfig {
  sources: SourceSpec[];
  fetch: FetchOptions;
  lockTtlMs: number;
  keepRuns: number;
}

/** The config file holds something the schema refuses; the message names the file and each bad field. */
export class SourcesConfigError extends Error {
  override name = "SourcesConfigError";
}

/** Used when there is no config file: one folder source reading ARTICLES_DIR. */
export const DEFAULT_FILE = { sources: [{ kind: "dir", name: "default" }] };

/** Validates parsed JSON; `where` names its origin in errors (a file path or an env variable). */
export function parseReindexConfig(json: unknown, where: string): ReindexConfig {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `  - ${i.path.map(String).join(".") || "(root)"}: ${i.message}`,
    );
    throw new SourcesConfigError(`Invalid re-indexing config in ${where}:\n${problems.join("\n")}`);
  }
  const { sources, fetch, runs } = parsed.data;
  return {
    sources,
    fetch: { ...DEFAULT_FETCH_OPTIONS, ...fetch },
    lockTtlMs: runs.lockTtlSeconds * 1000,
    keepRuns: runs.keep,
  };
}

/**
 * Loads `config.ONRECORD_CONFIG` (a missing file means the default: one folder source on ARTICLES_DIR),
 * then lets `REINDEX_SOURCES` (a JSON array of sources) replace its source list.
 */
export async function loadReindexConfig(
  config: Pick<Config, "ONRECORD_CONFIG" | "REINDEX_SOURCES">,
): Promise<ReindexConfig> {
  const path = config.ONRECORD_CONFIG;
  let json: unknown = DEFAULT_FILE;
  let where = "the built-in default";
  const raw = await readFile(path, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return null;
    throw new SourcesConfigError(`Cannot read re-indexing config ${path}: ${err.message}`);
  });
  if (raw !== null) {
    json = parseJson(raw, path);
    where = path;
  }
  if (config.REINDEX_SOURCES) {
    json = { ...(json as object), sources: parseJson(config.REINDEX_SOURCES, "REINDEX_SOURCES") };
    where = `${where} with REINDEX_SOURCES`;
  }
  return parseReindexConfig(json, where);
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new SourcesConfigError(
      `Invalid re-indexing config in ${where}: not valid JSON (${(err as Error).message})`,
    );
  }
}
