// Feed and URL-list sources: RSS 2.0 and Atom parsing, page fetching through a local server, per-page skips.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFetcher } from "../indexer/fetch.js";
import { FeedFormatError, parseFeed, readFeedSource } from "../indexer/sources/feed.js";
import { parseUrlList, readUrlsSource } from "../indexer/sources/urls.js";
import { readSource } from "../indexer/sources/index.js";
import { articleHtml, atomFeed, fixtureServer, rssFeed, type FixtureServer } from "./reindex/fixtures.js";

describe("sources › feeds", () => {
  describe("parseFeed", () => {
    it("reads RSS 2.0 items: link, title and pubDate as ISO", () => {
      const items = parseFeed(rssFeed(["https://news.example/a", "https://news.example/b"]));
      assert.deepEqual(
        items.map((i) => i.link),
        ["https://news.example/a", "https://news.example/b"],
      );
      assert.equal(items[0]?.title, "Item 0");
      assert.equal(items[0]?.publishedAt, "2026-11-02T10:00:00.000Z");
    });

    it("reads a one-item RSS feed and falls back to a permalink guid when there is no link", () => {
      const xml = `<rss version="2.0"><channel><title>t</title><item><title>Only</title><guid>https://news.example/only</guid></item>
        <item><guid isPermaLink="false">id-123</guid></item></channel></rss>`;
      assert.deepEqual(
        parseFeed(xml).map((i) => i.link),
        ["https://news.example/only"],
      );
    });

    it("reads Atom entries, preferring the alternate link", () => {
      const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title type="html">A &amp; B</title>
        <link rel="self" href="https://news.example/api/1"/><link rel="alternate" href="https://news.example/story/1"/>
        <published>2026-10-01T08:30:00+02:00</published></entry></feed>`;
      const [item] = parseFeed(xml);
      assert.deepEqual(item, {
        link: "https://news.example/story/1",
        title: "A & B",
        publishedAt: "2026-10-01T06:30:00.000Z",
      });
      assert.equal(parseFeed(atomFeed(["https://x.example/1", "https://x.example/2"])).length, 2);
    });

    it("rejects what is not a feed", () => {
      assert.throws(() => parseFeed("<html><body>hello</body></html>"), FeedFormatError);
      assert.throws(() => parseFeed("<rss><channel>"), FeedFormatError);
    });
  });

  describe("reading through HTTP", () => {
    let server: FixtureServer;
    before(async () => {
      server = await fixtureServer();
      server.routes.set("/a", { body: articleHtml(1) });
      server.routes.set("/b", { body: articleHtml(2) });
      server.routes.set("/gone", { status: 404 });
      server.routes.set("/empty", { body: "<html><body><nav>menu only</nav></body></html>" });
    });
    after(async () => server.close());

    it("fetches each item's page (relative links too); pages that fail are skipped with a reason", async () => {
      server.routes.set("/feed", {
        type: "application/atom+xml",
        body: atomFeed(["/a", `${server.url}/b`, "/gone", "/empty"]),
      });
      const read = await readFeedSource("wire", `${server.url}/feed`, createFetcher({ retries: 0 }));
      assert.ok(read.ok);
      assert.deepEqual(
        read.articles.map((a) => a.url),
        [`${server.url}/a`, `${server.url}/b`],
      );
      assert.deepEqual(
        read.articles.map((a) => a.origin),
        [`${server.url}/a`, `${server.url}/b`],
      );
      assert.ok(read.articles.every((a) => /^[A-Za-z0-9_-]+$/.test(a.id) && a.paragraphs.length === 3));
      assert.equal(
        read.articles[0]?.publishedAt,
        "2026-11-02T10:00:00.000Z",
        "the feed's date fills in for the page",
      );
      assert.deepEqual(
        read.skipped.map((s) => s.path),
        [`${server.url}/gone`, `${server.url}/empty`],
      );
      assert.match(read.skipped[0]!.reason, /HTTP 404/);
    });

    it("fails the whole source when the feed cannot be read or parsed", async () => {
      server.routes.set("/broken", { status: 500 });
      server.routes.set("/notfeed", { body: "<html><body>not a feed</body></html>" });
      const fetcher = createFetcher({ retries: 0 });
      const down = await readFeedSource("wire", `${server.url}/broken`, fetcher);
      assert.deepEqual(down, { name: "wire", ok: false, error: `${server.url}/broken: HTTP 500` });
      const wrong = await readFeedSource("wire", `${server.url}/notfeed`, fetcher);
      assert.equal(wrong.ok, false);
      assert.match(!wrong.ok ? wrong.error : "", /neither an RSS/);
    });

    it("reads URL lists inline, from a local file and over HTTP; a missing list fails the source", async () => {
      assert.deepEqual(
        parseUrlList("# wire picks\nhttps://a.example/1\n\n  https://a.example/2  # second\n"),
        ["https://a.example/1", "https://a.example/2"],
      );
      const dir = await mkdtemp(join(tmpdir(), "onrecord-urls-"));
      try {
        await writeFile(join(dir, "list.txt"), `${server.url}/a\n# skip me\n${server.url}/b\n`);
        server.routes.set("/list.txt", { type: "text/plain", body: "/b\n/gone\n" });
        const fetcher = createFetcher({ retries: 0 });
        const local = await readUrlsSource(
          "picks",
          { list: join(dir, "list.txt"), urls: [`${server.url}/a`] },
          fetcher,
        );
        assert.ok(local.ok);
        assert.equal(local.articles.length, 2, "duplicates are read once");
        const remote = await readSource(
          { kind: "urls", name: "remote", list: `${server.url}/list.txt` },
          { fetcher, defaultPaths: [] },
        );
        assert.ok(remote.ok);
        assert.deepEqual([remote.articles.length, remote.skipped.length], [1, 1]);
        const missing = await readUrlsSource("picks", { list: join(dir, "nope.txt") }, fetcher);
        assert.equal(missing.ok, false);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
