// The embedded Meilisearch: private key and run files, reuse by a second process on the same DATA_DIR, clear
// errors for a missing binary or an unusable folder, and no orphan when the parent is killed.
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { adminClient } from "../src/meili/connect.js";
import { EmbeddedError, ensureEmbedded, isHealthy, keepEmbedded, runFile } from "../src/meili/embedded.js";
import { isProcessAlive } from "../src/pid.js";

const run = promisify(execFile);
const alive = isProcessAlive;
const mode = async (file: string) => (await fs.stat(file)).mode & 0o777;

describe("embedded Meilisearch", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "onrecord-embedded-"));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("starts with a private master key, records itself for reuse, and cleans up on stop", async () => {
    const first = await ensureEmbedded({ dataDir: dir });
    try {
      assert.ok(first.owned);
      assert.equal(await mode(path.join(dir, "master.key")), 0o600);
      assert.equal(await mode(runFile(dir)), 0o600);
      assert.equal((await fs.readFile(path.join(dir, "master.key"), "utf8")).trim(), first.masterKey);
      assert.ok(await isHealthy(first.url, 1000));
      const noKey = await fetch(`${first.url}/indexes`);
      assert.equal(noKey.status, 401, "production mode: the API needs the key");
      const second = await ensureEmbedded({ dataDir: dir });
      assert.equal(second.owned, false, "a second user of the same DATA_DIR reuses the running one");
      assert.equal(second.pid, first.pid);
      await second.stop();
      assert.ok(alive(first.pid), "stopping a reused instance does not stop it");
    } finally {
      await first.stop();
    }
    assert.ok(!alive(first.pid));
    await assert.rejects(fs.access(runFile(dir)));
  });

  it("a service that reused another process's instance starts it again on the same URL when that one stops", async function () {
    this.timeout(30_000);
    const owner = await ensureEmbedded({ dataDir: dir });
    const reused = await ensureEmbedded({ dataDir: dir });
    assert.equal(reused.owned, false);
    const kept = keepEmbedded(reused, { dataDir: dir }, 100);
    try {
      await owner.stop();
      assert.ok(!alive(owner.pid));
      const deadline = Date.now() + 20_000;
      while (!(await isHealthy(reused.url, 500)) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      assert.ok(await isHealthy(reused.url, 1000), "answers again on the URL the service's clients use");
      const restarted = (JSON.parse(await fs.readFile(runFile(dir), "utf8")) as { pid: number }).pid;
      assert.notEqual(restarted, owner.pid);
      const indexes = await fetch(`${reused.url}/indexes`, {
        headers: { authorization: `Bearer ${reused.masterKey}` },
      });
      assert.equal(indexes.status, 200, "same data folder, same master key");
    } finally {
      await kept.stop();
    }
    assert.ok(!(await isHealthy(reused.url, 500)), "the service stops the instance it had to start");
  });

  it("keeps the master key across restarts", async () => {
    const a = await ensureEmbedded({ dataDir: dir });
    await a.stop();
    const b = await ensureEmbedded({ dataDir: dir });
    await b.stop();
    assert.equal(a.masterKey, b.masterKey);
  });

  it("ignores a stale run file whose process is gone", async () => {
    await fs.writeFile(runFile(dir), JSON.stringify({ url: "http://127.0.0.1:9", pid: 999_999 }));
    const m = await ensureEmbedded({ dataDir: dir });
    await m.stop();
    assert.ok(m.owned);
  });

  it("says what to do when the binary is missing", async () => {
    await assert.rejects(
      ensureEmbedded({ dataDir: dir, bin: path.join(dir, "no-such-meilisearch") }),
      (err: Error) => {
        assert.ok(err instanceof EmbeddedError);
        assert.match(err.message, /MEILI_BIN/);
        assert.match(err.message, /MEILI_URL/);
        assert.match(err.message, /docker compose up/);
        return true;
      },
    );
  });

  it("reports an unusable data folder clearly", async () => {
    const file = path.join(dir, "a-file");
    await fs.writeFile(file, "x");
    await assert.rejects(ensureEmbedded({ dataDir: path.join(file, "data") }), (err: Error) => {
      assert.ok(err instanceof EmbeddedError);
      assert.match(err.message, /DATA_DIR .* is not usable \(ENOTDIR\)/);
      return true;
    });
  });

  it("leaves no orphan when its parent is killed with SIGKILL", async function () {
    this.timeout(30_000);
    const script = `import { ensureEmbedded } from ${JSON.stringify(path.resolve("src/meili/embedded.ts"))};
      const m = await ensureEmbedded({ dataDir: ${JSON.stringify(dir)} });
      process.stdout.write(String(m.pid) + "\\n");
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.stdout.once("data", (d: Buffer) => resolve(Number(d.toString().trim())));
      child.once("exit", () => reject(new Error("child exited early")));
    });
    assert.ok(alive(pid));
    child.kill("SIGKILL");
    const deadline = Date.now() + 10_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.ok(!alive(pid), "the watchdog stopped Meilisearch");
  });

  it("the index command reuses the instance running for the same DATA_DIR", async function () {
    this.timeout(60_000);
    const server = await ensureEmbedded({ dataDir: dir });
    try {
      const articles = path.join(dir, "articles");
      await fs.mkdir(articles);
      await fs.writeFile(
        path.join(articles, "owls.txt"),
        "Owls returned to the old mill this spring.\nVolunteers counted eleven nests.\n",
      );
      const env = { ...process.env, DATA_DIR: dir, INDEX_NAME: "reuse", LOG_LEVEL: "warn" };
      const { stdout } = await run(
        process.execPath,
        ["--import", "tsx", "indexer/cli.ts", "index", articles],
        { env },
      );
      assert.match(stdout, /articles: 1/);
      const hits = await adminClient(server.url, server.masterKey).index("reuse").search("owls");
      assert.ok(hits.hits.length > 0, "documents went into the running instance");
      assert.ok(alive(server.pid));
      assert.equal((JSON.parse(await fs.readFile(runFile(dir), "utf8")) as { pid: number }).pid, server.pid);
    } finally {
      await server.stop();
    }
  });
});
