// Admin routes: 404 without ADMIN_TOKEN, 401 on a missing or wrong token, runs listing, 202 on start and 409 while running.
import assert from "node:assert/strict";
import request from "supertest";
import type { Express } from "express";
import { Reindexer } from "../indexer/reindex.js";
import { startSchedule, type Schedule } from "../indexer/schedule.js";
import { parseReindexConfig } from "../indexer/sources-config.js";
import { createFetcher } from "../indexer/fetch.js";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { createSearchService } from "../src/search/service.js";
import { tokensMatch } from "../src/routes/admin.js";
import { freshIndex, testMeili } from "./helpers/meili.js";
import { articleHtml, fixtureServer, rssFeed, type FixtureServer } from "./reindex/fixtures.js";

const TOKEN = "s3cret-admin-token-for-tests";

/** The JSON shapes these routes answer with (supertest types bodies as any). */
interface Answer {
  error: { code: string };
  id: string;
  mode: string;
  nextScheduledAt: string;
  running: string | null;
  runs: { id: string; outcome: string; trigger: string; counts: { seen: number } }[];
}
const body = (res: { body: unknown }): Answer => res.body as Answer;

describe("admin routes", () => {
  let server: FixtureServer;
  let schedule: Schedule | null = null;
  before(async () => {
    server = await fixtureServer();
    const link = `${server.url}/story`;
    server.routes.set("/story", { body: articleHtml(7, 1, link) });
    // The feed answers slowly so a run is still going on when the second request arrives.
    server.routes.set("/feed.xml", { type: "application/rss+xml", body: rssFeed([link]), delayMs: 1500 });
  });
  after(async () => {
    schedule?.stop();
    await server.close();
  });

  async function app(env: Record<string, string>): Promise<{ app: Express; reindexer: Reindexer }> {
    const { client, url, masterKey } = await testMeili();
    const base = await freshIndex("admin");
    const config = loadConfig({
      MEILI_URL: url,
      MEILI_MASTER_KEY: masterKey,
      INDEX_NAME: base,
      RATE_LIMIT_PER_MINUTE: "0",
      ...env,
    });
    const reindexConfig = parseReindexConfig(
      { sources: [{ kind: "feed", name: "wire", url: `${server.url}/feed.xml` }] },
      "test",
    );
    const reindexer = new Reindexer({
      client,
      base,
      config: reindexConfig,
      defaultPaths: [],
      fetcher: createFetcher({ retries: 0 }),
    });
    schedule?.stop();
    schedule = startSchedule("0 0 1 1 *", reindexer);
    const search = createSearchService({ client, index: base });
    return {
      app: createApp({ search, config, log: createLogger("silent"), admin: { reindexer, schedule } }),
      reindexer,
    };
  }

  describe("without ADMIN_TOKEN", () => {
    it("answers 404 JSON to both routes, even with a bearer token", async () => {
      const { app: a } = await app({});
      const runs = await request(a).get("/api/admin/runs").set("Authorization", `Bearer ${TOKEN}`);
      assert.equal(runs.status, 404);
      assert.equal(body(runs).error.code, "not_found");
      assert.equal((await request(a).post("/api/admin/reindex").send({})).status, 404);
    });
  });

  describe("with ADMIN_TOKEN", () => {
    let a: Express;
    let reindexer: Reindexer;
    before(async () => {
      ({ app: a, reindexer } = await app({ ADMIN_TOKEN: TOKEN }));
    });

    it("answers 401 without a token and with a wrong one", async () => {
      const none = await request(a).get("/api/admin/runs");
      assert.equal(none.status, 401);
      assert.equal(body(none).error.code, "unauthorized");
      assert.match(String(none.headers["www-authenticate"]), /^Bearer/);
      assert.equal(
        (await request(a).get("/api/admin/runs").set("Authorization", `Bearer ${TOKEN}x`)).status,
        401,
      );
      assert.equal(
        (await request(a).post("/api/admin/reindex").set("Authorization", `Basic ${TOKEN}`).send({})).status,
        401,
      );
    });

    it("starts a run with 202 and its id, refuses a second one with 409 while it runs, then lists it", async () => {
      const auth = { Authorization: `Bearer ${TOKEN}` };
      const first = await request(a).post("/api/admin/reindex").set(auth).send({ full: true });
      assert.equal(first.status, 202);
      assert.match(body(first).id, /^r\d+/);
      assert.equal(body(first).mode, "full");
      const second = await request(a).post("/api/admin/reindex").set(auth).send({});
      assert.equal(second.status, 409);
      assert.equal(body(second).error.code, "conflict");
      const during = await request(a).get("/api/admin/runs").set(auth);
      assert.equal(body(during).running, body(first).id);

      const deadline = Date.now() + 45_000;
      let runs: { id: string; outcome: string; trigger: string; counts: { seen: number } }[] = [];
      while (Date.now() < deadline) {
        const listed = await request(a).get("/api/admin/runs").set(auth);
        assert.equal(listed.status, 200);
        assert.match(body(listed).nextScheduledAt, /^\d{4}-01-01T/);
        runs = body(listed).runs;
        if (runs[0]?.id === body(first).id && runs[0]?.outcome !== "running") break;
        await new Promise((r) => setTimeout(r, 300));
      }
      assert.equal(runs[0]?.id, body(first).id);
      assert.equal(runs[0]?.outcome, "succeeded");
      assert.equal(runs[0]?.trigger, "api");
      assert.equal(runs[0]?.counts.seen, 1);
      while (reindexer.running) await new Promise((r) => setTimeout(r, 100)); // the lock is released after the record
      assert.equal(
        (await request(a).post("/api/admin/reindex").set(auth).send({})).status,
        202,
        "free again after the run",
      );
      while (reindexer.running) await new Promise((r) => setTimeout(r, 200));
    });

    it("answers 400 to a malformed body or query", async () => {
      const auth = { Authorization: `Bearer ${TOKEN}` };
      assert.equal((await request(a).post("/api/admin/reindex").set(auth).send({ full: "yes" })).status, 400);
      assert.equal((await request(a).post("/api/admin/reindex").set(auth).send({ wipe: true })).status, 400);
      assert.equal((await request(a).get("/api/admin/runs?limit=0").set(auth)).status, 400);
    });
  });

  it("compares tokens by content, whatever their lengths", () => {
    assert.equal(tokensMatch("abc", "abc"), true);
    assert.equal(tokensMatch("abc", "abcd"), false);
    assert.equal(tokensMatch("", "abc"), false);
  });
});
