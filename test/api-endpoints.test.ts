// The other endpoints: facet value search (mid-name), articles, speakers, topics, health/ready, metrics, 404s,
// security headers, CORS, rate limiting and request logging.
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { pino } from "pino";
import request from "supertest";
import { freshIndex } from "./helpers/meili.js";
import { loadSample, sampleWhere } from "./helpers/sample.js";
import { startService, type TestService } from "./helpers/service.js";

interface Values {
  facet: string;
  query: string;
  values: { value: string; count: number }[];
}

describe("API endpoints", () => {
  let index = "";
  let svc: TestService;

  before(async () => {
    index = await freshIndex("apiend");
    await loadSample(index);
    svc = await startService({ index });
  });
  after(async () => svc.close());

  describe("GET /api/facets/:facet", () => {
    const facet = async (path: string) =>
      (await request(svc.url).get(`/api/facets/${path}`).expect(200)).body as Values;

    it("finds a speaker by surname, mid-name", async () => {
      const b = await facet("speaker?q=lindq");
      assert.deepEqual(b.values, [
        {
          value: "Tomas Lindqvist",
          count: sampleWhere((d) => d.speakers.includes("Tomas Lindqvist")).length,
        },
      ]);
      assert.equal(b.facet, "speaker");
      assert.equal(b.query, "lindq");
      assert.deepEqual(
        (await facet("speaker?q=fuente")).values.map((v) => v.value),
        ["Ana de la Fuente"],
      );
    });

    it("counts within the other active filters", async () => {
      const b = await facet("speaker?q=fuente&type=quote");
      assert.deepEqual(b.values, [{ value: "Ana de la Fuente", count: 2 }]);
      const none = await facet("speaker?q=olsen&topic=environment");
      assert.deepEqual(none.values, []);
    });

    it("lists all values by count with an empty q, and matches any part of other facets' values", async () => {
      const all = await facet("speaker");
      assert.deepEqual(
        all.values.map((v) => v.value),
        ["Tomas Lindqvist", "Ana de la Fuente", "Mara Olsen"],
      );
      assert.deepEqual((await facet("source?q=gazette")).values, [
        { value: "Coast Gazette", count: sampleWhere((d) => d.source === "Coast Gazette").length },
      ]);
      assert.deepEqual(
        (await facet("topics?q=VIRON")).values.map((v) => v.value),
        ["environment"],
      );
      assert.deepEqual(
        (await facet("type?q=quo")).values.map((v) => v.value),
        ["quote"],
      );
    });

    it("404s on an unknown facet and 400s on a bad filter", async () => {
      const r = await request(svc.url).get("/api/facets/colour").expect(404);
      assert.equal((r.body as { error: { code: string } }).error.code, "not_found");
      const bad = await request(svc.url).get("/api/facets/speaker?hitsPerPage=3").expect(400);
      assert.equal((bad.body as { error: { param: string } }).error.param, "hitsPerPage");
    });
  });

  describe("GET /api/articles/:id", () => {
    it("returns the article with its paragraphs and quotes in order", async () => {
      const r = await request(svc.url).get("/api/articles/harbour").expect(200);
      const b = r.body as {
        article: Record<string, unknown>;
        paragraphs: { id: string; position: number }[];
        quotes: { id: string; speaker: string }[];
      };
      assert.deepEqual(b.article, {
        id: "harbour",
        title: "Ferry timetable changes at the harbour",
        topics: ["economy"],
        source: "Coast Gazette",
        publishedAt: "2024-03-05T09:00:00Z",
      });
      assert.deepEqual(
        b.paragraphs.map((p) => p.position),
        [0, 1, 2],
      );
      assert.deepEqual(
        b.quotes.map((q) => q.speaker),
        ["Tomas Lindqvist", "Ana de la Fuente"],
      );
    });

    it("404s with JSON for an unknown or impossible id", async () => {
      for (const id of ["nothere", "bad%20id", "a.b"]) {
        const r = await request(svc.url)
          .get(`/api/articles/${id}`)
          .expect(404)
          .expect("Content-Type", /json/);
        assert.equal((r.body as { error: { code: string } }).error.code, "not_found");
      }
    });
  });

  describe("GET /api/speakers and /api/topics", () => {
    it("lists speakers with their quote counts, by count or by name", async () => {
      const byCount = (await request(svc.url).get("/api/speakers").expect(200)).body as {
        speakers: { name: string; count: number }[];
      };
      const quotesBy = (n: string) => sampleWhere((d) => d.type === "quote" && d.speaker === n).length;
      assert.deepEqual(byCount.speakers, [
        { name: "Tomas Lindqvist", count: quotesBy("Tomas Lindqvist") },
        { name: "Ana de la Fuente", count: quotesBy("Ana de la Fuente") },
        { name: "Mara Olsen", count: quotesBy("Mara Olsen") },
      ]);
      const byName = (await request(svc.url).get("/api/speakers?sort=name").expect(200)).body as {
        speakers: { name: string }[];
      };
      assert.deepEqual(
        byName.speakers.map((s) => s.name),
        ["Ana de la Fuente", "Tomas Lindqvist", "Mara Olsen"],
        "by surname",
      );
    });

    it("lists topics with document counts", async () => {
      const b = (await request(svc.url).get("/api/topics?sort=name").expect(200)).body as {
        topics: { name: string; count: number }[];
      };
      assert.deepEqual(
        b.topics.map((t) => t.name),
        ["business", "culture", "economy", "environment"],
      );
      assert.equal(
        b.topics.find((t) => t.name === "economy")?.count,
        sampleWhere((d) => d.topics.includes("economy")).length,
      );
      await request(svc.url).get("/api/topics?sort=size").expect(400);
    });
  });

  describe("health, metrics, errors", () => {
    it("answers /health and /ready", async () => {
      assert.deepEqual((await request(svc.url).get("/health").expect(200)).body, { status: "ok" });
      assert.deepEqual((await request(svc.url).get("/ready").expect(200)).body, { status: "ready" });
    });

    it("/ready is 503 when the index does not exist", async () => {
      const other = await startService({ index: `missing_${Date.now()}` });
      try {
        const r = await request(other.url).get("/ready").expect(503);
        assert.equal((r.body as { error: { code: string } }).error.code, "unavailable");
        await request(other.url).get("/api/search?q=x").expect(503);
      } finally {
        await other.close();
      }
    });

    it("exposes Prometheus metrics by route and status, and Meilisearch latency", async () => {
      await request(svc.url).get("/api/search?q=ferry").expect(200);
      await request(svc.url).get("/api/search?page=0").expect(400);
      const text = (
        await request(svc.url)
          .get("/metrics")
          .expect(200)
          .expect("Content-Type", /text\/plain/)
      ).text;
      assert.match(
        text,
        /onrecord_http_requests_total\{method="GET",route="\/api\/search",status="200"\} \d+/,
      );
      assert.match(
        text,
        /onrecord_http_requests_total\{method="GET",route="\/api\/search",status="400"\} \d+/,
      );
      assert.match(
        text,
        /onrecord_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/search",status="200"\}/,
      );
      assert.match(
        text,
        /onrecord_meilisearch_request_duration_seconds_count\{operation="search",outcome="ok"\} \d+/,
      );
    });

    it("unknown routes get a JSON 404, never HTML", async () => {
      for (const path of ["/nope", "/api/nope", "/api/search/extra"]) {
        const r = await request(svc.url).get(path).expect(404).expect("Content-Type", /json/);
        assert.equal((r.body as { error: { code: string } }).error.code, "not_found");
      }
    });

    it("sets helmet's security headers and no CORS header by default", async () => {
      const r = await request(svc.url)
        .get("/api/search?q=ferry")
        .set("Origin", "https://elsewhere.example")
        .expect(200);
      assert.equal(r.headers["x-content-type-options"], "nosniff");
      assert.ok(r.headers["content-security-policy"]);
      assert.equal(r.headers["x-powered-by"], undefined);
      assert.equal(r.headers["access-control-allow-origin"], undefined);
    });
  });

  describe("configurable middleware", () => {
    it("CORS_ORIGIN allows only the named origins", async () => {
      const s = await startService({ index, env: { CORS_ORIGIN: "https://news.example" } });
      try {
        const ok = await request(s.url).get("/api/topics").set("Origin", "https://news.example").expect(200);
        assert.equal(ok.headers["access-control-allow-origin"], "https://news.example");
        const pre = await request(s.url)
          .options("/api/search")
          .set("Origin", "https://news.example")
          .expect(204);
        assert.match(String(pre.headers["access-control-allow-methods"]), /GET/);
        const other = await request(s.url)
          .get("/api/topics")
          .set("Origin", "https://evil.example")
          .expect(200);
        assert.equal(other.headers["access-control-allow-origin"], undefined);
      } finally {
        await s.close();
      }
    });

    it("RATE_LIMIT_PER_MINUTE answers 429 JSON past the limit", async () => {
      const s = await startService({ index, env: { RATE_LIMIT_PER_MINUTE: "3" } });
      try {
        for (let i = 0; i < 3; i++) await request(s.url).get("/api/topics").expect(200);
        const r = await request(s.url).get("/api/topics").expect(429).expect("Content-Type", /json/);
        assert.equal((r.body as { error: { code: string } }).error.code, "rate_limited");
        await request(s.url).get("/health").expect(200);
      } finally {
        await s.close();
      }
    });

    it("logs one line per request, without the query text when LOG_QUERIES=false", async () => {
      const lines: Record<string, unknown>[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      });
      const log = pino({ level: "info" }, sink);
      const s = await startService({ index, log, env: { LOG_QUERIES: "false" } });
      try {
        await request(s.url).get("/api/search?q=secretword&speaker=Mara%20Olsen").expect(200);
      } finally {
        await s.close();
      }
      const reqs = lines.filter((l) => l.msg === "request");
      assert.equal(reqs.length, 1);
      assert.equal(reqs[0]?.url, "/api/search");
      assert.equal(reqs[0]?.status, 200);
      assert.ok(!JSON.stringify(lines).includes("secretword"));
    });
  });
});
