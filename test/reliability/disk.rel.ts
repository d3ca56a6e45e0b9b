// An unusable data folder for the embedded Meilisearch (full disk, read-only filesystem, a file where the folder
// should be): `npm start` stops once with a clear error naming DATA_DIR, never a crash loop, no Meilisearch left.
// Tests run as root, for whom chmod does not block writes, so real tiny tmpfs mounts are used when allowed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runNode, tsxArgs } from "./support.js";

function tryMount(dir: string, options: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const unmount = (dir: string): void => void execFileSync("umount", [dir], { stdio: "ignore" });

/** Meilisearch processes whose command line mentions `dir`. */
async function meiliProcessesFor(dir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await fs.readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = await fs.readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (cmd.includes("meilisearch") && cmd.includes(dir)) pids.push(Number(entry));
  }
  return pids;
}

/** Runs `npm start`'s entry with DATA_DIR=`dataDir` and no MEILI_URL; it must exit by itself. */
async function startWith(dataDir: string): Promise<{ code: number | null; output: string; ms: number }> {
  const run = await runNode(tsxArgs("src/server.ts"), { DATA_DIR: dataDir, PORT: "0", ARTICLES_DIR: "seeds", LOG_LEVEL: "info", REINDEX_CRON: "off" });
  return { code: run.code, output: run.stdout + run.stderr, ms: run.ms };
}

function assertClearFailure(r: { code: number | null; output: string; ms: number }, why: RegExp): void {
  assert.notEqual(r.code, 0, "must not start");
  assert.notEqual(r.code, null, "must exit by itself, not be killed");
  assert.ok(r.ms < 30_000, `took ${r.ms} ms to give up`);
  assert.match(r.output, /DATA_DIR/, `the error must name DATA_DIR:\n${r.output.slice(-1500)}`);
  assert.match(r.output, why, `the error must say why:\n${r.output.slice(-1500)}`);
  assert.doesNotMatch(r.output, /\n\s+at .+\(.+:\d+:\d+\)/, "no stack trace");
}

describe("unusable data folder for the embedded Meilisearch", function () {
  this.timeout(120_000);
  let root: string;
  before(async () => {
    delete process.env.MEILI_URL;
    root = await fs.mkdtemp(path.join(os.tmpdir(), "onrecord-rel-disk-"));
  });
  after(async () => fs.rm(root, { recursive: true, force: true }));

  it("a file where DATA_DIR should be: one clear error, exit, nothing left running", async () => {
    const file = path.join(root, "not-a-folder");
    await fs.writeFile(file, "x");
    const r = await startWith(file);
    assertClearFailure(r, /ENOTDIR|EEXIST|not usable/);
    assert.deepEqual(await meiliProcessesFor(file), []);
  });

  it("a full disk: one clear error naming the cause, exit, nothing left running", async () => {
    const mnt = path.join(root, "full");
    await fs.mkdir(mnt);
    if (!tryMount(mnt, "size=256k")) {
      // No mount permission here (not root, or no CAP_SYS_ADMIN): a file in the way is the closest real failure.
      await fs.rm(mnt, { recursive: true });
      await fs.writeFile(mnt, "x");
      assertClearFailure(await startWith(mnt), /ENOTDIR|EEXIST|not usable/);
      return;
    }
    try {
      await fs.writeFile(path.join(mnt, "filler"), Buffer.alloc(256 * 1024)).catch(() => undefined);
      const r = await startWith(path.join(mnt, "data"));
      assertClearFailure(r, /ENOSPC|no space|full/i);
      assert.deepEqual(await meiliProcessesFor(mnt), []);
    } finally {
      unmount(mnt);
    }
  });

  it("a read-only filesystem: one clear error naming the cause, exit, nothing left running", async () => {
    const mnt = path.join(root, "ro");
    await fs.mkdir(mnt);
    if (!tryMount(mnt, "size=1m,ro")) {
      await fs.rm(mnt, { recursive: true });
      await fs.writeFile(mnt, "x");
      assertClearFailure(await startWith(mnt), /ENOTDIR|EEXIST|not usable/);
      return;
    }
    try {
      const r = await startWith(mnt);
      assertClearFailure(r, /EROFS|read-only/i);
      assert.deepEqual(await meiliProcessesFor(mnt), []);
    } finally {
      unmount(mnt);
    }
  });
});
