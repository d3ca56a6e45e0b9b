// The `index` command and run report: counts, skipped files with reasons, exit codes 0 / 2 / 1.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { indexPaths } from "../indexer/run.js";
import { freshIndex, testMeili } from "./helpers/meili.js";

const run = promisify(execFile);

/** Runs the CLI; resolves with exit code and output (a non-zero exit does not throw). */
async function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "indexer/cli.ts", ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("index command", () => {
  let dir = "";
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "onrecord-index-cmd-"));
    await fs.writeFile(
      path.join(dir, "kites.txt"),
      "Kite makers met on the dunes.\nThe wind was perfect all afternoon.\n",
    );
    await fs.writeFile(
      path.join(dir, "tide.json"),
      JSON.stringify({ title: "Tide tables", body: "High tide came early.\nThe pier stayed dry." }),
    );
  });
  after(async () => fs.rm(dir, { recursive: true, force: true }));

  it("reports articles and documents, then nothing changed on a second run", async () => {
    const { client } = await testMeili();
    const index = await freshIndex("runrep");
    const first = await indexPaths([dir], { client, index });
    assert.equal(first.files, 2);
    assert.equal(first.articles, 2);
    assert.equal(first.documentsAdded, first.documents);
    assert.deepEqual(first.skipped, []);
    const second = await indexPaths([dir], { client, index });
    assert.equal(second.articlesUnchanged, 2);
    assert.equal(second.documentsAdded + second.documentsUpdated + second.documentsDeleted, 0);
  });

  it("exits 0 when everything went in, 2 with the skipped files and reasons, 1 on a fatal error", async () => {
    const meili = await testMeili();
    const env = {
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      INDEX_NAME: await freshIndex("cli"),
      LOG_LEVEL: "warn",
    };
    const ok = await cli(["index", dir], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /articles: 2/);
    assert.match(ok.stdout, /skipped: 0/);

    const bad = await fs.mkdtemp(path.join(os.tmpdir(), "onrecord-index-bad-"));
    try {
      await fs.writeFile(path.join(bad, "empty.txt"), "");
      await fs.writeFile(path.join(bad, "broken.json"), "{ not json");
      await fs.writeFile(path.join(bad, "fine.txt"), "Gulls stole the fishermen's lunch again.\n");
      const skipped = await cli(["index", bad], env);
      assert.equal(skipped.code, 2, skipped.stderr);
      assert.match(skipped.stdout, /skipped: 2/);
      assert.match(skipped.stdout, /empty\.txt: .+/);
      assert.match(skipped.stdout, /broken\.json: .+/);
      assert.match(skipped.stdout, /articles: 1/);
    } finally {
      await fs.rm(bad, { recursive: true, force: true });
    }

    const fatal = await cli(["index", dir], { ...env, MEILI_URL: "not-a-url" });
    assert.equal(fatal.code, 1);
    assert.match(fatal.stderr, /MEILI_URL/);
  });
});
