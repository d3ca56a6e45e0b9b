// The pure parts of the search page: URL <-> state round trip, browse-mode defaults, API queries, safe highlight HTML.
import assert from "node:assert/strict";
import fc from "fast-check";
import { pageWindow } from "../src/page/components/Results.js";
import { markedHtml } from "../src/page/format.js";
import { emptyState, filterParams, hasFilters, parseState, searchParams, stateToSearch, toggleType, toggleValue, type SearchState } from "../src/page/state.js";

const value = fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.trim()).filter((s) => s.length > 0);
const values = fc.uniqueArray(value, { maxLength: 3 });
const date = fc.date({ min: new Date("1990-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const state: fc.Arbitrary<SearchState> = fc.record({
  q: fc.string({ maxLength: 40 }),
  types: fc.constantFrom(null, [], ["quote"], ["paragraph"], ["quote", "paragraph"]),
  speaker: values,
  topic: values,
  source: values,
  from: fc.oneof(fc.constant(""), date),
  to: fc.oneof(fc.constant(""), date),
  sort: fc.constantFrom("", "relevance", "newest", "oldest"),
  page: fc.integer({ min: 1, max: 500 }),
});

describe("page state", () => {
  describe("URL round trip", () => {
    it("parseState(stateToSearch(s)) gives back s for every state", () => {
      fc.assert(fc.property(state, (s) => assert.deepEqual(parseState(stateToSearch(s)), { ...s })));
    });
    it("ignores malformed values instead of failing", () => {
      assert.deepEqual(parseState("?page=-3&sort=sideways&from=yesterday&type=poem&bogus=1"), { ...emptyState(), types: [] });
    });
  });

  describe("browse mode", () => {
    it("an empty query asks for the newest quotes", () => {
      const p = new URLSearchParams(searchParams(emptyState(), 10));
      assert.equal(p.get("type"), "quote");
      assert.equal(p.get("sort"), "newest");
    });
    it("a query searches every type by relevance", () => {
      const p = new URLSearchParams(searchParams({ ...emptyState(), q: "budget" }, 10));
      assert.equal(p.get("type"), null);
      assert.equal(p.get("sort"), "relevance");
    });
    it("unticking quotes in browse mode shows everything, and survives the URL", () => {
      const s = toggleType(emptyState(), "quote");
      assert.deepEqual(s.types, []);
      assert.equal(new URLSearchParams(searchParams(parseState(stateToSearch(s)), 10)).get("type"), null);
    });
  });

  describe("filters", () => {
    it("a facet's own filter is left out of its counts query (disjunctive)", () => {
      const s = toggleValue(toggleValue({ ...emptyState(), q: "x" }, "speaker", "A"), "topic", "t");
      assert.deepEqual(filterParams(s, "speaker").getAll("speaker"), []);
      assert.deepEqual(filterParams(s, "speaker").getAll("topic"), ["t"]);
      assert.deepEqual(filterParams(s).getAll("speaker"), ["A"]);
    });
    it("only filters the user set count as filters", () => {
      assert.equal(hasFilters(emptyState()), false, "browse mode's implicit quotes");
      assert.equal(hasFilters({ ...emptyState(), types: ["quote", "paragraph"] }), false, "both types = no filter");
      assert.equal(hasFilters({ ...emptyState(), types: ["paragraph"] }), true);
      assert.equal(hasFilters({ ...emptyState(), to: "2025-01-01" }), true);
    });
    it("changing a filter goes back to page 1", () => {
      assert.equal(toggleValue({ ...emptyState(), page: 4 }, "source", "S").page, 1);
    });
  });

  describe("highlight HTML", () => {
    it("keeps <mark> and escapes any other tag", () => {
      assert.equal(markedHtml("a <mark>b</mark> &amp; <img src=x onerror=alert(1)>", "").__html, "a <mark>b</mark> &amp; &lt;img src=x onerror=alert(1)>");
    });
    it("escapes the plain text when there is no _formatted field", () => {
      assert.equal(markedHtml(undefined, "<b>x</b> & y").__html, "&lt;b&gt;x&lt;/b&gt; &amp; y");
    });
  });

  describe("pagination window", () => {
    it("shows the ends and two pages either side, with gaps", () => {
      assert.deepEqual(pageWindow(6, 20), [1, "gap", 4, 5, 6, 7, 8, "gap", 20]);
      assert.deepEqual(pageWindow(1, 3), [1, 2, 3]);
    });
  });
});
