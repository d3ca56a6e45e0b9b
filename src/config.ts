// The only reader of the environment: one zod schema with defaults, every problem reported at once by variable name.
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const booleanFlag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
    .optional()
    .transform((v) => (v === undefined ? fallback : ["true", "1", "yes", "on"].includes(v)));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  ARTICLES_DIR: z
    .string()
    .default("seeds")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    ),
  MEILI_URL: z.url({ protocol: /^https?$/ }).optional(),
  MEILI_MASTER_KEY: optionalString,
  MEILI_ADMIN_KEY: optionalString,
  MEILI_SEARCH_KEY: optionalString,
  MEILI_BIN: optionalString,
  INDEX_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, "only A-Z a-z 0-9 - _ (at most 200)")
    .default("onrecord"),
  MEILI_TIMEOUT_MS: z.coerce.number().int().min(50).max(60000).default(1500),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_QUERIES: booleanFlag(true),
  CORS_ORIGIN: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    ),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  ADMIN_TOKEN: optionalString,
  REINDEX_CRON: z.string().trim().min(1).default("*/15 * * * *"),
  /** Re-indexing sources and limits (indexer/sources-config.ts); a missing file means one folder source on ARTICLES_DIR. */
  ONRECORD_CONFIG: z.string().min(1).default("onrecord.config.json"),
  /** A JSON array of sources that replaces the config file's list. */
  REINDEX_SOURCES: optionalString,
});

/** The service's and the CLI's settings, parsed from the environment. */
export type Config = z.infer<typeof schema>;

/** Thrown when one or more variables are invalid; the message names every one of them. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses `env` (default `process.env`) into a `Config`, or throws a `ConfigError` listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k]]));
  const parsed = schema.safeParse(known);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
}
