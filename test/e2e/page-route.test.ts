// The page router: HTML routes revalidate, hashed assets are cached for a year, a missing build is a clear 503.
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import request from "supertest";
import { buildPage, type PageBuild } from "../../scripts/build-page.js";
import { AppError } from "../../src/errors.js";
import { createPageRouter } from "../../src/routes/page.js";

function appFor(dir: string) {
  const app = express();
  app.use(createPageRouter({ dir }));
  app.use((_req, res) => void res.status(404).json({ error: { code: "not_found", message: "Not found" } }));
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = err instanceof AppError ? err.status : 500;
    res.status(status).json({ error: { code: err instanceof AppError ? err.code : "internal", message: String(err) } });
  });
  return app;
}

describe("page router", () => {
  let dir: string;
  let built: PageBuild;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "onrecord-page-"));
    built = await buildPage(join(dir, "dist"));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  describe("GET /", () => {
    it("sends the page naming the hashed bundle, revalidated on every visit", async () => {
      const res = await request(appFor(join(dir, "dist"))).get("/").expect(200);
      assert.match(String(res.headers["content-type"]), /text\/html/);
      assert.equal(res.headers["cache-control"], "no-cache");
      assert.ok(res.text.includes(`/assets/${built.js}`), "index.html points at the built JS");
      assert.ok(res.text.includes(`/assets/${built.css}`), "index.html points at the built CSS");
      assert.doesNotMatch(res.text, /https?:\/\/(?!127)/, "no external resource");
    });
  });

  describe("GET /article/:id", () => {
    it("sends the same page (the bundle renders the article view)", async () => {
      const res = await request(appFor(join(dir, "dist"))).get("/article/some-article?p=2").expect(200);
      assert.ok(res.text.includes(`/assets/${built.js}`));
    });
  });

  describe("GET /assets/*", () => {
    it("serves hashed assets with a year-long immutable cache", async () => {
      const res = await request(appFor(join(dir, "dist"))).get(`/assets/${built.js}`).expect(200);
      assert.match(String(res.headers["content-type"]), /javascript/);
      assert.match(String(res.headers["cache-control"]), /max-age=31536000.*immutable/);
    });
    it("answers an unknown asset with the JSON 404", async () => {
      const res = await request(appFor(join(dir, "dist"))).get("/assets/nope-123.js").expect(404);
      assert.equal((res.body as { error: { code: string } }).error.code, "not_found");
    });
  });

  describe("when the page was never built", () => {
    it("answers 503 JSON naming the build command", async () => {
      const res = await request(appFor(join(dir, "missing"))).get("/").expect(503);
      assert.match((res.body as { error: { message: string } }).error.message, /npm run build:page/);
    });
  });

  describe("the build", () => {
    it("keeps the shipped JavaScript under 50 KB gzipped", async () => {
      assert.ok(built.jsGzipBytes < 50 * 1024, `JS is ${built.jsGzipBytes} bytes gzipped`);
      const files = await readdir(join(dir, "dist", "assets"));
      assert.deepEqual(files.sort(), [built.css, built.js].sort(), "only the two bundles ship");
    });
  });
});
