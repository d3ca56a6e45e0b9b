// The croner schedule: `off` disables it, a bad pattern is a clear error, ticks never overlap a run in progress.
import assert from "node:assert/strict";
import { createFetcher } from "../indexer/fetch.js";
import { Reindexer } from "../indexer/reindex.js";
import { isOff, ScheduleError, startSchedule } from "../indexer/schedule.js";
import { parseReindexConfig } from "../indexer/sources-config.js";
import { freshIndex, testMeili } from "./helpers/meili.js";
import { articleHtml, fixtureServer, rssFeed } from "./reindex/fixtures.js";

describe("reindex schedule", () => {
  it("is off for `off`, and names REINDEX_CRON when the pattern is bad", async () => {
    const { client } = await testMeili();
    const reindexer = new Reindexer({
      client,
      base: "unused",
      config: parseReindexConfig({ sources: [{ kind: "dir", name: "d" }] }, "t"),
      defaultPaths: [],
    });
    assert.equal(startSchedule("off", reindexer), null);
    assert.ok(isOff(" OFF ") && !isOff("*/15 * * * *"));
    assert.throws(
      () => startSchedule("every tuesday", reindexer),
      (err: Error) => err instanceof ScheduleError && /REINDEX_CRON: "every tuesday"/.test(err.message),
    );
    const s = startSchedule("*/15 * * * *", reindexer);
    assert.ok(s);
    assert.equal(s.nextRun()!.getUTCMinutes() % 15, 0);
    s.stop();
    assert.equal(s.nextRun(), null);
  });

  it("skips ticks while a run is going on: runs never overlap", async function () {
    this.timeout(60_000);
    const server = await fixtureServer();
    try {
      server.routes.set("/story", { body: articleHtml(3) });
      server.routes.set("/feed", {
        type: "application/rss+xml",
        body: rssFeed([`${server.url}/story`]),
        delayMs: 2500,
      });
      const { client } = await testMeili();
      const base = await freshIndex("sched");
      const config = parseReindexConfig(
        { sources: [{ kind: "feed", name: "wire", url: `${server.url}/feed` }] },
        "t",
      );
      const reindexer = new Reindexer({
        client,
        base,
        config,
        defaultPaths: [],
        fetcher: createFetcher({ retries: 0 }),
      });
      const schedule = startSchedule("* * * * * *", reindexer)!; // every second, with runs of 2.5 s or more
      await new Promise((r) => setTimeout(r, 6000));
      schedule.stop();
      while (reindexer.running) await new Promise((r) => setTimeout(r, 200));
      const runs = (await reindexer.runs.recent(20)).reverse();
      assert.ok(runs.length >= 1 && runs.length <= 3, `${runs.length} runs in 6 s of 1 s ticks`);
      assert.ok(runs.every((r) => r.trigger === "schedule" && r.outcome === "succeeded"));
      for (let i = 1; i < runs.length; i++) {
        assert.ok(
          runs[i]!.startedMs >= runs[i - 1]!.startedMs + runs[i - 1]!.durationMs!,
          "a run started before the previous one ended",
        );
      }
      assert.ok((server.hits.get("/feed") ?? 0) <= 3);
    } finally {
      await server.close();
    }
  });
});
