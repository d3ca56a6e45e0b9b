// Hostile inputs made by the test: each file is indexed or skipped with a reason, the run finishes, the indexer's
// memory stays bounded, and the ordinary articles among them are all searchable.
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chunkArticle } from "../../indexer/chunk.js";
import { readArticleFile } from "../../indexer/read/index.js";
import { GOOD_ARTICLES, writeHostileInputs } from "./hostile.js";
import { indexCli, ownMeili, type OwnMeili } from "./support.js";

// A normal run peaks near 150 MB; the 4 MB paragraph took 473 MB before quote-free paragraphs skipped attribution.
// The reader caps files at 5 MB, so this bound holds for any input.
const MAX_RSS_MB = 400;

describe("hostile input files", function () {
  this.timeout(180_000);
  let meili: OwnMeili;
  let dir: string;
  let hostile: string[];

  before(async () => {
    meili = await ownMeili();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "onrecord-rel-hostile-"));
    hostile = await writeHostileInputs(dir);
  });
  after(async () => {
    await meili?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("indexes or skips each with a reason, finishes, stays bounded, and loses none of the good articles", async () => {
    const base = "hostile";
    const run = await indexCli(meili, base, [dir]);
    console.log(`      index run: exit ${run.code}, ${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.peakRssMB.toFixed(0)} MB\n${run.stdout.replace(/^/gm, "        ")}`);
    assert.ok(run.code === 0 || run.code === 2, `the run must finish (exit ${run.code ?? run.signal}):\n${run.stderr.slice(-2000)}`);
    assert.ok(run.peakRssMB < MAX_RSS_MB, `peak RSS ${run.peakRssMB.toFixed(0)} MB`);

    const search = async (filter: string): Promise<number> => {
      const res = await fetch(`${meili.url}/indexes/${base}/search`, {
        method: "POST",
        headers: { Authorization: `Bearer ${meili.key}`, "Content-Type": "application/json" },
        body: JSON.stringify({ q: "", filter, limit: 0 }),
      });
      return ((await res.json()) as { estimatedTotalHits: number }).estimatedTotalHits;
    };
    for (const name of hostile) {
      const read = await readArticleFile(path.join(dir, name));
      if (!read.ok) {
        const line = run.stdout.split("\n").find((l) => l.includes(name));
        assert.ok(line, `${name} was skipped by the reader (${read.reason}) but the run report does not list it`);
        assert.ok(line.split(`${name}:`)[1]?.trim(), `${name} is listed without a reason`);
        continue;
      }
      for (const article of read.articles) {
        const expected = chunkArticle(article).length;
        const got = await search(`articleId = "${article.id.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
        assert.equal(got, expected, `${name}: article ${article.id} has ${got} documents, expected ${expected}`);
      }
    }
    for (const good of GOOD_ARTICLES) {
      const res = await fetch(`${meili.url}/indexes/${base}/search`, {
        method: "POST",
        headers: { Authorization: `Bearer ${meili.key}`, "Content-Type": "application/json" },
        body: JSON.stringify({ q: good.word, limit: 5 }),
      });
      const hits = ((await res.json()) as { hits: { articleId: string }[] }).hits;
      assert.ok(hits.some((h) => h.articleId === good.id), `good article ${good.id} is not searchable`);
    }
  });
});
