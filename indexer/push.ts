// Pushing chunked articles to Meilisearch without a search gap: add the new documents (deterministic ids overwrite
// unchanged positions), then delete the article's stale ones (other revision), then refresh the speakers index.
import type { EnqueuedTaskPromise, Meilisearch } from "meilisearch";
import { refreshSpeakers } from "../src/meili/speakers.js";
import { indexNames } from "../src/meili/settings.js";
import { awaitTask } from "../src/meili/tasks.js";
import { anyOf, staleDocsFilter } from "../src/search/filters.js";
import type { Doc } from "./types.js";

/** The documents of one article version (every doc shares `articleId` and `revision`). */
export interface ArticleDocs {
  articleId: string;
  revision: string;
  docs: Doc[];
}

/** What a push changed. */
export interface PushReport {
  /** Articles whose documents were written (new or changed). */
  articlesChanged: number;
  /** Articles already indexed at the same revision: nothing sent. */
  articlesUnchanged: number;
  /** Documents with ids new to the index. */
  added: number;
  /** Documents whose id existed and were overwritten by a new revision. */
  updated: number;
  /** Stale documents removed (paragraphs or quotes that no longer exist). */
  deleted: number;
}

interface Existing {
  id: string;
  articleId: string;
  revision: string;
  speakers?: string[];
}

/** Documents per add request: large enough to batch many articles, small enough to stay far below payload limits. */
const MAX_DOCS_PER_REQUEST = 5000;

/** Groups documents by article (for callers holding a flat list). */
export function groupByArticle(docs: Doc[]): ArticleDocs[] {
  const groups = new Map<string, ArticleDocs>();
  for (const doc of docs) {
    const g = groups.get(doc.articleId) ?? { articleId: doc.articleId, revision: doc.revision, docs: [] };
    g.docs.push(doc);
    groups.set(doc.articleId, g);
  }
  return [...groups.values()];
}

/** Pushes one article's documents; see `pushArticles`. */
export async function pushArticle(
  client: Meilisearch,
  base: string,
  article: ArticleDocs,
): Promise<PushReport> {
  return pushArticles(client, base, [article]);
}

/**
 * Pushes many articles' documents to index `base` in as few requests as possible: one add (per 5,000 docs), one
 * delete-by-filter for all their stale documents, awaited in that order so search never sees an article vanish.
 * Articles whose indexed documents already have the same revision and ids are skipped.
 */
export async function pushArticles(
  client: Meilisearch,
  base: string,
  articles: ArticleDocs[],
): Promise<PushReport> {
  const pending = await enqueueArticles(client, base, articles);
  const report = await pending.done();
  await refreshSpeakers(client, base, pending.speakers);
  return report;
}

/** A push whose tasks are enqueued (Meilisearch holds the payload) but not yet confirmed. */
export interface PendingPush {
  report: PushReport;
  /** Speakers whose counts change once the tasks are done (for `refreshSpeakers`). */
  speakers: Set<string>;
  /** Awaits the tasks in enqueue order and completes `report.deleted`; throws `TaskFailedError` if one failed. */
  done(): Promise<PushReport>;
}

/**
 * The first half of `pushArticles`: compare with the index, enqueue the adds and the stale-document deletion,
 * and return without waiting for Meilisearch to index them, so a caller can keep several pushes queued (consecutive
 * additions are then indexed as one large batch). The documents are not retained once enqueued.
 */
export async function enqueueArticles(
  client: Meilisearch,
  base: string,
  articles: ArticleDocs[],
): Promise<PendingPush> {
  const names = indexNames(base);
  const existing = await existingDocs(
    client,
    names.docs,
    articles.map((a) => a.articleId),
  );
  const changed = articles.filter((a) => !isUnchanged(a, existing.get(a.articleId) ?? []));
  const report: PushReport = {
    articlesChanged: changed.length,
    articlesUnchanged: articles.length - changed.length,
    added: 0,
    updated: 0,
    deleted: 0,
  };
  const speakers = new Set<string>();
  if (changed.length === 0) return { report, speakers, done: () => Promise.resolve(report) };

  const before = new Set([...existing.values()].flat().map((d) => d.id));
  const docs = changed.flatMap((a) => a.docs);
  for (const doc of docs) {
    if (before.has(doc.id)) report.updated++;
    else report.added++;
  }
  for (const a of changed)
    for (const d of [...(existing.get(a.articleId) ?? []), ...a.docs])
      for (const s of d.speakers ?? []) speakers.add(s);

  const index = client.index(names.docs);
  // Enqueue strictly in order (each request answered before the next is sent): sent together, the deletion
  // can be enqueued first and the article would briefly have no documents.
  const adds: EnqueuedTaskPromise[] = [];
  for (let i = 0; i < docs.length; i += MAX_DOCS_PER_REQUEST) {
    const add = index.addDocuments(docs.slice(i, i + MAX_DOCS_PER_REQUEST), { primaryKey: "id" });
    await add;
    adds.push(add);
  }
  // Only articles already in the index can have stale documents. Skipping the deletion for new ones also lets
  // Meilisearch batch consecutive additions together (a delete-by-filter task is never batched with them).
  const stale = changed.filter((a) => (existing.get(a.articleId)?.length ?? 0) > 0);
  const deletion =
    stale.length > 0
      ? index.deleteDocuments({ filter: [stale.map((a) => staleDocsFilter(a.articleId, a.revision))] })
      : null;
  if (deletion) await deletion;
  const done = async (): Promise<PushReport> => {
    for (const add of adds) await awaitTask(add, `add documents to ${names.docs}`);
    if (deletion) {
      const task = await awaitTask(deletion, `delete stale documents from ${names.docs}`);
      report.deleted = Number(task.details?.deletedDocuments ?? 0);
    }
    return report;
  };
  return { report, speakers, done };
}

/** Unchanged: every indexed doc of the article has the new revision and the id sets are equal. */
function isUnchanged(article: ArticleDocs, indexed: Existing[]): boolean {
  if (indexed.length !== article.docs.length || indexed.some((d) => d.revision !== article.revision))
    return false;
  const ids = new Set(indexed.map((d) => d.id));
  return article.docs.every((d) => ids.has(d.id));
}

async function existingDocs(
  client: Meilisearch,
  uid: string,
  articleIds: string[],
): Promise<Map<string, Existing[]>> {
  const byArticle = new Map<string, Existing[]>();
  for (let i = 0; i < articleIds.length; i += 500) {
    const filter = anyOf("articleId", articleIds.slice(i, i + 500));
    for (let offset = 0; ; offset += 10_000) {
      const page = await client
        .index(uid)
        .getDocuments<Existing>({
          filter,
          fields: ["id", "articleId", "revision", "speakers"],
          limit: 10_000,
          offset,
        });
      for (const d of page.results) {
        const list = byArticle.get(d.articleId) ?? [];
        list.push(d);
        byArticle.set(d.articleId, list);
      }
      if (page.results.length < 10_000) break;
    }
  }
  return byArticle;
}
