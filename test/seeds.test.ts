// Golden seeds: every seed article's quotes, speakers and entities, against test/golden (regenerate with scripts/regen-golden.ts).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { goldenForSeeds } from "../scripts/regen-golden.js";
import { readArticleFile } from "../indexer/read/index.js";
import { extractQuotes } from "../indexer/quotes.js";

/** Hand-checked expectations, one per quote and speaker pattern the seeds exercise. */
const patterns: Array<[pattern: string, file: string, quotePrefix: string, speaker: string | null]> = [
  ['"…," de la Cruz said', "01-harbour-bridge.txt", "We waited too long", "Ines de la Cruz"],
  ['"…," said Keller', "01-harbour-bridge.txt", "If we leave them", "Tomas Keller"],
  ["Keller, on his part, said … partial quote", "01-harbour-bridge.txt", "a normal timetable", "Tomas Keller"],
  ["addressed …, saying that", "01-harbour-bridge.txt", "roughly ten minutes", "Amara Osei"],
  ["said …, adding that", "01-harbour-bridge.txt", "a messy first week", "Amara Osei"],
  ["interrupted quote, she said", "01-harbour-bridge.txt", "but the bridge will last", "Amara Osei"],
  ["a sign: nobody speaks", "01-harbour-bridge.txt", "Open during the works", null],
  ["according to, title stripped", "02-river-flood.txt", "The ground was already", "Farida bin Salleh"],
  ["wrote in a social media post, O'", "02-river-flood.txt", "looked like a lake", "Gwen O'Hara"],
  ["van kept", "02-river-flood.txt", "I have seen floods", "Pieter van Aalst"],
  ["an organisation's statement: null", "02-river-flood.txt", "checking on every farm", null],
  ["he said after the subject praised others", "02-river-flood.txt", "They were out before", "Rhys Talbot"],
  ["quote over two paragraphs", "02-river-flood.txt", "Some of these families", "Rhys Talbot"],
  ["nested straight quotes", "03-museum-opening.txt", "For a long time people asked me", "Sofia Marchetti"],
  ["she added: the subject, not the object", "03-museum-opening.txt", "This is the start", "Mei-Ling Zhou"],
  ["said + role + name", "04-odd-marks.txt", "Finally", "Hannah Price"],
  ["curly partial quote", "05-council-vote.html", "a cheap experiment", "Margaret Oyelaran"],
  ["curly quote over two paragraphs", "05-council-vote.html", "If the numbers go the wrong way", "Kwame Mensah"],
  ["guillemets", "06-border-rail.html", "une petite révolution", "Élodie Marchand"],
  ["German quotes, von kept", "06-border-rail.html", "zu lange nur ein Traum", "Dieter von Haller"],
  ["single guillemets in a quoted letter: null", "06-border-rail.html", "a puzzle nobody could solve", null],
  ["interrupted quote in JSON body", "07-school-meals.json", "and the evidence on that", "Aisha Rahman"],
  ["told reporters, then she said", "07-school-meals.json", "We would like to see the sums", "Petra Lindqvist"],
  ["told reporters", "08-cycling-race.json", "I did not look back", "Lena Vasquez"],
  ["said de Souza", "08-cycling-race.json", "She knows every pothole", "Bruno de Souza"],
];

describe("seeds", () => {
  it("drop a quote that never closes but keep the quotes after it", async () => {
    const result = await readArticleFile("seeds/04-odd-marks.txt");
    assert.ok(result.ok);
    const quotes = result.articles.flatMap((a) => extractQuotes(a.paragraphs));
    assert.ok(!quotes.some((q) => q.text.includes("lanterns")));
    assert.deepEqual(quotes.map((q) => q.paragraph), [2, 3]);
  });

  it("match the reviewed golden file", async () => {
    const expected = JSON.parse(await readFile("test/golden/seeds.expected.json", "utf8")) as unknown;
    assert.deepEqual(await goldenForSeeds("seeds"), expected);
  });

  describe("exercise every quote and speaker pattern", () => {
    for (const [pattern, file, prefix, speaker] of patterns) {
      it(`${pattern} (${file})`, async () => {
        const result = await readArticleFile(`seeds/${file}`);
        assert.ok(result.ok, `${file} did not read`);
        const quotes = result.articles.flatMap((a) => extractQuotes(a.paragraphs));
        const q = quotes.find((f) => f.text.startsWith(prefix));
        assert.ok(q, `no quote "${prefix}" in ${file}`);
        assert.equal(q.speaker, speaker);
      });
    }
  });
});
