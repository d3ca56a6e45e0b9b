// The `npm start` entry point for real: embedded Meilisearch, ARTICLES_DIR indexed on start, /ready, hits, and a
// clean stop on SIGINT that leaves no process behind.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, runFile } from "../src/meili/embedded.js";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("server entry (npm start)", () => {
  it("starts embedded Meilisearch, indexes ARTICLES_DIR, answers, and stops cleanly on SIGINT", async function () {
    this.timeout(60_000);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "onrecord-server-"));
    const articles = path.join(dir, "articles");
    await fs.mkdir(articles);
    await fs.writeFile(
      path.join(articles, "orchard.txt"),
      "The orchard opened its gates for the apple harvest.\nPickers arrived before dawn.\n",
    );
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      PORT: String(port),
      DATA_DIR: path.join(dir, "data"),
      ARTICLES_DIR: articles,
      LOG_LEVEL: "warn",
      REINDEX_CRON: "off",
    };
    const server = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    server.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    try {
      const started = Date.now();
      let hits = 0;
      while (hits === 0) {
        assert.ok(Date.now() - started < 30_000, `no hits within 30 s:\n${stderr}`);
        const res = await fetch(`${url}/api/search?q=orchard`).catch(() => null);
        if (res?.ok) hits = ((await res.json()) as { totalHits: number }).totalHits;
        else await new Promise((r) => setTimeout(r, 200));
      }
      assert.equal((await fetch(`${url}/ready`)).status, 200);
      const { pid: meiliPid } = JSON.parse(await fs.readFile(runFile(env.DATA_DIR), "utf8")) as {
        pid: number;
      };
      assert.ok(alive(meiliPid));
      server.kill("SIGINT");
      const code = await new Promise<number | null>((resolve) => server.once("exit", (c) => resolve(c)));
      assert.equal(code, 0, stderr);
      assert.ok(!alive(meiliPid), "Meilisearch stopped with the server");
      await assert.rejects(fs.access(runFile(env.DATA_DIR)), "run file removed");
    } finally {
      if (server.exitCode === null) server.kill("SIGKILL");
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
