// Meilisearch unreachable, hanging or stopped: the API answers 503 JSON within 2 s, stays up, and recovers by
// itself when Meilisearch is back.
import assert from "node:assert/strict";
import net from "node:net";
import request from "supertest";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { searchClient } from "../src/meili/connect.js";
import { freePort } from "../src/meili/embedded.js";
import { createSearchService } from "../src/search/service.js";
import { freshIndex, testMeili } from "./helpers/meili.js";
import { loadSample } from "./helpers/sample.js";
import { startService } from "./helpers/service.js";

/** An app whose Meilisearch is at `url` (nothing needs to answer there). */
function appAgainst(url: string) {
  const config = loadConfig({ MEILI_URL: url, RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "silent" });
  const search = createSearchService({
    client: searchClient(url, "some-key", config.MEILI_TIMEOUT_MS),
    index: "onrecord",
  });
  return createApp({ search, config, log: createLogger("silent") });
}

async function expect503(app: ReturnType<typeof appAgainst> | string, path: string): Promise<number> {
  const started = Date.now();
  const r = await request(app).get(path).expect(503).expect("Content-Type", /json/);
  assert.equal((r.body as { error: { code: string } }).error.code, "unavailable");
  assert.ok(!r.text.includes("at "), "no stack trace");
  return Date.now() - started;
}

describe("Meilisearch outages", () => {
  it("answers 503 JSON quickly when nothing listens at MEILI_URL", async () => {
    const app = appAgainst(`http://127.0.0.1:${await freePort()}`);
    for (const path of [
      "/api/search?q=x",
      "/api/facets/speaker?q=x",
      "/api/articles/a",
      "/api/speakers",
      "/api/topics",
      "/ready",
    ]) {
      assert.ok((await expect503(app, path)) < 2000, path);
    }
    await request(app).get("/health").expect(200);
  });

  it("answers 503 within 2 s when Meilisearch accepts but never answers", async () => {
    const sockets = new Set<net.Socket>();
    const hang = net.createServer((s) => sockets.add(s));
    await new Promise<void>((r) => hang.listen(0, "127.0.0.1", r));
    try {
      const app = appAgainst(`http://127.0.0.1:${(hang.address() as net.AddressInfo).port}`);
      const ms = await expect503(app, "/api/search?q=x");
      assert.ok(ms < 2000, `took ${ms} ms`);
    } finally {
      for (const s of sockets) s.destroy();
      hang.close();
    }
  });

  it("answers 503 while Meilisearch is stopped and recovers by itself when it is back", async () => {
    const index = await freshIndex("outage");
    await loadSample(index);
    const svc = await startService({ index });
    const meili = await testMeili();
    try {
      await request(svc.url).get("/api/search?q=ferry").expect(200);
      await meili.stop();
      assert.ok((await expect503(svc.url, "/api/search?q=ferry")) < 2000);
      await expect503(svc.url, "/ready");
      await request(svc.url).get("/health").expect(200);
      await meili.restart();
      const r = await request(svc.url).get("/api/search?q=ferry").expect(200);
      assert.ok((r.body as { totalHits: number }).totalHits > 0);
      await request(svc.url).get("/ready").expect(200);
    } finally {
      await svc.close();
    }
  });
});
