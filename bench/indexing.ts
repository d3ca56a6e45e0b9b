// Indexing benchmark: the real pipeline (the `index` CLI as a child: read, chunk, push, tasks done) against the
// floor (the same documents pre-serialised as NDJSON and pushed straight to Meilisearch), in one Meilisearch.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { adminClient } from "../src/meili/connect.js";
import { applySettings } from "../src/meili/settings.js";
import { chunkArticle } from "../indexer/chunk.js";
import { readArticles } from "../indexer/read/index.js";
import type { Doc } from "../indexer/types.js";
import { pushFloor, writePayloads, type MeiliTarget } from "./floor.js";
import { runScript, type ChildRun } from "./proc.js";

/**
 * Floor payload size. Measured here (42k documents, 27 MB): 1 MB payloads 14.4 s, 10 MB 10.8 s, one 27 MB payload
 * 9.5 s. Meilisearch's batches grow with the payload, so the floor sends the largest that stays safely below the
 * 100 MB default limit.
 */
export const FLOOR_PAYLOAD_BYTES = 90_000_000;

/** Every document of every article under `dir`, streamed. */
export async function* corpusDocs(dir: string): AsyncGenerator<Doc> {
  for await (const r of readArticles([dir])) if (r.ok) for (const a of r.articles) yield* chunkArticle(a);
}

/** Document count of index `uid`. */
export async function documentCount(t: MeiliTarget, uid: string): Promise<number> {
  const stats = await adminClient(t.url, t.apiKey).index(uid).getStats();
  return stats.numberOfDocuments;
}

/** The floor: serialise (untimed), then time the NDJSON push into a fresh index `base` with the project's settings. */
export async function measureFloor(t: MeiliTarget, dir: string, base: string): Promise<{ ms: number; documents: number; bytes: number; payloads: number }> {
  await applySettings(adminClient(t.url, t.apiKey), base);
  const tmp = await mkdtemp(path.join(os.tmpdir(), "onrecord-floor-"));
  try {
    // Chunked and serialised to disk before the clock starts: the floor excludes reading and chunking by definition.
    const payloads = await writePayloads(tmp, corpusDocs(dir), FLOOR_PAYLOAD_BYTES);
    const ms = await pushFloor(t, base, payloads);
    return { ms, documents: payloads.documents, bytes: payloads.bytes, payloads: payloads.files.length };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Runs the real `index` command (`npm run cli -- index`, minus npm) as a child into index `base`: time, peak RSS. */
export async function runIndexer(t: MeiliTarget, dir: string, base: string, extraEnv: Record<string, string> = {}): Promise<ChildRun> {
  const run = await runScript("cli", ["index", dir], {
    MEILI_URL: t.url,
    MEILI_MASTER_KEY: t.apiKey,
    INDEX_NAME: base,
    LOG_LEVEL: "warn",
    ...extraEnv,
  });
  if (run.code !== 0 && run.code !== 2) throw new Error(`indexer exited with ${run.code ?? run.signal}:\n${run.stderr.slice(-3000)}`);
  return run;
}
