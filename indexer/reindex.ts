// Re-indexing runs: take the lock, read every source, then push only what changed (incremental) or rebuild and swap (full).
import type { Meilisearch } from "meilisearch";
import type { Logger } from "../src/log.js";
import { applySettings } from "../src/meili/settings.js";
import { refreshSpeakers } from "../src/meili/speakers.js";
import { canonicalizeIndex } from "./canonical.js";
import { createFetcher, type Fetcher } from "./fetch.js";
import { acquireLock, readLock, type RunLock } from "./lock.js";
import { cleanHalfBuilt, rebuildAndSwap } from "./rebuild.js";
import { planCounts, planRun, type ReindexPlan } from "./reindex-plan.js";
import { indexExists, loadInventory, pushRead, relabel, removeArticles } from "./reindex-store.js";
import { newRun, RunStore, type RunRecord, type RunTrigger, type SourceOutcome } from "./runs.js";
import type { ReindexConfig } from "./sources-config.js";
import { readSources, type SourceRead } from "./sources/index.js";

export { LockHeldError } from "./lock.js";

/** Where a run is: reading sources, writing documents (with `done` of `total` articles), or finishing. */
export interface Progress {
  phase: "read" | "write" | "swap" | "done";
  done: number;
  total: number;
}

/** Everything a run talks to, passed in. */
export interface ReindexDeps {
  client: Meilisearch;
  /** INDEX_NAME: the live documents index. */
  base: string;
  config: ReindexConfig;
  /** ARTICLES_DIR: the paths of a folder source that names none. */
  defaultPaths: string[];
  log?: Logger;
  fetcher?: Fetcher;
}

/** One run to start. */
export interface RunRequest {
  full?: boolean;
  trigger: RunTrigger;
  onProgress?: (p: Progress) => void;
}

/** A run that has taken the lock and is going on in the background. */
export interface StartedRun {
  record: RunRecord;
  done: Promise<RunRecord>;
}

/** Runs re-indexing for one index: at most one run at a time across every process sharing the Meilisearch. */
export class Reindexer {
  readonly runs: RunStore;
  private readonly fetcher: Fetcher;
  private current: RunRecord | null = null;

  constructor(private readonly deps: ReindexDeps) {
    this.runs = new RunStore(deps.client, deps.base, deps.config.keepRuns);
    this.fetcher = deps.fetcher ?? createFetcher(deps.config.fetch);
  }

  /** The run this process is doing, if any. */
  get running(): RunRecord | null {
    return this.current;
  }

  /** Id of the run going on in this process or, through the lock, in any other one; null when none is. */
  async activeRunId(): Promise<string | null> {
    if (this.current) return this.current.id;
    const lock = await readLock(this.deps.client, this.deps.base);
    return lock.exists ? (lock.holder?.runId ?? "unknown") : null;
  }

  /** Takes the lock and starts a run; throws `LockHeldError` at once when another run holds it. */
  async start(request: RunRequest): Promise<StartedRun> {
    const record = newRun(request.full ? "full" : "incremental", request.trigger);
    const lock = await acquireLock(this.deps.client, this.deps.base, {
      ttlMs: this.deps.config.lockTtlMs,
      owner: request.trigger,
      runId: record.id,
    });
    this.current = record;
    const done = (async () => {
      // The "running" record is written alongside the run, not before it: Meilisearch tasks can be slow on a busy host.
      const saved = this.runs
        .save({ ...record })
        .catch((err: unknown) =>
          this.deps.log?.warn({ err: (err as Error).message }, "could not store the run record"),
        );
      try {
        const run = await this.execute(record, lock, request.onProgress ?? (() => undefined));
        await saved;
        return await this.finish(run);
      } finally {
        await lock
          .release()
          .catch((err: unknown) =>
            this.deps.log?.warn(
              { err: (err as Error).message },
              "could not release the run lock; it will expire",
            ),
          );
        this.current = null; // only now: no longer running means the lock is free too
      }
    })();
    return { record, done };
  }

  /** Starts a run and waits for its end. */
  async run(request: RunRequest): Promise<RunRecord> {
    return (await this.start(request)).done;
  }

  private async execute(
    run: RunRecord,
    lock: RunLock,
    onProgress: (p: Progress) => void,
  ): Promise<RunRecord> {
    const { client, base, log } = this.deps;
    log?.info({ run: run.id, mode: run.mode, trigger: run.trigger }, "reindex started");
    try {
      await this.runs.markAbandoned(run.id);
      if (await cleanHalfBuilt(client, base))
        log?.info({ run: run.id }, "removed a half-built index left by an interrupted rebuild");
      if (run.mode === "incremental" && !(await indexExists(client, base))) await applySettings(client, base);
      const before = await loadInventory(client, base);
      onProgress({ phase: "read", done: 0, total: this.deps.config.sources.length });
      const reads = await readSources(this.deps.config.sources, {
        fetcher: this.fetcher,
        defaultPaths: this.deps.defaultPaths,
      });
      const plan = planRun(
        reads,
        before,
        new Map(this.deps.config.sources.map((s) => [s.name, { prune: s.prune ?? true }])),
      );
      recordReads(run, reads, plan);
      const total = plan.read.filter((r) => run.mode === "full" || r.status !== "unchanged").length;
      const progress = (done: number) => onProgress({ phase: "write", done, total });
      progress(0);
      const assertOwner = () => {
        if (lock.lost)
          throw new Error(
            "the run lock was taken over by another process (this run stalled past its expiry)",
          );
      };
      if (run.mode === "full") {
        const written = await rebuildAndSwap(client, base, {
          plan,
          before,
          onProgress: progress,
          assertStillOwner: assertOwner,
        });
        run.counts.docsAdded = written.added;
        run.counts.docsDeleted = written.deleted;
      } else {
        await this.applyIncremental(run, plan, progress);
        assertOwner();
      }
      run.outcome = run.sources.some((s) => !s.ok || s.skipped.length > 0) ? "partial" : "succeeded";
    } catch (err) {
      run.outcome = "failed";
      run.errors.push((err as Error).message);
      log?.error({ run: run.id, err: (err as Error).message }, "reindex failed");
    }
    onProgress({ phase: "done", done: 1, total: 1 });
    return run;
  }

  private async applyIncremental(
    run: RunRecord,
    plan: ReindexPlan,
    progress: (done: number) => void,
  ): Promise<void> {
    const { client, base } = this.deps;
    const changed = plan.read.filter((r) => r.status !== "unchanged");
    const pushed = await pushRead(client, base, changed, progress);
    await relabel(client, base, plan.relabel);
    const deleted = await removeArticles(
      client,
      base,
      plan.removed.map((r) => r.articleId),
    );
    // A run that changed nothing brings no new name forms: skip the pass that reads every name in the index.
    if (changed.length > 0 || plan.removed.length > 0) {
      const canonical = await canonicalizeIndex(client, base, this.deps.log);
      await refreshSpeakers(client, base, [...canonical.renamed, ...canonical.canonical]);
    }
    run.counts.docsAdded = pushed.added;
    run.counts.docsDeleted = pushed.deleted + deleted;
  }

  private async finish(run: RunRecord): Promise<RunRecord> {
    const end = Date.now();
    run.finishedAt = new Date(end).toISOString();
    run.durationMs = end - run.startedMs;
    try {
      await this.runs.save(run);
      await this.runs.prune();
    } catch (err) {
      this.deps.log?.warn({ run: run.id, err: (err as Error).message }, "could not store the run record");
    }
    this.deps.log?.info(
      {
        run: run.id,
        outcome: run.outcome,
        durationMs: run.durationMs,
        counts: run.counts,
        errors: run.errors,
      },
      "reindex finished",
    );
    return run;
  }
}

/** Copies what the sources gave and what the plan decided into the run record. */
function recordReads(run: RunRecord, reads: SourceRead[], plan: ReindexPlan): void {
  run.sources = reads.map((r): SourceOutcome =>
    r.ok
      ? { name: r.name, ok: true, articles: r.articles.length, skipped: r.skipped }
      : { name: r.name, ok: false, articles: 0, skipped: [], error: r.error },
  );
  Object.assign(run.counts, planCounts(plan));
  for (const d of plan.duplicates)
    run.errors.push(
      `article ${d.articleId} from source ${d.source} ignored: an earlier source gave the same id`,
    );
}
