// The fetcher against a local HTTP server: http(s) only, user agent, redirects, timeout, size cap, retries, per-host limit.
import assert from "node:assert/strict";
import { createFetcher, FetchError } from "../indexer/fetch.js";
import { fixtureServer, type FixtureServer } from "./reindex/fixtures.js";

async function fetchError(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof FetchError, `expected a FetchError, got ${String(err)}`);
    return err;
  }
  assert.fail("expected the fetch to fail");
}

describe("fetch", () => {
  let server: FixtureServer;
  before(async () => {
    server = await fixtureServer();
  });
  after(async () => server.close());
  beforeEach(() => {
    server.routes.clear();
    server.hits.clear();
  });

  it("fetches a page with a clear User-Agent", async () => {
    server.routes.set("/page", (req) => ({ body: `ua=${req.headers["user-agent"]}` }));
    const page = await createFetcher()(`${server.url}/page`);
    assert.equal(page.status, 200);
    assert.match(page.text, /^ua=onrecord-indexer\/\S+ \(\+/);
    assert.match(page.contentType, /text\/html/);
  });

  it("refuses anything but http and https, before any request", async () => {
    const fetcher = createFetcher();
    for (const url of [
      "file:///etc/passwd",
      "ftp://127.0.0.1/x",
      "javascript:alert(1)",
      "data:text/plain,hi",
    ]) {
      assert.equal((await fetchError(fetcher(url))).code, "unsupported_protocol", url);
    }
    assert.equal((await fetchError(fetcher("not a url"))).code, "bad_url");
  });

  it("follows up to 5 redirects, no more, and never to another scheme", async () => {
    for (let i = 0; i < 6; i++)
      server.routes.set(`/r${i}`, { status: 302, headers: { location: `/r${i + 1}` } });
    server.routes.set("/r6", { body: "arrived" });
    server.routes.set("/to-file", { status: 301, headers: { location: "file:///etc/passwd" } });
    const fetcher = createFetcher({ retries: 0 });
    const five = await fetcher(`${server.url}/r1`);
    assert.equal(five.text, "arrived");
    assert.equal(five.url, `${server.url}/r6`);
    assert.equal((await fetchError(fetcher(`${server.url}/r0`))).code, "too_many_redirects");
    assert.equal((await fetchError(fetcher(`${server.url}/to-file`))).code, "unsupported_protocol");
  });

  it("gives up after the timeout, retrying first", async () => {
    server.routes.set("/slow", { body: "late", delayMs: 1500 });
    const started = Date.now();
    const err = await fetchError(
      createFetcher({ timeoutMs: 200, retries: 1, backoffMs: 10 })(`${server.url}/slow`),
    );
    assert.equal(err.code, "timeout");
    assert.equal(server.hits.get("/slow"), 2);
    assert.ok(Date.now() - started < 1400);
  });

  it("refuses bodies over the size cap, declared or streamed", async () => {
    const big = "x".repeat(10_000);
    server.routes.set("/declared", { body: big, headers: { "content-length": String(big.length) } });
    server.routes.set("/streamed", { body: big });
    const fetcher = createFetcher({ maxBytes: 2048 });
    assert.equal((await fetchError(fetcher(`${server.url}/declared`))).code, "too_large");
    assert.equal((await fetchError(fetcher(`${server.url}/streamed`))).code, "too_large");
    assert.equal((await createFetcher({ maxBytes: 20_000 })(`${server.url}/streamed`)).text.length, 10_000);
  });

  it("retries transient failures with backoff, but not a 404", async () => {
    let calls = 0;
    server.routes.set("/flaky", () => (++calls < 3 ? { status: 503, body: "busy" } : { body: "ok now" }));
    server.routes.set("/missing", { status: 404 });
    const fetcher = createFetcher({ retries: 2, backoffMs: 20 });
    assert.equal((await fetcher(`${server.url}/flaky`)).text, "ok now");
    assert.equal(server.hits.get("/flaky"), 3);
    const missing = await fetchError(fetcher(`${server.url}/missing`));
    assert.deepEqual([missing.code, missing.status, missing.transient], ["http_status", 404, false]);
    assert.equal(server.hits.get("/missing"), 1);
  });

  it("keeps at most perHostConcurrency requests in flight to one host", async () => {
    const own = await fixtureServer();
    try {
      own.routes.set("/wait", { body: "done", delayMs: 150 });
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          createFetcher({ perHostConcurrency: 2 })(`${own.url}/wait?i=${i}`),
        ),
      );
      assert.equal(own.maxInFlight(), 6, "six separate fetchers do not share a limit");
    } finally {
      await own.close();
    }
    const shared = await fixtureServer();
    try {
      shared.routes.set("/wait", { body: "done", delayMs: 150 });
      const fetcher = createFetcher({ perHostConcurrency: 2 });
      await Promise.all(Array.from({ length: 6 }, (_, i) => fetcher(`${shared.url}/wait?i=${i}`)));
      assert.equal(shared.hits.get("/wait"), 6);
      assert.equal(shared.maxInFlight(), 2);
    } finally {
      await shared.close();
    }
  });
});
