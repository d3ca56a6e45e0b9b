// SIGKILL in the middle of a full rebuild (the CLI in a child process): the live index stays complete and searchable,
// and the next run breaks the dead run's lock, cleans the half-built index and finishes.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readLock } from "../indexer/lock.js";
import { nextBase } from "../indexer/rebuild.js";
import { Reindexer } from "../indexer/reindex.js";
import { indexExists } from "../indexer/reindex-store.js";
import { parseReindexConfig } from "../indexer/sources-config.js";
import { freshIndex, testMeili } from "./helpers/meili.js";
import { articleFolder } from "./reindex/fixtures.js";

const ARTICLES = 60;

function cli(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; exit: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ["--import", "tsx", "indexer/cli.ts", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, exit };
}

describe("killed full reindex", () => {
  let folder: Awaited<ReturnType<typeof articleFolder>>;
  before(async () => {
    folder = await articleFolder(ARTICLES);
  });
  after(async () => {
    await folder.remove();
  });

  it("leaves the live index complete after SIGKILL mid-rebuild; the next run cleans up and finishes", async function () {
    this.timeout(180_000);
    const { client, url, masterKey } = await testMeili();
    const base = await freshIndex("kill");
    const config = parseReindexConfig({ sources: [{ kind: "dir", name: "default" }] }, "test");
    assert.equal(
      (await new Reindexer({ client, base, config, defaultPaths: [folder.dir] }).run({ trigger: "cli" }))
        .counts.new,
      ARTICLES,
    );
    const articles = async () =>
      (await client.index(base).search("", { filter: 'type = "paragraph" AND position = 0', hitsPerPage: 0 }))
        .totalHits;
    const env = {
      MEILI_URL: url,
      MEILI_MASTER_KEY: masterKey,
      INDEX_NAME: base,
      ARTICLES_DIR: folder.dir,
      ONRECORD_CONFIG: "/nonexistent/onrecord.config.json",
      LOG_LEVEL: "info",
    };

    const reindexer = new Reindexer({ client, base, config, defaultPaths: [folder.dir] });
    const rebuildRecorded = async () => (await reindexer.runs.recent(1))[0]?.mode === "full";
    const rebuild = cli(["reindex", "--full"], env);
    const deadline = Date.now() + 90_000;
    while (!(await indexExists(client, nextBase(base))) || !(await rebuildRecorded())) {
      assert.ok(Date.now() < deadline, "the rebuild never created its new index");
      assert.equal(rebuild.child.exitCode, null, "the rebuild ended before it could be killed");
      await new Promise((r) => setTimeout(r, 50));
    }
    rebuild.child.kill("SIGKILL");
    const killed = await rebuild.exit;
    assert.equal(killed.code, null, "killed by the signal");
    assert.doesNotMatch(killed.stdout, /succeeded/);

    assert.equal(await indexExists(client, nextBase(base)), true, "a half-built index is left behind");
    assert.equal((await readLock(client, base)).exists, true, "and the dead run's lock");
    assert.equal(await articles(), ARTICLES, "the live index is complete");
    assert.ok(
      ((await client.index(base).search("council", { limit: 1 })).estimatedTotalHits ?? 0) > 0,
      "and searchable",
    );

    const next = await cli(["reindex"], env).exit;
    assert.equal(next.code, 0, next.stderr);
    assert.match(next.stdout, /incremental, cli\): succeeded/);
    assert.match(next.stderr, /removed a half-built index/);
    assert.equal(await indexExists(client, nextBase(base)), false, "the half-built index is cleaned");
    assert.equal((await readLock(client, base)).exists, false);

    const outcomes = (await reindexer.runs.recent(5)).map((r) => `${r.mode}:${r.outcome}`);
    assert.deepEqual(outcomes.slice(0, 2), ["incremental:succeeded", "full:abandoned"]);

    const full = await cli(["reindex", "--full"], env).exit;
    assert.equal(full.code, 0, full.stderr);
    assert.equal(await articles(), ARTICLES);
  });
});
