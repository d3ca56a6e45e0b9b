// The `chunk` CLI command: NDJSON documents only on stdout, one stderr line per skipped file, exit 0/2.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

/** Runs the CLI's chunk command; resolves with the exit code instead of rejecting on a non-zero one. */
async function chunk(...paths: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "indexer/cli.ts", "chunk", ...paths], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("chunk command", () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "onrecord-chunk-cmd-"));
    await writeFile(join(dir, "a.txt"), "The canal reopened to barges on Friday.\nLock keepers worked through the night.\n");
    await writeFile(join(dir, "b.json"), "{ not json");
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints only JSON documents on stdout and exits 0 when every file is read", async () => {
    const { code, stdout } = await chunk(join(dir, "a.txt"));
    assert.equal(code, 0);
    const docs = stdout.trim().split("\n").map((line) => JSON.parse(line) as { id: string; type: string });
    const folderSlug = basename(dir).replace(/[^A-Za-z0-9_]+/g, "-");
    assert.deepEqual(docs.map((d) => [d.id, d.type]), [[`${folderSlug}-a-p-000`, "paragraph"], [`${folderSlug}-a-p-001`, "paragraph"]]);
  });

  it("reports a bad file on one stderr line, still prints the good one, and exits 2", async () => {
    const { code, stdout, stderr } = await chunk(dir);
    assert.equal(code, 2);
    assert.equal(stdout.trim().split("\n").length, 2);
    const lines = stderr.trim().split("\n");
    assert.equal(lines.length, 1, stderr);
    assert.ok(lines[0]?.startsWith(`skipped ${join(dir, "b.json")}: invalid JSON: `), lines[0]);
  });
});
