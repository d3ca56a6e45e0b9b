// Quote spans: every quotation convention, nesting, multi-paragraph quotes and stray marks.
import assert from "node:assert/strict";
import fc from "fast-check";
import { extractQuotes, findQuoteSpans } from "../indexer/quotes.js";

const texts = (paragraphs: string[]): string[] => findQuoteSpans(paragraphs).map((s) => s.text);

describe("quotes", () => {
  describe("marks", () => {
    const cases: Array<[string, string, string[]]> = [
      ["straight double quotes", 'The chef said the soup was "far too salty" for her taste.', ["far too salty"]],
      ["curly double quotes", "The chef called it \u201Cfar too salty\u201D and sent it back.", ["far too salty"]],
      ["French guillemets", "Elle a dit \u00AB nous partons demain \u00BB avant de sortir.", ["nous partons demain"]],
      ["German low-high quotes", "Er sagte \u201Ewir kommen sp\u00E4ter\u201C und ging.", ["wir kommen sp\u00E4ter"]],
      ["single guillemets", "The note read \u2039 back at noon \u203A in pencil.", ["back at noon"]],
      ["two partial quotes in one sentence", 'It was "cheap" and "cheerful," the guide said.', ["cheap", "cheerful"]],
    ];
    for (const [name, paragraph, expected] of cases) {
      it(`finds ${name}`, () => assert.deepEqual(texts([paragraph]), expected));
    }
    it("drops the comma news style puts before the closing mark", () => {
      assert.deepEqual(texts(['"We will rebuild the pier," the mayor said.']), ["We will rebuild the pier"]);
    });
    it("ignores an inch mark and an apostrophe", () => {
      assert.deepEqual(texts(['The 12" pipe burst at the farmers\' market on Tuesday.']), []);
    });
  });

  describe("nesting", () => {
    it("keeps a straight quote inside a straight quote as one quotation", () => {
      const p = '"The storm on the so-called "quiet coast" took us all by surprise this year," the warden said.';
      assert.deepEqual(texts([p]), ['The storm on the so-called "quiet coast" took us all by surprise this year']);
    });
    it("keeps a curly quote inside a curly quote as one quotation", () => {
      const p = "\u201CThey kept asking \u201Cwhere is the ferry?\u201D all morning,\u201D the clerk said.";
      assert.deepEqual(texts([p]), ["They kept asking \u201Cwhere is the ferry?\u201D all morning"]);
    });
    it("keeps single-quote nests inside the quotation", () => {
      const p = "\u201CShe told me \u2018go home\u2019 and I did,\u201D the porter said.";
      assert.deepEqual(texts([p]), ["She told me \u2018go home\u2019 and I did"]);
    });
  });

  describe("paragraphs", () => {
    it("joins a quote that runs over paragraphs, each opening with a mark, into one", () => {
      const spans = findQuoteSpans([
        '"The first thing we did was count the boats.',
        '"Then we counted them again, because nobody believed the number," the harbour master said.',
      ]);
      assert.equal(spans.length, 1);
      assert.equal(spans[0]!.paragraph, 0);
      assert.equal(spans[0]!.endParagraph, 1);
      assert.match(spans[0]!.text, /^The first thing .* believed the number$/);
    });
    it("drops a quote that never closes and still finds the quotes after it", () => {
      const spans = findQuoteSpans(['The baker said it was "the best year we ever had.', "Sales fell in the spring.", '"Prices rose," she said.']);
      assert.deepEqual(
        spans.map((s) => [s.text, s.paragraph, s.endParagraph]),
        [["Prices rose", 2, 2]],
      );
    });
    it("splits an interrupted quote into two quotations", () => {
      assert.deepEqual(texts(['"The first part is easy," she said, "and the second part is not."']), [
        "The first part is easy",
        "and the second part is not.",
      ]);
    });
  });

  describe("robustness", () => {
    it("never throws and never swallows later paragraphs, whatever the marks", () => {
      const mark = fc.constantFrom('"', "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB", "\u2039", "\u203A", "'", " ", "a", "b", ".", ",");
      fc.assert(
        fc.property(fc.array(fc.array(mark, { maxLength: 30 }).map((cs) => cs.join("")), { maxLength: 6 }), (paras) => {
          const found = extractQuotes([...paras, "A closing line with no marks at all."]);
          for (const q of found) {
            assert.ok(q.paragraph <= q.endParagraph);
            assert.ok(q.endParagraph < paras.length + 1);
            assert.ok(!q.text.includes("A closing line"));
          }
        }),
      );
    });
    it("chunks a long article quickly", () => {
      const para = 'Officials met on Monday. "We are close to a deal, but not there yet," said Dana Whitlock, the lead negotiator.';
      const article = Array.from({ length: 400 }, () => para);
      const t0 = performance.now();
      const found = extractQuotes(article);
      const ms = performance.now() - t0;
      assert.equal(found.length, 400);
      assert.ok(ms < 1500, `took ${ms} ms`);
    });
  });
});
