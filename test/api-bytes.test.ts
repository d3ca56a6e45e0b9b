// The /api/search hot path: the answer assembled from Meilisearch's answer bytes must equal the reference shaping
// of the parsed answer for any answer (property test), highlights escaped on JSON bytes exactly as on strings,
// and the service must return stored non-ASCII and hostile text unchanged.
import assert from "node:assert/strict";
import fc from "fast-check";
import request from "supertest";
import { adminClient } from "../src/meili/connect.js";
import { answerBytes } from "../src/search/answer-bytes.js";
import { HIT_FIELDS, shapeAnswer } from "../src/search/answer.js";
import { ByteWriter } from "../src/search/byte-writer.js";
import { POST_TAG, PRE_TAG, toSafeHtml, writeSafeHtmlJson } from "../src/search/highlight.js";
import { JsonShapeError } from "../src/search/json-scan.js";
import { parseSearchParams, type SearchParams } from "../src/search/params.js";
import { addDocs, paragraph, quote } from "./helpers/docs.js";
import { freshIndex, testMeili } from "./helpers/meili.js";
import { startService, type TestService } from "./helpers/service.js";

const TRICKY = [
  "",
  "plain words",
  "Zoë’s café — “crème brûlée” for 5 € 🍰",
  'quotes " and \\ backslashes \\u0041 and C:\\users\\nadia',
  "control \u0007 bell, line\u2028separator, tab\tand newline\n",
  "<b>bold</b> & 'single' & \"double\"",
  `${PRE_TAG}marked${POST_TAG} ${POST_TAG}stray ${PRE_TAG}${PRE_TAG}twice${POST_TAG} ${PRE_TAG}open`,
];

/** `text` as a JSON literal with every non-ASCII character written as a \u escape. */
const escapedLiteral = (text: string) =>
  JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

function safeHtmlOfLiteral(literal: string): string {
  const json = Buffer.from(`[${literal}]`, "utf8");
  const out = new ByteWriter(8);
  writeSafeHtmlJson(json, 1, json.length - 1, out);
  return JSON.parse(out.bytes().toString("utf8")) as string;
}

describe("highlights escaped on JSON bytes", () => {
  it("gives exactly toSafeHtml of the decoded text, plain or \\u-escaped", () => {
    for (const text of TRICKY) {
      assert.equal(safeHtmlOfLiteral(JSON.stringify(text)), toSafeHtml(text), text);
      assert.equal(safeHtmlOfLiteral(escapedLiteral(text)), toSafeHtml(text), text);
    }
    assert.equal(
      toSafeHtml(`a ${PRE_TAG}b${POST_TAG} ${POST_TAG}c ${PRE_TAG}${PRE_TAG}d${POST_TAG} ${PRE_TAG}e<`),
      "a <mark>b</mark> c <mark>d</mark> <mark>e&lt;</mark>",
    );
  });

  it("holds for any text", () => {
    const anyText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 60 }),
      fc
        .array(fc.constantFrom(PRE_TAG, POST_TAG, "<", "&", '"', "\\", "'", "é", "🍰", " ", "a"), {
          maxLength: 30,
        })
        .map((a) => a.join("")),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        assert.equal(safeHtmlOfLiteral(JSON.stringify(text)), toSafeHtml(text));
      }),
      { numRuns: 500 },
    );
  });
});

// Meilisearch-like multi-search answers: any values where a field could hold one, missing and null parts.
const scalar = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(`${PRE_TAG}hit${POST_TAG} & <b>`, "quote", "paragraph"),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 2 }),
);
const hitField = fc.constantFrom(...HIT_FIELDS);
const hit = fc
  .record({
    fields: fc.dictionary(hitField, value, { maxKeys: HIT_FIELDS.length }),
    type: fc.constantFrom("quote", "paragraph", undefined),
    formatted: fc.option(
      fc.oneof(
        fc.record({ text: fc.option(scalar), title: fc.option(scalar), id: scalar }, { requiredKeys: [] }),
        scalar,
      ),
    ),
  })
  .map(({ fields, type, formatted }) => {
    const h: Record<string, unknown> = { ...fields };
    if (type) h.type = type;
    if (formatted !== null) h._formatted = formatted;
    return h;
  });
const counts = fc.dictionary(fc.string({ unit: "binary", maxLength: 12 }), fc.nat(), { maxKeys: 4 });
const distribution = fc.option(
  fc.dictionary(fc.constantFrom("type", "speakers", "topics", "source", "people"), fc.option(counts), {
    maxKeys: 5,
  }),
);
const numberOrNot = fc.option(fc.nat(1000));
const filters = fc.record(
  {
    type: fc.constantFrom("quote", "paragraph"),
    speaker: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 2 }),
    topic: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 2 }),
    source: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const answer = fc.record({
  filters,
  hits: fc.array(hit, { maxLength: 5 }),
  distribution,
  extra: fc.array(distribution, { minLength: 4, maxLength: 4 }),
  page: numberOrNot,
  totalHits: numberOrNot,
  totalPages: numberOrNot,
  hitsPerPage: numberOrNot,
  processingTimeMs: numberOrNot,
  indent: fc.constantFrom(0, 2),
});

function meiliAnswer(a: typeof answer extends fc.Arbitrary<infer T> ? T : never, params: SearchParams) {
  const result = (distribution: unknown, withHits: boolean) => {
    const r: Record<string, unknown> = { indexUid: "docs", query: params.q };
    if (withHits) r.hits = a.hits;
    for (const key of ["page", "hitsPerPage", "totalHits", "totalPages", "processingTimeMs"] as const)
      if (a[key] !== null || withHits) r[key] = a[key];
    if (distribution !== null) r.facetDistribution = distribution;
    return r;
  };
  const groups = Object.keys(params.filters).filter(
    (k) => (params.filters as Record<string, unknown>)[k] !== undefined,
  );
  const extra = a.extra.slice(0, groups.length).map((d) => result(d, false));
  return { results: [result(a.distribution, true), ...extra] };
}

describe("the answer assembled from bytes", () => {
  it("equals the reference shaping of the parsed answer, for any answer", () => {
    fc.assert(
      fc.property(answer, (a) => {
        const params = parseSearchParams({ q: "word", ...a.filters });
        const parsed = meiliAnswer(a, params);
        const body = Buffer.from(JSON.stringify(parsed, null, a.indent), "utf8");
        const fromBytes: unknown = JSON.parse(answerBytes(body, params).toString("utf8"));
        const reference: unknown = JSON.parse(JSON.stringify(shapeAnswer(params, parsed.results as never)));
        assert.deepEqual(fromBytes, reference);
      }),
      { numRuns: 400 },
    );
  });

  it("refuses answers of another shape, so the service parses them instead", () => {
    const params = parseSearchParams({ q: "word" });
    for (const body of [
      "[]",
      "{}",
      '{"results":{}}',
      '{"results":[]}',
      '{"results":[{"hits":[1]}]}',
      '{"results":[{"hits":{}}]}',
      "not json",
    ])
      assert.throws(() => answerBytes(Buffer.from(body), params), JsonShapeError, body);
  });
});

describe("GET /api/search with non-ASCII and hostile stored text", () => {
  let svc: TestService;
  const stored = [
    paragraph("patisserie", 0, "Zoë’s café sells a “crème brûlée” for 5 € 🍰 — <b>really</b> & 'fine'", {
      title: "Café “Zoë” & <friends>",
    }),
    quote(
      "patisserie",
      1,
      "The brûlée sells out by noon, C:\\users\\nadia \\u0041 notwithstanding",
      "Ēriks Ōta",
    ),
  ];

  before(async () => {
    const index = await freshIndex("apibytes");
    const meili = await testMeili();
    await addDocs(adminClient(meili.url, meili.masterKey), index, stored);
    svc = await startService({ index });
  });
  after(async () => svc.close());

  it("returns stored text unchanged, highlights escaped, facets and the echoed query in UTF-8", async () => {
    const res = await request(svc.url)
      .get(`/api/search?q=${encodeURIComponent("brûlée")}&speaker=${encodeURIComponent("Ēriks Ōta")}`)
      .expect(200)
      .expect("Content-Type", "application/json; charset=utf-8");
    const body = res.body as {
      query: { q: string; speaker: string[] };
      hits: { id: string; text: string; _formatted: { text: string; title: string } }[];
      facets: { speaker: Record<string, number>; type: Record<string, number> };
    };
    assert.deepEqual(body.query.speaker, ["Ēriks Ōta"]);
    assert.equal(body.query.q, "brûlée");
    assert.deepEqual(body.facets.speaker, { "Ēriks Ōta": 1 });
    assert.deepEqual(
      body.hits.map((h) => h.text),
      [stored[1]!.text],
    );
    assert.match(body.hits[0]!._formatted.text, /<mark>brûlée<\/mark>/);
    assert.ok(body.hits[0]!._formatted.text.includes("C:\\users\\nadia \\u0041"));
    assert.equal(Buffer.byteLength(res.text), Number(res.headers["content-length"]));
  });

  it("escapes markup in non-ASCII titles and texts", async () => {
    const res = await request(svc.url)
      .get(`/api/search?q=${encodeURIComponent("café")}`)
      .expect(200);
    const hit = (
      res.body as { hits: { id: string; text: string; _formatted: { text: string; title: string } }[] }
    ).hits.find((h) => h.id === "patisserie-p-000");
    assert.ok(hit);
    assert.equal(hit.text, stored[0]!.text);
    assert.equal(hit._formatted.title, "<mark>Café</mark> “Zoë” &amp; &lt;friends&gt;");
    assert.match(hit._formatted.text, /🍰 — &lt;b&gt;really&lt;\/b&gt; &amp; &#39;fine&#39;/);
  });
});
