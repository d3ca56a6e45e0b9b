// The Meilisearch side of a re-indexing run: what an index holds per article, and the writes a plan calls for.
import type { DocumentsQuery, Meilisearch } from "meilisearch";
import { refreshSpeakers } from "../src/meili/speakers.js";
import { indexNames } from "../src/meili/settings.js";
import { awaitTask, TaskFailedError } from "../src/meili/tasks.js";
import { anyOf } from "../src/search/filters.js";
import { chunkArticle } from "./chunk.js";
import { enqueueArticles, type ArticleDocs, type PendingPush } from "./push.js";
import type { IndexedArticle, ReadArticle } from "./reindex-plan.js";
import type { Doc } from "./types.js";

/** Articles chunked and pushed per request batch: big enough to batch well, small enough for steady progress. */
const PUSH_BATCH = 250;
/** Article ids per `IN [...]` filter. */
const FILTER_BATCH = 500;
const PAGE = 10_000;

/** Whether index `uid` exists. */
export async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.getRawIndex(uid);
    return true;
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code === "index_not_found") return false;
    throw err;
  }
}

/** Deletes index `uid` if it exists, awaiting the task; true when something was deleted. */
export async function deleteIndexIfPresent(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await awaitTask(client.deleteIndex(uid), `delete ${uid}`);
    return true;
  } catch (err) {
    if (err instanceof TaskFailedError && err.code === "index_not_found") return false;
    throw err;
  }
}

/**
 * One entry per article in the documents index of `base`, read from its first paragraph and first quote
 * (`position = 0`), so the cost is two small documents per article, not all of them.
 */
export async function loadInventory(client: Meilisearch, base: string): Promise<Map<string, IndexedArticle>> {
  const uid = indexNames(base).docs;
  const out = new Map<string, IndexedArticle>();
  if (!(await indexExists(client, uid))) return out;
  for (let offset = 0; ; offset += PAGE) {
    const page = await client
      .index(uid)
      .getDocuments<IndexedArticle>({
        filter: "position = 0",
        fields: ["articleId", "revision", "sourceName", "origin"],
        limit: PAGE,
        offset,
      });
    for (const d of page.results) if (!out.has(d.articleId)) out.set(d.articleId, d);
    if (page.results.length < PAGE) break;
  }
  return out;
}

/** Documents written and deleted by a step. */
export interface WriteCounts {
  added: number;
  deleted: number;
}

/** Batches enqueued but not yet confirmed: chunking runs ahead of Meilisearch's indexing by at most this many. */
const MAX_PENDING = 16;

/**
 * Chunks `items` and pushes them to `base` (add, then delete stale revisions), labelling every document
 * with its source and origin. Batches are enqueued without waiting for the previous ones to be indexed, so
 * chunking overlaps indexing and Meilisearch merges queued additions; speakers are recounted once at the end.
 * Calls `onBatch(done)` as batches are confirmed.
 */
export async function pushRead(
  client: Meilisearch,
  base: string,
  items: ReadArticle[],
  onBatch: (done: number) => void = () => undefined,
): Promise<WriteCounts> {
  const counts: WriteCounts = { added: 0, deleted: 0 };
  const pending: { push: PendingPush; upTo: number }[] = [];
  const speakers = new Set<string>();
  const settle = async (keep: number) => {
    while (pending.length > keep) {
      const { push, upTo } = pending.shift()!;
      const report = await push.done();
      counts.added += report.added + report.updated;
      counts.deleted += report.deleted;
      onBatch(upTo);
    }
  };
  for (let i = 0; i < items.length; i += PUSH_BATCH) {
    const push = await enqueueArticles(client, base, items.slice(i, i + PUSH_BATCH).map(toArticleDocs));
    for (const name of push.speakers) speakers.add(name);
    pending.push({ push, upTo: Math.min(i + PUSH_BATCH, items.length) });
    await settle(MAX_PENDING);
  }
  await settle(0);
  await refreshSpeakers(client, base, speakers);
  return counts;
}

function toArticleDocs({ article, revision, sourceName }: ReadArticle): ArticleDocs {
  const label = { sourceName, ...(article.origin ? { origin: article.origin } : {}) };
  const docs = chunkArticle(article).map((d): Doc => ({ ...d, ...label }));
  return { articleId: article.id, revision, docs };
}

/** Sets source and origin on every document of unchanged articles (a partial update: nothing re-chunked). */
export async function relabel(client: Meilisearch, base: string, items: ReadArticle[]): Promise<void> {
  const labels = new Map(
    items.map((r) => [r.article.id, { sourceName: r.sourceName, origin: r.article.origin }]),
  );
  const index = client.index(indexNames(base).docs);
  for (const ids of chunks([...labels.keys()], FILTER_BATCH)) {
    const docs = await fetchDocs<{ id: string; articleId: string }>(client, indexNames(base).docs, ids, [
      "id",
      "articleId",
    ]);
    const updates = docs.map((d) => ({ id: d.id, ...labels.get(d.articleId) }));
    if (updates.length > 0) await awaitTask(index.updateDocuments(updates), `relabel documents of ${base}`);
  }
}

/** Deletes every document of `articleIds` from `base` and recounts their speakers; returns documents deleted. */
export async function removeArticles(
  client: Meilisearch,
  base: string,
  articleIds: string[],
): Promise<number> {
  const uid = indexNames(base).docs;
  let deleted = 0;
  for (const ids of chunks(articleIds, FILTER_BATCH)) {
    const speakers = (await fetchDocs<{ speakers?: string[] }>(client, uid, ids, ["speakers"])).flatMap(
      (d) => d.speakers ?? [],
    );
    const task = await awaitTask(
      client.index(uid).deleteDocuments({ filter: anyOf("articleId", ids) }),
      `delete removed articles from ${uid}`,
    );
    deleted += Number(task.details?.deletedDocuments ?? 0);
    await refreshSpeakers(client, base, speakers);
  }
  return deleted;
}

/**
 * Copies every document of `articleIds` from base `from` to base `to` as they are, then drops documents in
 * `to` of those articles that `from` does not have (other revision, or article gone), and recounts speakers.
 */
export async function copyArticles(
  client: Meilisearch,
  from: string,
  to: string,
  articleIds: string[],
): Promise<number> {
  let copied = 0;
  const target = client.index(indexNames(to).docs);
  for (const ids of chunks(articleIds, FILTER_BATCH)) {
    const docs = await fetchDocs<Doc>(client, indexNames(from).docs, ids);
    const speakers = new Set(docs.flatMap((d) => d.speakers ?? []));
    const before = await fetchDocs<{ id: string; speakers?: string[] }>(client, indexNames(to).docs, ids, [
      "id",
      "speakers",
    ]);
    for (const d of before) for (const s of d.speakers ?? []) speakers.add(s);
    const keep = new Set(docs.map((d) => d.id));
    const drop = before.map((d) => d.id).filter((id) => !keep.has(id));
    if (docs.length > 0)
      await awaitTask(target.addDocuments(docs, { primaryKey: "id" }), `copy documents into ${to}`);
    if (drop.length > 0) await awaitTask(target.deleteDocuments(drop), `drop documents from ${to}`);
    await refreshSpeakers(client, to, speakers);
    copied += docs.length;
  }
  return copied;
}

/** Every document (or only `fields`) of `articleIds` in index `uid`. */
export async function fetchDocs<T extends object>(
  client: Meilisearch,
  uid: string,
  articleIds: string[],
  fields?: string[],
): Promise<T[]> {
  const out: T[] = [];
  if (articleIds.length === 0) return out;
  for (let offset = 0; ; offset += PAGE) {
    const query: DocumentsQuery = {
      filter: anyOf("articleId", articleIds),
      limit: PAGE,
      offset,
      ...(fields ? { fields } : {}),
    };
    const page = await client.index(uid).getDocuments(query);
    out.push(...(page.results as T[]));
    if (page.results.length < PAGE) return out;
  }
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
