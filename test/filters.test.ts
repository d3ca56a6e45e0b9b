// Filter building: escaping rules as strings, then injection attempts against a real Meilisearch.
import assert from "node:assert/strict";
import { buildFilter, equals, quoteValue, staleDocsFilter } from "../src/search/filters.js";
import { addDocs, paragraph, quote } from "./helpers/docs.js";
import { freshIndex, testMeili } from "./helpers/meili.js";

/** Values that would break or widen a naively built filter; each is stored as a literal and must match only itself. */
const NASTY = [
  'a" OR type = "paragraph',
  'x" OR speakers EXISTS OR speakers = "y',
  "back\\slash",
  "trail\\",
  'both\\"mix',
  "tab\\nnotnewline",
  "NOT",
  "AND",
  "OR",
  "(paren) = [x]",
  "a = b",
  "Émile Zoë 東京 🚀",
  "'single'",
];

describe("filters", () => {
  describe("quoteValue", () => {
    it("doubles backslashes before escaping quotes, always double-quoted", () => {
      assert.equal(quoteValue("plain"), '"plain"');
      assert.equal(quoteValue('O"Brien'), '"O\\"Brien"');
      assert.equal(quoteValue("back\\slash"), '"back\\\\slash"');
      assert.equal(quoteValue('both\\"'), '"both\\\\\\""');
      assert.equal(quoteValue(""), '""');
    });
  });

  describe("buildFilter", () => {
    it("returns undefined when nothing filters", () => {
      assert.equal(buildFilter({}), undefined);
      assert.equal(buildFilter({ speakers: [] }), undefined);
    });

    it("ORs values within a facet and ANDs facets, leaving out the omitted group", () => {
      const f = buildFilter({
        type: "quote",
        speakers: ["A", "B"],
        topics: ["t"],
        from: 10,
        to: 20,
        article: "x",
      });
      assert.deepEqual(f, [
        ['"type" = "quote"'],
        ['"speakers" = "A"', '"speakers" = "B"'],
        ['"topics" = "t"'],
        '"publishedTs" >= 10',
        '"publishedTs" <= 20',
        '"articleId" = "x"',
      ]);
      const omitted = buildFilter({ type: "quote", speakers: ["A"] }, "speaker");
      assert.deepEqual(omitted, [['"type" = "quote"']]);
    });

    it("refuses non-finite numbers", () => {
      assert.throws(() => buildFilter({ from: Number.NaN }), RangeError);
    });

    it("builds the stale-documents filter", () => {
      assert.equal(staleDocsFilter('a"b', "r\\2"), '"articleId" = "a\\"b" AND "revision" != "r\\\\2"');
    });
  });

  describe("against Meilisearch", () => {
    let uid = "";

    before(async () => {
      uid = await freshIndex("filters");
      const { client } = await testMeili();
      const docs = NASTY.flatMap((value, i) => [
        quote(`art${i}`, 0, `words of quote ${i}`, value, { topics: [value], source: value }),
        paragraph(`art${i}`, 0, `words of paragraph ${i}`, {
          speakers: [value],
          topics: [value],
          source: value,
        }),
      ]);
      docs.push(
        paragraph("plainart", 0, "unrelated words", {
          speakers: ["Someone Else"],
          topics: ["politics"],
          source: "Daily",
        }),
      );
      await addDocs(client, uid, docs);
    });

    const search = async (filter: ReturnType<typeof buildFilter>) => {
      const { client } = await testMeili();
      const res = await client.index(uid).search("", { filter, limit: 1000, attributesToRetrieve: ["id"] });
      return res.hits.map((h) => h.id as string).sort();
    };

    for (const [i, value] of NASTY.entries()) {
      it(`matches exactly the literal ${JSON.stringify(value)} in every filter parameter`, async () => {
        const expected = [`art${i}-p-000`, `art${i}-q-000`].sort();
        assert.deepEqual(await search(buildFilter({ speakers: [value] })), expected);
        assert.deepEqual(await search(buildFilter({ topics: [value] })), expected);
        assert.deepEqual(await search(buildFilter({ sources: [value] })), expected);
        assert.deepEqual(await search(buildFilter({ article: `art${i}` })), expected);
        assert.deepEqual(await search([equals("articleId", value)]), []);
      });
    }

    it("treats an injection attempt as one literal that matches nothing", async () => {
      for (const attempt of [
        'zz" OR type = "paragraph',
        'zz\\" OR type = "paragraph',
        'zz") OR ("type" = "quote',
      ]) {
        assert.deepEqual(await search(buildFilter({ speakers: [attempt] })), []);
        assert.deepEqual(await search(buildFilter({ article: attempt })), []);
      }
    });
  });
});
