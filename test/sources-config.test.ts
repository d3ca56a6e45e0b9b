// The re-indexing config: schema errors name the field, env overrides, ARTICLES_DIR feeds the default folder source.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadReindexConfig, parseReindexConfig, SourcesConfigError } from "../indexer/sources-config.js";
import { readSource } from "../indexer/sources/index.js";
import { createFetcher } from "../indexer/fetch.js";
import { articleFolder } from "./reindex/fixtures.js";

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof SourcesConfigError);
    return err.message;
  }
  assert.fail("expected a SourcesConfigError");
}

describe("sources config", () => {
  it("accepts folders, feeds and URL lists, with defaults for limits", () => {
    const config = parseReindexConfig(
      {
        sources: [
          { kind: "dir", name: "default" },
          { kind: "feed", name: "wire", url: "https://news.example/rss.xml", maxItems: 50, prune: false },
          { kind: "urls", name: "picks", urls: ["https://news.example/a"] },
        ],
        fetch: { timeoutMs: 5000 },
      },
      "test",
    );
    assert.deepEqual(
      config.sources.map((s) => s.kind),
      ["dir", "feed", "urls"],
    );
    assert.equal(config.fetch.timeoutMs, 5000);
    assert.equal(config.fetch.maxRedirects, 5);
    assert.equal(config.lockTtlMs, 120_000);
  });

  it("names the file and the field of every problem", () => {
    const message = errorOf(() =>
      parseReindexConfig(
        {
          sources: [
            { kind: "feed", name: "wire", url: "ftp://news.example/rss" },
            { kind: "dir", name: "bad name!" },
            { kind: "urls", name: "picks" },
            { kind: "ftp", name: "x" },
          ],
          fetch: { maxRedirects: 9 },
        },
        "onrecord.config.json",
      ),
    );
    assert.match(message, /onrecord\.config\.json/);
    assert.match(message, /sources\.0\.url: must be an http\(s\) URL/);
    assert.match(message, /sources\.1\.name: only A-Z/);
    assert.match(message, /sources\.2: give `urls` or `list`/);
    assert.match(message, /sources\.3\.kind/);
    assert.match(message, /fetch\.maxRedirects/);
    assert.match(
      errorOf(() =>
        parseReindexConfig(
          {
            sources: [
              { kind: "dir", name: "a" },
              { kind: "dir", name: "a" },
            ],
          },
          "f",
        ),
      ),
      /unique/,
    );
    assert.match(
      errorOf(() => parseReindexConfig({ sources: [], extra: 1 }, "f")),
      /sources:.*\n.*extra|extra[\s\S]*sources|sources[\s\S]*extra/,
    );
  });

  it("loads the file, falls back to one folder source without it, and lets REINDEX_SOURCES replace the list", async () => {
    const dir = await mkdtemp(join(tmpdir(), "onrecord-config-"));
    try {
      const file = join(dir, "onrecord.config.json");
      await writeFile(
        file,
        JSON.stringify({
          sources: [{ kind: "feed", name: "wire", url: "https://news.example/rss" }],
          runs: { lockTtlSeconds: 30 },
        }),
      );
      const fromFile = await loadReindexConfig({ ONRECORD_CONFIG: file, REINDEX_SOURCES: undefined });
      assert.deepEqual([fromFile.sources[0]?.name, fromFile.lockTtlMs], ["wire", 30_000]);
      const none = await loadReindexConfig({
        ONRECORD_CONFIG: join(dir, "missing.json"),
        REINDEX_SOURCES: undefined,
      });
      assert.deepEqual(none.sources, [{ kind: "dir", name: "default" }]);
      const env = await loadReindexConfig({
        ONRECORD_CONFIG: file,
        REINDEX_SOURCES: '[{"kind":"urls","name":"picks","urls":["https://a.example/1"]}]',
      });
      assert.deepEqual([env.sources.length, env.sources[0]?.name, env.lockTtlMs], [1, "picks", 30_000]);
      await assert.rejects(
        loadReindexConfig({ ONRECORD_CONFIG: file, REINDEX_SOURCES: "[{" }),
        /REINDEX_SOURCES: not valid JSON/,
      );
      await writeFile(file, "{ not json");
      await assert.rejects(
        loadReindexConfig({ ONRECORD_CONFIG: file, REINDEX_SOURCES: undefined }),
        SourcesConfigError,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the repo's onrecord.config.json is valid", async () => {
    const config = await loadReindexConfig({
      ONRECORD_CONFIG: "onrecord.config.json",
      REINDEX_SOURCES: undefined,
    });
    assert.ok(
      config.sources.some((s) => s.kind === "dir" && s.paths === undefined),
      "a folder source reading ARTICLES_DIR",
    );
  });

  it("reads ARTICLES_DIR for a folder source that names no paths", async () => {
    const folder = await articleFolder(2);
    try {
      const read = await readSource(
        { kind: "dir", name: "default" },
        { fetcher: createFetcher(), defaultPaths: [folder.dir] },
      );
      assert.ok(read.ok);
      assert.deepEqual(read.articles.map((a) => a.id).sort(), ["sample-0", "sample-1"]);
    } finally {
      await folder.remove();
    }
  });
});
