// The `npm start` entry point for real: embedded Meilisearch, ARTICLES_DIR indexed on start, /ready only once that
// run has finished (then hits), and a clean stop on SIGINT that leaves no process behind.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { searchClient } from "../src/meili/connect.js";
import { freePort, runFile } from "../src/meili/embedded.js";
import { createSearchService } from "../src/search/service.js";
import { freshIndex, testMeili } from "./helpers/meili.js";
import { isProcessAlive } from "../src/pid.js";

const alive = isProcessAlive;

describe("GET /ready during the startup indexing run", () => {
  it("answers 503 until the run has finished, then 200", async () => {
    const meili = await testMeili();
    const index = await freshIndex("ready");
    const config = loadConfig({ MEILI_URL: meili.url, INDEX_NAME: index, RATE_LIMIT_PER_MINUTE: "0" });
    const search = createSearchService({ client: searchClient(meili.url, meili.masterKey, 1500), index });
    let done = false;
    const app = createApp({ search, config, log: createLogger("silent"), startupDone: () => done });
    const r = await request(app).get("/ready").expect(503);
    assert.equal((r.body as { error: { code: string } }).error.code, "unavailable");
    done = true;
    await request(app).get("/ready").expect(200);
  });
});

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
      // /ready says 503 until the startup indexing run has finished; from the first 200 on, the articles are there.
      const started = Date.now();
      for (;;) {
        assert.ok(Date.now() - started < 30_000, `not ready within 30 s:\n${stderr}`);
        const ready = await fetch(`${url}/ready`).catch(() => null);
        if (ready?.status === 200) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const res = await fetch(`${url}/api/search?q=orchard`);
      assert.equal(res.status, 200);
      assert.ok(
        ((await res.json()) as { totalHits: number }).totalHits > 0,
        "a seed word has hits once ready",
      );
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
