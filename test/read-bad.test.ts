// Bad input is skipped with a one-line reason and never stops the other files from being read.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readArticles, listArticleFiles } from "../indexer/read/index.js";
import type { ReadResult } from "../indexer/types.js";

describe("read › bad input", () => {
  let dir: string;
  const results = new Map<string, ReadResult>();

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "onrecord-read-"));
    const files: Record<string, string | Buffer> = {
      "empty.txt": "",
      "blank.txt": "  \n\n \n",
      "binary.txt": Buffer.from([0x47, 0x49, 0x46, 0x38, 0x00, 0x01, 0x02, 0xff, 0x00]),
      "latin1.txt": Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73, 0x2e]),
      "broken.json": '{"title": "Half", "body": ',
      "broken.ndjson": '{"title": "Fine", "body": "Fine body."}\n{not json}\n',
      "huge.txt": Buffer.alloc(5 * 1024 * 1024 + 1, 0x61),
      "notes.docx": "A real word file would be binary.",
      "good.txt": "A good paragraph survives its bad neighbours.",
      "README.TXT": "This folder holds sample files for the reader tests.",
      "deep.html": `<html><body>${"<div>".repeat(20_000)}<p>Buried text.</p>${"</div>".repeat(20_000)}</body></html>`,
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    for await (const r of readArticles([dir, join(dir, "notes.docx"), join(dir, "missing.txt")]))
      results.set(r.path.slice(dir.length + 1), r);
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const reasonOf = (name: string): string => {
    const r = results.get(name);
    assert.ok(r, `no result for ${name}`);
    assert.equal(r.ok, false, `${name} should be skipped`);
    return r.ok ? "" : r.reason;
  };

  it("skips an empty file and a whitespace-only file", () => {
    assert.match(reasonOf("empty.txt"), /empty/);
    assert.match(reasonOf("blank.txt"), /empty/);
  });

  it("skips a binary file", () => assert.match(reasonOf("binary.txt"), /binary/));
  it("skips invalid UTF-8", () => assert.match(reasonOf("latin1.txt"), /UTF-8/));
  it("skips invalid JSON", () => assert.match(reasonOf("broken.json"), /invalid JSON/));
  it("skips an ndjson file with a bad line, naming the line", () =>
    assert.match(reasonOf("broken.ndjson"), /line 2/));
  it("skips a file over 5 MB", () => assert.match(reasonOf("huge.txt"), /too large/));
  it("skips an unknown extension given by name", () =>
    assert.match(reasonOf("notes.docx"), /unknown extension/));
  it("skips absurdly nested HTML quickly instead of parsing it for minutes", () =>
    assert.match(reasonOf("deep.html"), /nests deeper than 1000/));
  it("skips a missing file", () => assert.match(reasonOf("missing.txt"), /not found/));

  it("keeps every reason to one line", () => {
    for (const r of results.values()) if (!r.ok) assert.ok(!r.reason.includes("\n"), r.reason);
  });

  it("still reads the good file", () => {
    const good = results.get("good.txt");
    assert.ok(good?.ok);
    assert.deepEqual(good.articles[0]?.paragraphs, ["A good paragraph survives its bad neighbours."]);
  });

  it("lists only article extensions inside folders, in a stable order", async () => {
    const listed = (await listArticleFiles([dir])).map((p) => p.slice(dir.length + 1));
    assert.ok(!listed.includes("notes.docx"));
    assert.ok(!listed.includes("README.TXT"), "a folder's README is not an article");
    assert.ok(listed.includes("good.txt"));
    assert.deepEqual(listed, [...listed].sort());
  });
});
