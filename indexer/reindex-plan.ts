// Deciding a re-indexing run, purely: which articles are new, changed, unchanged, gone, or must be kept as they are.
import { revisionOf } from "./chunk.js";
import type { SourceRead } from "./sources/types.js";
import type { Article } from "./types.js";

/** What the index holds for one article (read from one of its documents). */
export interface IndexedArticle {
  articleId: string;
  revision: string;
  sourceName?: string;
  origin?: string;
}

/** An article read in this run, with its content hash and the source that gave it. */
export interface ReadArticle {
  article: Article;
  revision: string;
  sourceName: string;
  status: "new" | "changed" | "unchanged";
}

/** The decisions of one run. */
export interface ReindexPlan {
  /** Every article read, first source wins when two give the same id. */
  read: ReadArticle[];
  /** Unchanged articles whose documents should be re-labelled with their source or origin (no re-chunking). */
  relabel: ReadArticle[];
  /** Indexed articles to delete: their source was read and they are no longer in it. */
  removed: IndexedArticle[];
  /** Indexed articles not read this run that must stay: unreadable source or file, or no source at all. */
  kept: IndexedArticle[];
  /** Same article id given by two sources: `source` lost to the one read first. */
  duplicates: { articleId: string; source: string }[];
}

/** Per-source facts the plan needs besides the articles: whether a vanished article may be deleted. */
export interface SourcePolicy {
  prune: boolean;
}

/**
 * Compares what the sources gave with what the index holds. An article is removed only when the source
 * that gave it was read successfully (with pruning on), it is not there any more, and the file or page
 * it came from was not merely skipped as unreadable. Everything else not read is kept.
 */
export function planRun(
  reads: SourceRead[],
  indexed: Map<string, IndexedArticle>,
  policy: Map<string, SourcePolicy>,
): ReindexPlan {
  const plan: ReindexPlan = { read: [], relabel: [], removed: [], kept: [], duplicates: [] };
  const seen = new Set<string>();
  for (const source of reads) {
    if (!source.ok) continue;
    for (const article of source.articles) {
      if (seen.has(article.id)) {
        plan.duplicates.push({ articleId: article.id, source: source.name });
        continue;
      }
      seen.add(article.id);
      const item = classify(article, source.name, indexed.get(article.id));
      plan.read.push(item);
      const before = indexed.get(article.id);
      if (
        item.status === "unchanged" &&
        (before?.sourceName !== source.name || before.origin !== article.origin)
      )
        plan.relabel.push(item);
    }
  }
  const readable = new Map(reads.map((r) => [r.name, r.ok ? new Set(r.skipped.map((s) => s.path)) : null]));
  for (const entry of indexed.values()) {
    if (seen.has(entry.articleId)) continue;
    const skippedPaths = entry.sourceName === undefined ? null : readable.get(entry.sourceName);
    const prune = entry.sourceName !== undefined && (policy.get(entry.sourceName)?.prune ?? true);
    const removable =
      skippedPaths != null && prune && !(entry.origin !== undefined && skippedPaths.has(entry.origin));
    (removable ? plan.removed : plan.kept).push(entry);
  }
  return plan;
}

function classify(article: Article, sourceName: string, before: IndexedArticle | undefined): ReadArticle {
  const revision = revisionOf(article);
  const status = !before ? "new" : before.revision === revision ? "unchanged" : "changed";
  return { article, revision, sourceName, status };
}

/** Article counts of a plan, as run records show them. */
export function planCounts(plan: ReindexPlan): {
  seen: number;
  new: number;
  changed: number;
  unchanged: number;
  removed: number;
} {
  const count = (s: ReadArticle["status"]) => plan.read.filter((r) => r.status === s).length;
  return {
    seen: plan.read.length,
    new: count("new"),
    changed: count("changed"),
    unchanged: count("unchanged"),
    removed: plan.removed.length,
  };
}
