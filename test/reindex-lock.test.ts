// The run lock on a real Meilisearch: exactly one of several simultaneous runs goes ahead; stale locks expire.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { acquireLock, LockHeldError, lockIndex, readLock, type LockHolder } from "../indexer/lock.js";
import { Reindexer } from "../indexer/reindex.js";
import { parseReindexConfig } from "../indexer/sources-config.js";
import { awaitTask } from "../src/meili/tasks.js";
import { freshIndex, testMeili } from "./helpers/meili.js";
import { articleFolder } from "./reindex/fixtures.js";

/** Plants a lock as another process would have left it. */
async function plantLock(base: string, holder: Partial<LockHolder>): Promise<void> {
  const { client } = await testMeili();
  await awaitTask(client.createIndex(lockIndex(base), { primaryKey: "id" }), "plant lock");
  const full: LockHolder = {
    token: "planted",
    owner: "test",
    host: "some-other-host",
    pid: 1,
    acquiredAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    ...holder,
  };
  await awaitTask(client.index(lockIndex(base)).addDocuments([{ id: "holder", ...full }]), "plant holder");
}

describe("reindex lock", () => {
  it("lets exactly one of two runs started together go ahead and refuses the other", async () => {
    const folder = await articleFolder(3);
    try {
      const { client } = await testMeili();
      const base = await freshIndex("lock2");
      const config = parseReindexConfig({ sources: [{ kind: "dir", name: "default" }] }, "test");
      const make = () => new Reindexer({ client, base, config, defaultPaths: [folder.dir] });
      const results = await Promise.allSettled([
        make().run({ trigger: "cli" }),
        make().run({ trigger: "api" }),
      ]);
      const ran = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r) => r.status === "rejected");
      assert.equal(ran.length, 1);
      assert.equal(refused.length, 1);
      assert.ok((refused[0] as PromiseRejectedResult).reason instanceof LockHeldError);
      assert.equal((ran[0] as PromiseFulfilledResult<{ outcome: string }>).value.outcome, "succeeded");
      assert.equal((await readLock(client, base)).exists, false, "the lock is released after the run");
    } finally {
      await folder.remove();
    }
  });

  it("grants one of five simultaneous takers", async () => {
    const { client } = await testMeili();
    const base = await freshIndex("lock5");
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => acquireLock(client, base, { ttlMs: 30_000, owner: `p${i}` })),
    );
    const held = results.filter((r) => r.status === "fulfilled");
    assert.equal(held.length, 1);
    assert.ok(results.every((r) => r.status === "fulfilled" || r.reason instanceof LockHeldError));
    await (held[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireLock>>>).value.release();
  });

  it("refuses while a live holder's lock has not expired", async () => {
    const { client } = await testMeili();
    const base = await freshIndex("locklive");
    await plantLock(base, {});
    await assert.rejects(acquireLock(client, base, { ttlMs: 5000, owner: "me" }), LockHeldError);
  });

  it("breaks a lock whose expiry has passed (a crashed run on another host)", async () => {
    const { client } = await testMeili();
    const base = await freshIndex("lockexp");
    await plantLock(base, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    const lock = await acquireLock(client, base, { ttlMs: 5000, owner: "me" });
    assert.equal((await readLock(client, base)).holder?.token, lock.holder.token);
    await lock.release();
  });

  it("breaks at once a lock held by a process of this host that no longer exists (SIGKILLed run)", async () => {
    const { client } = await testMeili();
    const base = await freshIndex("lockdead");
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
    await plantLock(base, { host: hostname(), pid: dead });
    const lock = await acquireLock(client, base, { ttlMs: 60_000, owner: "me" });
    await lock.release();
  });

  it("renews its expiry while held, and notices when another process broke it", async () => {
    const { client } = await testMeili();
    const base = await freshIndex("lockrenew");
    const first = await acquireLock(client, base, { ttlMs: 1200, owner: "first" });
    const initial = (await readLock(client, base)).holder!.expiresAt;
    await new Promise((r) => setTimeout(r, 1500));
    const renewed = (await readLock(client, base)).holder!.expiresAt;
    assert.ok(Date.parse(renewed) > Date.parse(initial), "expiry moved forward");
    await assert.rejects(acquireLock(client, base, { ttlMs: 1200, owner: "second" }), LockHeldError);
    // A second taker whose clock runs far ahead sees the lock as expired and breaks it.
    const second = await acquireLock(client, base, {
      ttlMs: 1200,
      owner: "second",
      now: () => Date.now() + 3_600_000,
    });
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(first.lost, true);
    await first.release();
    assert.equal(
      (await readLock(client, base)).holder?.token,
      second.holder.token,
      "releasing a lost lock leaves the new holder alone",
    );
    await second.release();
  });
});
