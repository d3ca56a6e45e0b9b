// The byte-string hot path of /api/search: JSON parsed and written as latin1 must give exactly the UTF-8 text,
// highlights and echoes that ordinary decoding would, for accents, emoji, escapes and stray sentinels.
import assert from "node:assert/strict";
import request from "supertest";
import { fromByteString, jsonBytes, parseJsonBytes, toByteJson, toByteString } from "../src/search/bytes.js";
import { POST_TAG, PRE_TAG, toSafeHtml, toSafeHtmlBytes } from "../src/search/highlight.js";
import { addDocs, paragraph, quote } from "./helpers/docs.js";
import { freshIndex, testMeili } from "./helpers/meili.js";
import { startService, type TestService } from "./helpers/service.js";
import { adminClient } from "../src/meili/connect.js";

const TRICKY = [
  "plain words",
  "Zoë’s café — “crème brûlée” for 5 € 🍰",
  'quotes " and \\ backslashes \\u0041 and C:\\users\\nadia',
  "control \u0007 bell, line\u2028separator, tab\tand newline\n",
  "<b>bold</b> & 'single' & \"double\"",
  `${PRE_TAG}marked${POST_TAG} ${POST_TAG}stray ${PRE_TAG}${PRE_TAG}twice${POST_TAG} ${PRE_TAG}open`,
];

describe("byte-string JSON (search hot path)", () => {
  it("round-trips text through byte strings", () => {
    for (const text of TRICKY) assert.equal(fromByteString(toByteString(text)), text);
  });

  it("parses and writes JSON to the same values as UTF-8 decoding, with or without wide escapes", () => {
    for (const text of TRICKY) {
      const value = { text, list: [text, 1.5, null, true], [text]: { nested: text } };
      const plain = Buffer.from(JSON.stringify(value), "utf8");
      // The same JSON with every non-ASCII character escaped (\u00e9, \ud83c\udf70): the exact, slower path.
      const escaped = Buffer.from(
        JSON.stringify(value).replace(
          /[^\x20-\x7e]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
        ),
      );
      for (const body of [plain, escaped]) {
        const roundTrip = jsonBytes(parseJsonBytes(body)).toString("utf8");
        assert.deepEqual(JSON.parse(roundTrip), value, text);
      }
    }
  });

  it("converts ordinary values to byte strings for mixing into byte-string JSON", () => {
    const echo = { q: "brûlée 🍰", speaker: ["Ēriks Ōta"], page: 2 };
    assert.deepEqual(JSON.parse(jsonBytes({ query: toByteJson(echo) }).toString("utf8")), { query: echo });
  });

  it("escapes highlights on byte strings exactly as on ordinary strings", () => {
    for (const text of TRICKY)
      assert.equal(fromByteString(toSafeHtmlBytes(toByteString(text))), toSafeHtml(text));
    assert.equal(
      toSafeHtml(`a ${PRE_TAG}b${POST_TAG} ${POST_TAG}c ${PRE_TAG}${PRE_TAG}d${POST_TAG} ${PRE_TAG}e<`),
      "a <mark>b</mark> c <mark>d</mark> <mark>e&lt;</mark>",
    );
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
