// Topics: the taxonomy file maps articles to IPTC top-level names (best first) and subtopics.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { assignTopics, compileTaxonomy, topicsFor, words } from "../indexer/topics.js";

const IPTC_TOP = [
  "arts, culture, entertainment and media", "crime, law and justice", "disaster, accident and emergency incident",
  "economy, business and finance", "education", "environment", "health", "human interest", "labour",
  "lifestyle and leisure", "politics", "religion", "science and technology", "society", "sport",
  "conflict, war and peace", "weather",
];

describe("topics", () => {
  it("has the 17 IPTC Media Topics top-level names in the taxonomy file", () => {
    const file = JSON.parse(readFileSync(new URL("../indexer/taxonomy.json", import.meta.url), "utf8")) as { topics: { name: string }[] };
    assert.deepEqual(file.topics.map((t) => t.name).sort(), [...IPTC_TOP].sort());
  });

  it("puts the best top-level topic first and subtopics as top/sub", () => {
    const topics = topicsFor({
      title: "Striker scores twice as United win the cup final",
      paragraphs: ["The striker's two goals sealed victory for the club in front of a full stadium.", "The manager praised his players and the fans."],
    });
    assert.equal(topics[0], "sport");
    assert.ok(topics.includes("sport/football"), topics.join(" | "));
  });

  it("recognises drugs as a crime subtopic and international relations under politics", () => {
    const drugs = topicsFor({ title: "Police seize cocaine at the port", paragraphs: ["Officers arrested three suspects after finding the drugs hidden in a cargo of bananas, and a court will hear the trafficking charges."] });
    assert.equal(drugs[0], "crime, law and justice");
    assert.ok(drugs.includes("crime, law and justice/drugs"));
    const diplomacy = topicsFor({ title: "Foreign ministers meet for talks", paragraphs: ["The foreign minister and the ambassador discussed sanctions and the treaty at the summit, as the government weighed its foreign policy."] });
    assert.equal(diplomacy[0], "politics");
    assert.ok(diplomacy.includes("politics/international relations"));
  });

  it("gives no topic when nothing matches well enough", () => {
    assert.deepEqual(topicsFor({ title: "Untitled", paragraphs: ["Lorem ipsum dolor sit amet."] }), []);
  });

  it("matches plurals and phrases on whole words only", () => {
    const tax = compileTaxonomy({ minScore: 1, topics: [{ name: "weather", keywords: ["storm", "heat wave"] }] });
    assert.deepEqual(assignTopics({ title: "", paragraphs: ["Two storms and a heat wave."] }, tax), ["weather"]);
    assert.deepEqual(assignTopics({ title: "", paragraphs: ["A brainstorm about heated waves."] }, tax), []);
    assert.deepEqual(words("Storms’ end"), ["storm", "end"]);
  });

  it("rejects a malformed taxonomy with a message naming the problem", () => {
    assert.throws(() => compileTaxonomy({ topics: [{ name: "x" }] }), /topic 1 needs "name" and "keywords"/);
    assert.throws(() => compileTaxonomy({}), /"topics" array/);
  });
});
