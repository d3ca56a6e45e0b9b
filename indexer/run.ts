// An indexing run: read every file under the given paths, chunk each article, push in batches, and report.
// Per-file and per-article problems go into the report; only Meilisearch failures stop the run.
import type { Meilisearch } from "meilisearch";
import type { Logger } from "../src/log.js";
import { canonicalizeIndex } from "./canonical.js";
import { chunkArticle } from "./chunk.js";
import { refreshSpeakers } from "../src/meili/speakers.js";
import { enqueueArticles, type ArticleDocs, type PendingPush } from "./push.js";
import { listArticleFiles, readArticleFile } from "./read/index.js";
import type { Article, Doc } from "./types.js";

/** A file (or one article in it) that was not indexed, and why. */
export interface Skipped {
  path: string;
  reason: string;
}

/**
 * Batches enqueued but not yet confirmed before the run waits: bounds how far reading runs ahead of indexing, and
 * so the size of the batch Meilisearch merges them into (64 made batches that outlived the 120 s task wait).
 */
const MAX_PENDING = 8;

/** What an indexing run did. */
export interface IndexReport {
  files: number;
  articles: number;
  articlesChanged: number;
  articlesUnchanged: number;
  /** Documents produced by chunking. */
  documents: number;
  documentsAdded: number;
  documentsUpdated: number;
  documentsDeleted: number;
  skipped: Skipped[];
  durationMs: number;
}

/** Progress after each file. */
export interface IndexProgress {
  filesDone: number;
  filesTotal: number;
  articles: number;
}

export interface IndexOptions {
  client: Meilisearch;
  /** Base index name (INDEX_NAME). */
  index: string;
  log?: Logger;
  onProgress?: (progress: IndexProgress) => void;
  /** Articles per push (one add request + one delete request each). */
  batchSize?: number;
  /** Chunker, replaceable in tests. */
  chunk?: (article: Article) => Doc[];
}

/** Reads, chunks and pushes every article under `paths` into index `options.index`; returns the run's report. */
export async function indexPaths(paths: string[], options: IndexOptions): Promise<IndexReport> {
  const started = Date.now();
  const files = await listArticleFiles(paths);
  const report: IndexReport = {
    files: files.length,
    articles: 0,
    articlesChanged: 0,
    articlesUnchanged: 0,
    documents: 0,
    documentsAdded: 0,
    documentsUpdated: 0,
    documentsDeleted: 0,
    skipped: [],
    durationMs: 0,
  };
  // Keyed by article id: a later file with the same article id replaces the earlier one (both in one push
  // would delete each other's documents as stale).
  let batch = new Map<string, ArticleDocs>();
  // Batches are enqueued without waiting for Meilisearch to index the previous ones (up to MAX_PENDING
  // unconfirmed): chunking overlaps indexing, and additions queued meanwhile are indexed as one large batch.
  // Speakers are recounted once at the end. Bench: pipeline vs NDJSON floor.
  const pending: PendingPush[] = [];
  const speakers = new Set<string>();
  const pushedIds = new Set<string>();
  const settle = async (keep: number) => {
    while (pending.length > keep) {
      const pushed = await (pending.shift() as PendingPush).done();
      report.articlesChanged += pushed.articlesChanged;
      report.articlesUnchanged += pushed.articlesUnchanged;
      report.documentsAdded += pushed.added;
      report.documentsUpdated += pushed.updated;
      report.documentsDeleted += pushed.deleted;
    }
  };
  const flush = async () => {
    if (batch.size === 0) return;
    const items = [...batch.values()];
    batch = new Map();
    // An article seen again (same id in another file): its first copy must be indexed before comparing.
    if (items.some((a) => pushedIds.has(a.articleId))) await settle(0);
    for (const a of items) pushedIds.add(a.articleId);
    const push = await enqueueArticles(options.client, options.index, items);
    for (const s of push.speakers) speakers.add(s);
    pending.push(push);
    await settle(MAX_PENDING);
  };
  for (const [i, file] of files.entries()) {
    for (const item of await chunkFile(file, options.chunk ?? ((a) => chunkArticle(a)), report)) {
      if (batch.has(item.articleId))
        report.skipped.push({ path: file, reason: `article id ${item.articleId} repeated: later copy kept` });
      batch.set(item.articleId, item);
      if (batch.size >= (options.batchSize ?? 250)) await flush();
    }
    options.onProgress?.({ filesDone: i + 1, filesTotal: files.length, articles: report.articles });
  }
  await flush();
  await settle(0);
  // Names made canonical across articles before the recount, so the speakers index shows canonical names too.
  // A run that changed nothing brings no new name forms: skip the pass that reads every name in the index.
  if (report.articlesChanged > 0) {
    const canonical = await canonicalizeIndex(options.client, options.index, options.log);
    for (const name of [...canonical.renamed, ...canonical.canonical]) speakers.add(name);
  }
  await refreshSpeakers(options.client, options.index, speakers);
  report.durationMs = Date.now() - started;
  options.log?.info({ ...report, skipped: report.skipped.length }, "indexing run finished");
  return report;
}

/** Reads one file and chunks its articles; problems are recorded in `report.skipped`. */
async function chunkFile(
  file: string,
  chunk: (a: Article) => Doc[],
  report: IndexReport,
): Promise<ArticleDocs[]> {
  const read = await readArticleFile(file);
  if (!read.ok) {
    report.skipped.push({ path: read.path, reason: read.reason });
    return [];
  }
  const out: ArticleDocs[] = [];
  for (const article of read.articles) {
    try {
      const docs = chunk(article);
      report.articles++;
      report.documents += docs.length;
      const revision = docs[0]?.revision ?? "empty";
      out.push({ articleId: article.id, revision, docs });
    } catch (err) {
      report.skipped.push({
        path: `${file}#${article.id}`,
        reason: `chunking failed: ${(err as Error).message}`,
      });
    }
  }
  return out;
}
