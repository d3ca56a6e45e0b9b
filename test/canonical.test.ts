// Canonical person names across articles: a surname joins the one full name that ends with it, never a shared one.
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { canonicalizeIndex, prefixedCopies, trustedOnly } from "../indexer/canonical.js";
import { nextBase } from "../indexer/rebuild.js";
import { Reindexer } from "../indexer/reindex.js";
import { indexExists } from "../indexer/reindex-store.js";
import { buildAliasTable } from "../indexer/names.js";
import { parseReindexConfig } from "../indexer/sources-config.js";
import { indexPaths } from "../indexer/run.js";
import type { Article, Doc } from "../indexer/types.js";
import { indexNames } from "../src/meili/settings.js";
import { paragraph, quote } from "./helpers/docs.js";
import { freshIndex, testMeili } from "./helpers/meili.js";
import { startService } from "./helpers/service.js";

/** Writes one small JSON article per id (the chunker is replaced, so only the id matters). */
async function writeArticles(dir: string, ids: string[]): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (const id of ids)
    await fs.writeFile(
      path.join(dir, `${id}.json`),
      JSON.stringify({ id, title: `About ${id}`, body: "Plain words." }),
    );
}

/** Indexes `docs` (grouped by article) through a real indexing run with a chunker that returns them. */
async function indexDocs(dir: string, index: string, docs: Doc[]): Promise<void> {
  const { client } = await testMeili();
  await writeArticles(dir, [...new Set(docs.map((d) => d.articleId))]);
  const chunk = (a: Article): Doc[] => docs.filter((d) => d.articleId === a.id);
  await indexPaths([dir], { client, index, chunk });
}

type Stored = Doc & { speaker?: string | null };

async function allDocs(index: string): Promise<Stored[]> {
  const { client } = await testMeili();
  const page = await client.index(indexNames(index).docs).getDocuments<Stored>({ limit: 1000 });
  return page.results.sort((a, b) => a.id.localeCompare(b.id));
}

async function speakersOf(index: string): Promise<{ name: string; count: number }[]> {
  const svc = await startService({ index });
  try {
    const res = await request(svc.url).get("/api/speakers").expect(200);
    return (res.body as { speakers: { name: string; count: number }[] }).speakers;
  } finally {
    await svc.close();
  }
}

/** Two articles through the real chunker: one quotes "Marco Rubio", the other quotes "Rubio" alone. */
async function writePierAndMarket(dir: string): Promise<void> {
  await fs.writeFile(
    path.join(dir, "pier.json"),
    JSON.stringify({
      id: "pier",
      title: "Pier repairs approved",
      body: 'Marco Rubio toured the old pier on a grey morning.\n"These planks have carried families for ninety years," Marco Rubio said.',
    }),
  );
  await fs.writeFile(
    path.join(dir, "market.json"),
    JSON.stringify({
      id: "market",
      title: "Fish market stays open",
      body: 'Stall owners were relieved after the council meeting.\n"The market stays where it is," Rubio said.',
    }),
  );
}

const names = (d: Stored): string[] => [...(d.speaker ? [d.speaker] : []), ...d.speakers, ...d.people];

describe("canonical person names across articles", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "onrecord-canonical-"));
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  describe("a surname one full name in the corpus ends with", () => {
    it("becomes that full name on every document and in the speakers list, with the counts summed", async () => {
      const index = await freshIndex("canon");
      const marco = { people: ["Marco Rubio"] };
      const rubio = { people: ["Rubio", "Lena Ostrova"] };
      await indexDocs(dir, index, [
        paragraph("dockyard", 0, "The dockyard vote was delayed again by a late amendment.", {
          ...marco,
          speakers: ["Marco Rubio"],
        }),
        quote("dockyard", 0, "We will not let the cranes rust while we argue", "Marco Rubio", marco),
        quote("dockyard", 1, "The workers deserve an answer this month", "Marco Rubio", marco),
        paragraph("ferry", 0, "Commuters crowded the ferry ramp long before sunrise.", {
          ...rubio,
          speakers: ["Rubio"],
        }),
        quote("ferry", 0, "Nobody should wait an hour for a boat", "Rubio", rubio),
      ]);
      const docs = await allDocs(index);
      assert.equal(docs.length, 5);
      for (const d of docs)
        assert.ok(!names(d).includes("Rubio"), `${d.id} still says Rubio: ${names(d).join(", ")}`);
      const ferryQuote = docs.find((d) => d.id === "ferry-q-000")!;
      assert.equal(ferryQuote.speaker, "Marco Rubio");
      assert.deepEqual(ferryQuote.people, ["Marco Rubio", "Lena Ostrova"]);
      assert.deepEqual(docs.find((d) => d.id === "ferry-p-000")!.speakers, ["Marco Rubio"]);
      assert.deepEqual(await speakersOf(index), [{ name: "Marco Rubio", count: 3 }]);
      const { client } = await testMeili();
      const aliases = await client
        .index(indexNames(index).aliases)
        .getDocuments<{ alias: string; canonical: string }>({ limit: 100 });
      assert.deepEqual(
        aliases.results.map((a) => [a.alias, a.canonical]),
        [["Rubio", "Marco Rubio"]],
      );
    });

    it("works on what the real chunker attributes (a quote by surname only)", async () => {
      const index = await freshIndex("canonchunk");
      await writePierAndMarket(dir);
      const { client } = await testMeili();
      await indexPaths([dir], { client, index });
      const quotes = (await allDocs(index)).filter((d) => d.type === "quote");
      assert.equal(quotes.length, 2);
      for (const q of quotes) assert.equal(q.speaker, "Marco Rubio", q.id);
      assert.deepEqual(await speakersOf(index), [{ name: "Marco Rubio", count: 2 }]);
    });
  });

  describe("a corpus with more names than one facet distribution returns", () => {
    it("still finds and rewrites a rare surname", async () => {
      const index = await freshIndex("canonmany");
      // 150 other names, each once: a count-sorted distribution stops at 100 of them
      const crowd = Array.from({ length: 150 }, (_, i) => `Walker${String(i).padStart(3, "0")} Stone`);
      await indexDocs(dir, index, [
        paragraph("census", 0, "The census counted every household on the island.", {
          people: [...crowd, "Ada Abbott"],
        }),
        paragraph("survey", 0, "Abbott handed out the forms at the harbour office.", { people: ["Abbott"] }),
      ]);
      const survey = (await allDocs(index)).find((d) => d.id === "survey-p-000")!;
      assert.deepEqual(survey.people, ["Ada Abbott"]);
    });
  });

  describe("a surname two full names share", () => {
    it("merges into neither", async () => {
      const index = await freshIndex("canonlopez");
      await indexDocs(dir, index, [
        quote("orchard", 0, "The apples came early this year", "Ana Lopez", { people: ["Ana Lopez"] }),
        quote("bakery", 0, "Flour prices doubled since spring", "Mario Lopez", { people: ["Mario Lopez"] }),
        quote("library", 0, "We need longer opening hours", "Lopez", { people: ["Lopez"] }),
      ]);
      const speaker = Object.fromEntries((await allDocs(index)).map((d) => [d.articleId, d.speaker]));
      assert.deepEqual(speaker, { orchard: "Ana Lopez", bakery: "Mario Lopez", library: "Lopez" });
      const listed = (await speakersOf(index)).map((s) => s.name).sort();
      assert.deepEqual(listed, ["Ana Lopez", "Lopez", "Mario Lopez"]);
    });
  });

  describe("re-indexing runs", () => {
    it("canonicalizes after an incremental run, and in the new index before a full rebuild swaps it in", async () => {
      const { client } = await testMeili();
      const base = await freshIndex("canonre");
      await writePierAndMarket(dir);
      const config = parseReindexConfig({ sources: [{ kind: "dir", name: "default" }] }, "test");
      const reindexer = new Reindexer({ client, base, config, defaultPaths: [dir] });
      for (const full of [false, true]) {
        const run = await reindexer.run({ full, trigger: "cli" });
        assert.equal(run.outcome, "succeeded", run.errors.join("; "));
        const quotes = (await allDocs(base)).filter((d) => d.type === "quote");
        assert.deepEqual(
          quotes.map((q) => q.speaker),
          ["Marco Rubio", "Marco Rubio"],
          full ? "full" : "incremental",
        );
        assert.deepEqual(await speakersOf(base), [{ name: "Marco Rubio", count: 2 }]);
        const aliases = await client.index(indexNames(base).aliases).getDocuments<{ alias: string }>();
        assert.deepEqual(
          aliases.results.map((a) => a.alias),
          ["Rubio"],
        );
      }
      assert.equal(await indexExists(client, indexNames(nextBase(base)).aliases), false);
    });
  });

  describe("noisy name values", () => {
    it("leave out a full name with stray words in front, so the clean name is not merged into it", () => {
      const names = [
        "Daniel Whitcombe",
        "Harbourside Veterans Daniel Whitcombe",
        "Whitcombe",
        "Oyster Festival",
      ];
      assert.deepEqual([...prefixedCopies(names)], ["Harbourside Veterans Daniel Whitcombe"]);
      const table = trustedOnly(buildAliasTable(names.filter((n) => !prefixedCopies(names).has(n))));
      assert.equal(table["daniel whitcombe"], "Daniel Whitcombe");
      assert.equal(table["whitcombe"], "Daniel Whitcombe");
    });

    it("keep a surname as written when the only longer name does not start with a given name", () => {
      const table = trustedOnly(
        buildAliasTable(["Magistrates Pellworth", "Pellworth", "Marco Rubio", "Rubio"]),
      );
      assert.equal(table["pellworth"], undefined);
      assert.equal(table["magistrates pellworth"], "Magistrates Pellworth");
      assert.equal(table["rubio"], "Marco Rubio");
    });
  });

  describe("a second pass", () => {
    it("changes nothing: no document, no alias, no task", async () => {
      const index = await freshIndex("canontwice");
      await indexDocs(dir, index, [
        quote("tram", 0, "The new line opens in May", "Hana Kowalczyk", { people: ["Hana Kowalczyk"] }),
        quote("tunnel", 0, "Digging resumes on Monday", "Kowalczyk", { people: ["Kowalczyk"] }),
        quote("canal", 0, "The locks need new gates", "Ana Lopez", {
          people: ["Ana Lopez", "Lopez", "Mario Lopez"],
        }),
      ]);
      const { client } = await testMeili();
      const before = await allDocs(index);
      assert.equal(before.find((d) => d.articleId === "tunnel")!.speaker, "Hana Kowalczyk");
      const uids = [indexNames(index).docs, indexNames(index).aliases];
      const tasksBefore = (await client.tasks.getTasks({ indexUids: uids, limit: 1 })).total;
      assert.ok(tasksBefore > 0, "the first run left tasks to compare with");
      const report = await canonicalizeIndex(client, index);
      assert.equal(report.rewritten, 0);
      assert.deepEqual(report.renamed, []);
      assert.equal(report.aliases, 1);
      assert.deepEqual(await allDocs(index), before);
      assert.equal((await client.tasks.getTasks({ indexUids: uids, limit: 1 })).total, tasksBefore);
    });
  });
});
