// GET /api/search: hits, highlights (HTML-safe), filters, disjunctive facet counts, sorting, paging, 400s.
import assert from "node:assert/strict";
import request from "supertest";
import type { Doc } from "../indexer/types.js";
import { freshIndex } from "./helpers/meili.js";
import { loadSample, sampleWhere } from "./helpers/sample.js";
import { startService, type TestService } from "./helpers/service.js";

interface Body {
  query: Record<string, unknown>;
  hits: (Doc & { _formatted: { text: string; title: string } })[];
  facets: Record<string, Record<string, number>>;
  page: number;
  hitsPerPage: number;
  totalHits: number;
  totalPages: number;
  processingTimeMs: number;
  error?: { code: string; message: string; param?: string };
}

describe("GET /api/search", () => {
  let svc: TestService;
  const get = async (query: string, status = 200): Promise<Body> => {
    const res = await request(svc.url).get(`/api/search${query}`).expect("Content-Type", /json/);
    assert.equal(res.status, status, JSON.stringify(res.body));
    return res.body as Body;
  };
  const ids = (b: Body) => b.hits.map((h) => h.id).sort();
  const idsWhere = (pred: (d: Doc) => boolean) =>
    sampleWhere(pred)
      .map((d) => d.id)
      .sort();

  before(async () => {
    const index = await freshIndex("apisearch");
    await loadSample(index);
    svc = await startService({ index });
  });
  after(async () => svc.close());

  describe("hits", () => {
    it("finds documents by a word and echoes the parsed query", async () => {
      const b = await get("?q=bakery");
      assert.ok(b.totalHits > 0);
      assert.ok(b.hits.every((h) => h.articleId === "bakery"));
      assert.deepEqual(b.query, {
        q: "bakery",
        speaker: [],
        topic: [],
        source: [],
        sort: "relevance",
        page: 1,
        hitsPerPage: 20,
      });
      assert.equal(typeof b.processingTimeMs, "number");
    });

    it("marks matches with <mark> and HTML-escapes everything else", async () => {
      const b = await get("?q=promenade");
      const hit = b.hits.find((h) => h.id === "storm-p-000");
      assert.ok(hit, "the storm paragraph is found");
      assert.match(hit._formatted.text, /<mark>promenade<\/mark>/);
      assert.ok(!hit._formatted.text.includes("<img"), hit._formatted.text);
      assert.match(hit._formatted.text, /&lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;rain&quot;/);
      assert.equal(
        hit.text,
        sampleWhere((d) => d.id === "storm-p-000")[0]?.text,
        "raw text is returned as stored",
      );
    });

    it("returns a quote's speaker and no speaker field on paragraphs", async () => {
      const b = await get("?q=surprise");
      const q = b.hits.find((h) => h.type === "quote");
      assert.equal(q?.type === "quote" ? q.speaker : undefined, "Mara Olsen");
      assert.ok(b.hits.filter((h) => h.type === "paragraph").every((h) => !("speaker" in h)));
    });
  });

  describe("filters", () => {
    it("type filters to one kind", async () => {
      assert.deepEqual(
        ids(await get("?type=quote&hitsPerPage=100")),
        idsWhere((d) => d.type === "quote"),
      );
    });

    it("speaker matches the documents' speakers field, values OR-ed", async () => {
      const one = await get("?speaker=Mara%20Olsen&hitsPerPage=100");
      assert.deepEqual(
        ids(one),
        idsWhere((d) => d.speakers.includes("Mara Olsen")),
      );
      const two = await get("?speaker=Mara%20Olsen&speaker=Ana%20de%20la%20Fuente&hitsPerPage=100");
      assert.deepEqual(
        ids(two),
        idsWhere((d) => d.speakers.includes("Mara Olsen") || d.speakers.includes("Ana de la Fuente")),
      );
    });

    it("ANDs different facets", async () => {
      const b = await get("?speaker=Tomas%20Lindqvist&topic=environment&type=quote&hitsPerPage=100");
      assert.deepEqual(
        ids(b),
        idsWhere(
          (d) =>
            d.type === "quote" && d.speakers.includes("Tomas Lindqvist") && d.topics.includes("environment"),
        ),
      );
      const s = await get("?source=Coast%20Gazette&topic=economy&hitsPerPage=100");
      assert.deepEqual(
        ids(s),
        idsWhere((d) => d.source === "Coast Gazette" && d.topics.includes("economy")),
      );
    });

    it("from/to filter on the publication date (a day is inclusive)", async () => {
      const b = await get("?from=2024-01-01&to=2024-03-05&hitsPerPage=100");
      assert.deepEqual(
        ids(b),
        idsWhere((d) => d.articleId === "harbour"),
      );
      const iso = await get("?to=2023-12-31T23:59:59Z&hitsPerPage=100");
      assert.deepEqual(
        ids(iso),
        idsWhere((d) => d.articleId === "storm"),
      );
    });

    it("article limits to one article", async () => {
      assert.deepEqual(
        ids(await get("?article=bakery&hitsPerPage=100")),
        idsWhere((d) => d.articleId === "bakery"),
      );
    });

    it("filter values with quotes, backslashes and operators match only that literal (nothing here)", async () => {
      for (const value of [
        'a" OR type = "paragraph',
        "x\\",
        'Mara Olsen" OR "1"="1',
        "NOT",
        "(AND)",
        "Ünï = 東京",
      ]) {
        for (const param of ["speaker", "topic", "source", "article"]) {
          const b = await get(`?${param}=${encodeURIComponent(value)}`);
          assert.equal(b.totalHits, 0, `${param}=${value}`);
        }
      }
    });
  });

  describe("facets", () => {
    it("counts every facet without selections", async () => {
      const b = await get("?hitsPerPage=1");
      assert.equal(b.facets.type?.quote, sampleWhere((d) => d.type === "quote").length);
      assert.equal(
        b.facets.speaker?.["Tomas Lindqvist"],
        sampleWhere((d) => d.speakers.includes("Tomas Lindqvist")).length,
      );
      assert.equal(b.facets.topics?.economy, sampleWhere((d) => d.topics.includes("economy")).length);
      assert.equal(
        b.facets.source?.["Coast Gazette"],
        sampleWhere((d) => d.source === "Coast Gazette").length,
      );
    });

    it("is disjunctive: a facet's counts ignore its own selection but honour the others", async () => {
      const b = await get("?type=quote&speaker=Mara%20Olsen");
      const quotes = (d: Doc) => d.type === "quote";
      assert.equal(
        b.facets.speaker?.["Tomas Lindqvist"],
        sampleWhere((d) => quotes(d) && d.speakers.includes("Tomas Lindqvist")).length,
      );
      assert.equal(b.facets.speaker?.["Mara Olsen"], 1);
      const mara = (d: Doc) => d.speakers.includes("Mara Olsen");
      assert.deepEqual(b.facets.type, {
        quote: sampleWhere((d) => quotes(d) && mara(d)).length,
        paragraph: sampleWhere((d) => !quotes(d) && mara(d)).length,
      });
      assert.deepEqual(
        b.facets.topics,
        { business: 1, culture: 1 },
        "topics are counted within the selection",
      );
      assert.equal(b.totalHits, 1);
    });
  });

  describe("sort and paging", () => {
    it("browsing (empty q) defaults to newest first, undated last", async () => {
      const b = await get("?type=paragraph&hitsPerPage=100");
      assert.equal(b.query.sort, "newest");
      const order = [...new Set(b.hits.map((h) => h.articleId))];
      assert.deepEqual(order, ["bakery", "harbour", "storm", "nodate"]);
    });

    it("oldest reverses the dated order", async () => {
      const b = await get("?type=paragraph&sort=oldest&hitsPerPage=100");
      assert.deepEqual([...new Set(b.hits.map((h) => h.articleId))].slice(0, 3), [
        "storm",
        "harbour",
        "bakery",
      ]);
    });

    it("pages through results with exact totals", async () => {
      const all = sampleWhere(() => true).length;
      const p1 = await get("?hitsPerPage=5&page=1");
      const p4 = await get("?hitsPerPage=5&page=4");
      assert.equal(p1.totalHits, all);
      assert.equal(p1.totalPages, Math.ceil(all / 5));
      assert.equal(p1.hits.length, 5);
      assert.equal(p4.hits.length, all - 15);
      assert.equal(p4.page, 4);
      const past = await get("?hitsPerPage=5&page=9");
      assert.equal(past.hits.length, 0);
    });
  });

  describe("bad parameters", () => {
    const cases: [string, string][] = [
      ["?bogus=1", "bogus"],
      ["?hitsPerPage=1000", "hitsPerPage"],
      ["?hitsPerPage=0", "hitsPerPage"],
      ["?hitsPerPage=abc", "hitsPerPage"],
      ["?page=0", "page"],
      ["?page=-1", "page"],
      ["?page=1.5", "page"],
      ["?page=1&page=2", "page"],
      ["?sort=bogus", "sort"],
      ["?type=article", "type"],
      ["?from=yesterday", "from"],
      ["?to=2024-02-30", "to"],
      [`?q=${"x".repeat(513)}`, "q"],
      ["?q=a&q=b", "q"],
      ["?speaker=", "speaker"],
      ["?article=a&article=b", "article"],
      ["?q[a]=b", "q[a]"],
    ];
    for (const [query, param] of cases) {
      it(`${query.slice(0, 40)} → 400 naming ${param}`, async () => {
        const b = await get(query, 400);
        assert.equal(b.error?.code, "bad_request");
        assert.equal(b.error?.param, param);
        assert.ok(b.error?.message);
      });
    }

    it("accepts a q of exactly 512 characters", async () => {
      await get(`?q=${"x".repeat(512)}`);
    });
  });
});
