// Run records: every re-indexing run, with its counts, per-source errors and outcome, kept in `<base>_runs`.
import { randomBytes } from "node:crypto";
import type { Meilisearch } from "meilisearch";
import { awaitTask, TaskFailedError } from "../src/meili/tasks.js";

/** What started a run. */
export type RunTrigger = "cli" | "schedule" | "api" | "start";

/** `running` until it ends; `partial` = finished, but a source or file could not be read; `abandoned` = its process died. */
export type RunOutcome = "running" | "succeeded" | "partial" | "failed" | "abandoned";

/** How one source fared in a run. */
export interface SourceOutcome {
  name: string;
  ok: boolean;
  articles: number;
  skipped: { path: string; reason: string }[];
  error?: string;
}

/** Article and document counts of a run. */
export interface RunCounts {
  seen: number;
  new: number;
  changed: number;
  unchanged: number;
  removed: number;
  docsAdded: number;
  docsDeleted: number;
}

/** One run, as stored and as listed by `GET /api/admin/runs`. */
export interface RunRecord {
  id: string;
  mode: "incremental" | "full";
  trigger: RunTrigger;
  outcome: RunOutcome;
  startedAt: string;
  /** `startedAt` in ms, for sorting. */
  startedMs: number;
  finishedAt?: string;
  durationMs?: number;
  counts: RunCounts;
  sources: SourceOutcome[];
  /** Run-level errors (a failed check, a lost lock, an unreachable Meilisearch). */
  errors: string[];
}

/** Counts of a run that has not counted anything yet. */
export const zeroCounts = (): RunCounts => ({
  seen: 0,
  new: 0,
  changed: 0,
  unchanged: 0,
  removed: 0,
  docsAdded: 0,
  docsDeleted: 0,
});

/** Index name of the run records of base index `base`. */
export const runsIndex = (base: string): string => `${base}_runs`;

/** A fresh record for a run starting now; ids sort by start time. */
export function newRun(mode: RunRecord["mode"], trigger: RunTrigger, now = Date.now()): RunRecord {
  const stamp = new Date(now).toISOString().replace(/[-:.TZ]/g, "");
  return {
    id: `r${stamp}-${randomBytes(3).toString("hex")}`,
    mode,
    trigger,
    outcome: "running",
    startedAt: new Date(now).toISOString(),
    startedMs: now,
    counts: zeroCounts(),
    sources: [],
    errors: [],
  };
}

/** Stores and lists run records in `<base>_runs` (created with its settings on first use). */
export class RunStore {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly client: Meilisearch,
    private readonly base: string,
    private readonly keep = 100,
  ) {}

  private get index() {
    return this.client.index<RunRecord>(runsIndex(this.base));
  }

  private ensure(): Promise<void> {
    this.ready ??= (async () => {
      await awaitTask(
        this.client.createIndex(runsIndex(this.base), { primaryKey: "id" }),
        "create runs index",
      ).catch((err: unknown) => {
        if (!(err instanceof TaskFailedError && err.code === "index_already_exists")) throw err;
      });
      await awaitTask(
        this.index.updateSettings({ sortableAttributes: ["startedMs"], filterableAttributes: ["outcome"] }),
        "runs index settings",
      );
    })().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  /** Writes (creates or replaces) a record. */
  async save(run: RunRecord): Promise<void> {
    await this.ensure();
    await awaitTask(this.index.addDocuments([run]), `save run ${run.id}`);
  }

  /** The most recent runs, newest first. */
  async recent(limit = 20): Promise<RunRecord[]> {
    await this.ensure();
    const res = await this.index.search("", { sort: ["startedMs:desc"], limit });
    return res.hits;
  }

  /** Marks records still `running` as `abandoned`: call only while holding the run lock (so none can be live). */
  async markAbandoned(exceptId: string): Promise<number> {
    await this.ensure();
    const res = await this.index.search("", { filter: 'outcome = "running"', limit: 1000 });
    const dead = res.hits.filter((r) => r.id !== exceptId);
    if (dead.length === 0) return 0;
    const note = "the process running it stopped before it finished";
    await awaitTask(
      this.index.updateDocuments(
        dead.map((r) => ({ id: r.id, outcome: "abandoned" as const, errors: [...r.errors, note] })),
      ),
      "mark abandoned runs",
    );
    return dead.length;
  }

  /** Deletes all but the newest `keep` records. */
  async prune(): Promise<void> {
    await this.ensure();
    const res = await this.index.search("", {
      sort: ["startedMs:desc"],
      offset: this.keep,
      limit: 1000,
      attributesToRetrieve: ["id"],
    });
    const ids = res.hits.map((h) => h.id);
    if (ids.length > 0) await awaitTask(this.index.deleteDocuments(ids), "prune old runs");
  }
}
