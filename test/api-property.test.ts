// Property: random query strings and parameter combinations never produce a 5xx while Meilisearch is up, and every
// answer is JSON (200 with hits, or a 4xx error naming a code).
import assert from "node:assert/strict";
import fc from "fast-check";
import request from "supertest";
import { freshIndex } from "./helpers/meili.js";
import { loadSample } from "./helpers/sample.js";
import { startService, type TestService } from "./helpers/service.js";

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "",
    " ",
    '"',
    "\\",
    "%",
    "&",
    "=",
    'a" OR type = "quote',
    "NOT",
    "(",
    ")",
    "[",
    "]",
    "*",
    "\u0000",
    "\uE000",
    "ferry",
  ),
);
const param = fc.tuple(
  fc.constantFrom(
    "q",
    "type",
    "speaker",
    "topic",
    "source",
    "from",
    "to",
    "article",
    "sort",
    "page",
    "hitsPerPage",
    "unknown",
    "q[x]",
  ),
  fc.oneof(
    text,
    fc.integer({ min: -5, max: 2000 }).map(String),
    fc.constantFrom("quote", "paragraph", "newest", "2024-03-05", "2024-13-40"),
  ),
);

describe("API property: no 5xx while Meilisearch is up", () => {
  let svc: TestService;

  before(async () => {
    const index = await freshIndex("prop");
    await loadSample(index);
    svc = await startService({ index });
  });
  after(async () => svc.close());

  for (const route of ["/api/search", "/api/facets/speaker", "/api/facets/topics"]) {
    it(`${route} answers 200 or a JSON 4xx for any parameters`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(param, { maxLength: 6 }), async (params) => {
          const qs = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
          const res = await request(svc.url).get(`${route}?${qs}`);
          assert.ok(res.status < 500, `${res.status} for ?${qs}: ${res.text}`);
          assert.match(String(res.headers["content-type"]), /json/);
          if (res.status >= 400) assert.ok((res.body as { error?: { code?: string } }).error?.code, res.text);
        }),
        { numRuns: 150 },
      );
    });
  }

  it("raw, undecoded query strings never cause a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (raw) => {
        const res = await request(svc.url).get(`/api/search?${raw.replace(/[#\s]/g, "")}`);
        assert.ok(res.status < 500, `${res.status} for ${raw}: ${res.text}`);
      }),
      { numRuns: 150 },
    );
  });
});
