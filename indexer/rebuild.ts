// Full rebuild: build `<base>_next` fresh, check it, swap it in atomically, replay writes the live index took meanwhile.
import type { Meilisearch } from "meilisearch";
import { applySettings, indexNames } from "../src/meili/settings.js";
import { refreshSpeakers } from "../src/meili/speakers.js";
import { awaitTask } from "../src/meili/tasks.js";
import { canonicalizeIndex } from "./canonical.js";
import { equals } from "../src/search/filters.js";
import type { IndexedArticle, ReadArticle, ReindexPlan } from "./reindex-plan.js";
import {
  copyArticles,
  deleteIndexIfPresent,
  indexExists,
  loadInventory,
  pushRead,
  removeArticles,
  type WriteCounts,
} from "./reindex-store.js";

/** Base name of the index a rebuild of `base` builds before swapping it in. */
export const nextBase = (base: string): string => `${base}_next`;

/** A rebuild that must not swap: the new index failed its check, or the run lost its lock. */
export class RebuildCheckError extends Error {
  override name = "RebuildCheckError";
}

/** Deletes a half-built `<base>_next` left by a killed run (call only while holding the run lock). */
export async function cleanHalfBuilt(client: Meilisearch, base: string): Promise<boolean> {
  const names = indexNames(nextBase(base));
  const present = await Promise.all(
    [names.docs, names.speakers, names.aliases].map(async (uid) =>
      (await indexExists(client, uid)) ? uid : null,
    ),
  );
  const deleted = await Promise.all(
    present.map(async (uid) => (uid ? deleteIndexIfPresent(client, uid) : false)),
  );
  return deleted.some(Boolean);
}

/** What the rebuild needs from the run. */
export interface RebuildInput {
  plan: ReindexPlan;
  /** The live index's articles when the run started (the plan was made against it). */
  before: Map<string, IndexedArticle>;
  onProgress: (done: number) => void;
  /** Throws if the run may not go on (e.g. its lock was lost); called before the swap. */
  assertStillOwner: () => void;
}

/**
 * Builds the new index from every article read plus the articles that must be kept as they are (copied
 * from the live index), checks it, swaps it in, then deletes the retired index. Throws before the swap
 * on any failure, leaving the live index untouched.
 */
export async function rebuildAndSwap(
  client: Meilisearch,
  base: string,
  input: RebuildInput,
): Promise<WriteCounts> {
  const next = nextBase(base);
  await cleanHalfBuilt(client, base);
  let written: number;
  try {
    await applySettings(client, next);
    const pushed = await pushRead(client, next, input.plan.read, input.onProgress);
    written =
      pushed.added +
      (await copyArticles(
        client,
        base,
        next,
        input.plan.kept.map((k) => k.articleId),
      ));
    // canonical names in the new index (and its speakers) before it goes live
    const canonical = await canonicalizeIndex(client, next);
    await refreshSpeakers(client, next, [...canonical.renamed, ...canonical.canonical]);
    await checkNewIndex(client, next, input.plan.read, input.plan.read.length + input.plan.kept.length);
    input.assertStillOwner();
  } catch (err) {
    // Nothing was swapped: drop the new index now (a killed run's leftover is dropped by the next run instead).
    await cleanHalfBuilt(client, base).catch(() => undefined);
    throw err;
  }
  const retiredDocs = await swapIn(client, base, next);
  await replayLateWrites(client, base, next, input.before);
  await cleanHalfBuilt(client, base);
  return { added: written, deleted: retiredDocs };
}

/**
 * The checks a new index must pass before it goes live: every article in it (one paragraph at
 * position 0 each), as many as expected, and a real search for a word of an article's title finds it.
 */
export async function checkNewIndex(
  client: Meilisearch,
  base: string,
  read: ReadArticle[],
  expectedArticles: number,
): Promise<void> {
  const uid = indexNames(base).docs;
  // Facet counts are exact (hit totals stop at maxTotalHits): one paragraph at position 0 per article.
  const res = await client.index(uid).search("", { filter: "position = 0", facets: ["type"], limit: 0 });
  const articles = res.facetDistribution?.["type"]?.["paragraph"] ?? 0;
  if (articles !== expectedArticles) {
    throw new RebuildCheckError(`new index holds ${articles} articles, expected ${expectedArticles}`);
  }
  if (expectedArticles === 0)
    throw new RebuildCheckError("new index is empty: refusing to swap an empty index in");
  const sample = read[Math.floor(read.length / 2)];
  if (!sample) return;
  const word = sampleWord(sample.article.title || sample.article.paragraphs[0] || "");
  if (!word) return;
  const hits = await client
    .index(uid)
    .search(word, { filter: equals("articleId", sample.article.id), limit: 1 });
  if (hits.hits.length === 0)
    throw new RebuildCheckError(
      `sample search for "${word}" does not find article ${sample.article.id} in the new index`,
    );
}

/** The longest plain word of `text` (letters only), a good search probe. */
export function sampleWord(text: string): string | undefined {
  const words = text.match(/\p{L}{3,}/gu) ?? [];
  return words.sort((a, b) => b.length - a.length)[0];
}

/**
 * Swaps `next` in for the live index, documents and speakers in ONE atomic task (searches see the old or the
 * new pair, never a mix); a live index that does not exist yet is simply renamed into. Returns the size of
 * the retired documents index (now named `next`).
 */
async function swapIn(client: Meilisearch, base: string, next: string): Promise<number> {
  const live = indexNames(base);
  const fresh = indexNames(next);
  const pairs = await Promise.all(
    (
      [
        [live.docs, fresh.docs],
        [live.speakers, fresh.speakers],
        [live.aliases, fresh.aliases],
      ] as const
    ).map(async ([to, from]) =>
      (await indexExists(client, to))
        ? { indexes: [to, from] as [string, string], rename: false }
        : { indexes: [from, to] as [string, string], rename: true },
    ),
  );
  await awaitTask(client.swapIndexes(pairs), `swap ${fresh.docs} into ${live.docs}`);
  if (pairs[0]?.rename) return 0;
  return (await client.index(fresh.docs).getStats()).numberOfDocuments;
}

/**
 * Writes that reached the live index while the rebuild ran were applied to the index the swap retired
 * (Meilisearch runs them before the swap). Compare the retired index with the snapshot taken at the start:
 * every article added, changed or removed since then is copied into (or removed from) the new live index.
 */
async function replayLateWrites(
  client: Meilisearch,
  base: string,
  retired: string,
  before: Map<string, IndexedArticle>,
): Promise<void> {
  if (!(await indexExists(client, indexNames(retired).docs))) return;
  const after = await loadInventory(client, retired);
  const touched = [...after.values()]
    .filter((a) => before.get(a.articleId)?.revision !== a.revision)
    .map((a) => a.articleId);
  const removed = [...before.keys()].filter((id) => !after.has(id));
  if (touched.length > 0) await copyArticles(client, retired, base, touched);
  if (removed.length > 0) await removeArticles(client, base, removed);
}
