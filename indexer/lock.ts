// A run lock shared by every process on one Meilisearch: index creation is the atomic step, a renewed expiry frees dead runs.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Meilisearch } from "meilisearch";
import { awaitTask, TaskFailedError } from "../src/meili/tasks.js";
import { isProcessAlive } from "../src/pid.js";

/*
 * Meilisearch has no conditional write, but its task queue runs one task at a time and creating an index
 * that exists fails: so "create `<base>_lock`" succeeds for exactly one of several racing processes.
 * The winner writes a holder document ({token, expiresAt, host, pid}) and renews it every ttl/3.
 * A lock whose holder expired (or whose process is gone from this host) is broken by renaming the index
 * to `<base>_lockbroken_<token>`: that target is unique to the dead holder, so of two processes breaking
 * the same lock, only one rename succeeds. Broken indexes are removed later, once no racer can use them.
 */

/** Who holds the lock and until when. */
export interface LockHolder {
  token: string;
  /** What took it, e.g. `cli` or `api`, and the run it guards. */
  owner: string;
  runId?: string;
  host: string;
  pid: number;
  acquiredAt: string;
  expiresAt: string;
}

/** Another run holds the lock; `holder` says which (null if it is still being written). */
export class LockHeldError extends Error {
  override name = "LockHeldError";

  constructor(readonly holder: LockHolder | null) {
    super(
      holder
        ? `another run holds the lock (${holder.owner}, pid ${holder.pid} on ${holder.host}, since ${holder.acquiredAt})`
        : "another run is taking the lock",
    );
  }
}

/** A held lock: renewed in the background until `release()`; `lost` turns true if another process broke it. */
export interface RunLock {
  readonly holder: LockHolder;
  readonly lost: boolean;
  release(): Promise<void>;
}

/** How to take the lock. */
export interface LockOptions {
  ttlMs: number;
  owner: string;
  runId?: string;
  /** For tests: the clock. */
  now?: () => number;
}

const HOLDER_ID = "holder";
/** Broken locks are deleted once unchanged this long: far longer than any racer's read-then-rename gap. */
const BROKEN_KEEP_MS = 10 * 60_000;

/** Index names of the lock of base index `base`. */
export const lockIndex = (base: string): string => `${base}_lock`;
const brokenPrefix = (base: string): string => `${base}_lockbroken_`;

/** Takes the run lock of `base`, or throws `LockHeldError` when a live run holds it. */
export async function acquireLock(client: Meilisearch, base: string, options: LockOptions): Promise<RunLock> {
  const now = options.now ?? Date.now;
  for (let attempt = 0; attempt < 3; attempt++) {
    // Look first (plain reads, no task): a held lock is refused at once, even when Meilisearch's queue is busy.
    const current = await readLock(client, base);
    if (current.exists) {
      if (!isStale(current, options.ttlMs, now())) throw new LockHeldError(current.holder);
      await breakLock(client, base, current);
    }
    if (await tryCreate(client, base)) {
      const holder = await writeHolder(client, base, options, now);
      await removeOldBroken(client, base, now()).catch(() => undefined);
      return new HeldLock(client, base, holder, options.ttlMs, now);
    }
  }
  throw new LockHeldError((await readLock(client, base)).holder);
}

/** The lock as stored: whether the lock index exists, its holder document, and when the index was created. */
export interface LockState {
  exists: boolean;
  holder: LockHolder | null;
  createdAt: number;
}

/** Reads the lock of `base` without touching it (for status pages and for deciding to break it). */
export async function readLock(client: Meilisearch, base: string): Promise<LockState> {
  const uid = lockIndex(base);
  const info = await client.getRawIndex(uid).catch((err: unknown) => {
    if (codeOf(err) === "index_not_found") return null;
    throw err;
  });
  if (!info) return { exists: false, holder: null, createdAt: 0 };
  const holder = await client
    .index(uid)
    .getDocument<LockHolder & { id: string }>(HOLDER_ID)
    .catch((err: unknown) => {
      if (codeOf(err) === "document_not_found" || codeOf(err) === "index_not_found") return null;
      throw err;
    });
  return { exists: true, holder: holder ? stripId(holder) : null, createdAt: Date.parse(info.createdAt) };
}

/** Expired, or held by a process of this host that no longer exists, or never written within the ttl. */
export function isStale(state: LockState, ttlMs: number, now: number): boolean {
  const { holder } = state;
  if (!holder) return state.createdAt + ttlMs < now;
  if (Date.parse(holder.expiresAt) < now) return true;
  return holder.host === hostname() && holder.pid !== process.pid && !isProcessAlive(holder.pid);
}

async function tryCreate(client: Meilisearch, base: string): Promise<boolean> {
  try {
    await awaitTask(client.createIndex(lockIndex(base), { primaryKey: "id" }), "take run lock");
    return true;
  } catch (err) {
    if (err instanceof TaskFailedError && err.code === "index_already_exists") return false;
    throw err;
  }
}

async function writeHolder(
  client: Meilisearch,
  base: string,
  options: LockOptions,
  now: () => number,
): Promise<LockHolder> {
  const t = now();
  const holder: LockHolder = {
    token: randomBytes(8).toString("hex"),
    owner: options.owner,
    ...(options.runId ? { runId: options.runId } : {}),
    host: hostname(),
    pid: process.pid,
    acquiredAt: new Date(t).toISOString(),
    expiresAt: new Date(t + options.ttlMs).toISOString(),
  };
  await awaitTask(
    client.index(lockIndex(base)).addDocuments([{ id: HOLDER_ID, ...holder }]),
    "write lock holder",
  );
  return holder;
}

/** Renames a stale lock out of the way; failing because a racer did it first is fine (the caller retries). */
async function breakLock(client: Meilisearch, base: string, stale: LockState): Promise<void> {
  const generation = stale.holder?.token ?? `c${stale.createdAt}`;
  try {
    await awaitTask(
      client.updateIndex(lockIndex(base), { uid: `${brokenPrefix(base)}${generation}` }),
      "break stale lock",
    );
  } catch (err) {
    if (!(err instanceof TaskFailedError)) throw err;
  }
}

async function removeOldBroken(client: Meilisearch, base: string, now: number): Promise<void> {
  const { results } = await client.getRawIndexes({ limit: 1000 });
  const old = results.filter(
    (i) => i.uid.startsWith(brokenPrefix(base)) && Date.parse(i.updatedAt) + BROKEN_KEEP_MS < now,
  );
  await Promise.all(old.map((i) => client.deleteIndex(i.uid)));
}

class HeldLock implements RunLock {
  lost = false;
  private readonly timer: NodeJS.Timeout;
  private renewing: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: Meilisearch,
    private readonly base: string,
    readonly holder: LockHolder,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {
    this.timer = setInterval(
      () => {
        this.renewing = this.renew().catch(() => undefined);
      },
      Math.max(200, Math.floor(ttlMs / 3)),
    );
    this.timer.unref();
  }

  /** Pushes the expiry forward, unless the lock is no longer ours. */
  private async renew(): Promise<void> {
    if (this.lost) return;
    const current = await readLock(this.client, this.base);
    if (current.holder?.token !== this.holder.token) {
      this.lost = true;
      clearInterval(this.timer);
      return;
    }
    const expiresAt = new Date(this.now() + this.ttlMs).toISOString();
    await this.client.index(lockIndex(this.base)).updateDocuments([{ id: HOLDER_ID, expiresAt }]);
  }

  async release(): Promise<void> {
    clearInterval(this.timer);
    await this.renewing;
    if (this.lost) return;
    const current = await readLock(this.client, this.base);
    if (current.holder?.token !== this.holder.token) return;
    await awaitTask(this.client.deleteIndex(lockIndex(this.base)), "release run lock");
  }
}

function stripId(doc: LockHolder & { id: string }): LockHolder {
  const { id, ...holder } = doc;
  void id;
  return holder;
}

function codeOf(err: unknown): string | undefined {
  return (err as { cause?: { code?: string } }).cause?.code;
}
