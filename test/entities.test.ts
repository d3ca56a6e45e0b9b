// Entity facets: people, places and organisations, cleaned (no pronouns, no lone lower-case words, no titles).
import assert from "node:assert/strict";
import { tagEntities } from "../indexer/entities.js";
import { extractQuotes } from "../indexer/quotes.js";
import type { Article } from "../indexer/types.js";

const article = (paragraphs: string[]): Article => ({ id: "t", title: "t", paragraphs });

describe("entities", () => {
  const a = article([
    "Foreign Minister Carla Jimenez flew to London on Tuesday for talks with the World Health Organization.",
    "Jimenez said she would also visit Port Alder, where the Harbour Trust runs the old docks.",
    '"We are here to listen," she said, before meeting AOL executives and Mr. Tobias Grant.',
  ]);

  it("finds people with titles stripped and surnames joined to the full name", () => {
    assert.deepEqual(tagEntities(a).people, ["Carla Jimenez", "Tobias Grant"]);
  });
  it("finds places and organisations", () => {
    const e = tagEntities(a);
    assert.ok(e.places.includes("London"), JSON.stringify(e));
    assert.ok(e.places.includes("Port Alder"), JSON.stringify(e));
    assert.ok(e.organizations.includes("World Health Organization"), JSON.stringify(e));
    assert.ok(e.organizations.includes("AOL"), JSON.stringify(e));
  });
  it("never returns pronouns, lone lower-case words or titles", () => {
    const e = tagEntities(a);
    for (const v of [...e.people, ...e.places, ...e.organizations]) {
      assert.match(v, /^\p{Lu}/u, v);
      assert.ok(!/^(?:She|He|They|Minister|Mr|Tuesday)$/u.test(v), v);
    }
  });
  it("gives the same answer whether or not the quote finder ran first", () => {
    const fresh = tagEntities(article([...a.paragraphs]));
    extractQuotes(a.paragraphs);
    assert.deepEqual(tagEntities(a), fresh);
  });
});
