// Configuration: defaults, parsing, and every problem reported at once by variable name.
import assert from "node:assert/strict";
import { ConfigError, loadConfig } from "../src/config.js";

describe("loadConfig", () => {
  it("applies defaults to an empty environment", () => {
    const c = loadConfig({});
    assert.equal(c.PORT, 3000);
    assert.equal(c.HOST, "127.0.0.1");
    assert.equal(c.DATA_DIR, "./data");
    assert.deepEqual(c.ARTICLES_DIR, ["seeds"]);
    assert.equal(c.INDEX_NAME, "onrecord");
    assert.equal(c.MEILI_TIMEOUT_MS, 1500);
    assert.equal(c.REINDEX_CRON, "*/15 * * * *");
    assert.equal(c.LOG_QUERIES, true);
    assert.deepEqual(c.CORS_ORIGIN, []);
    assert.equal(c.MEILI_URL, undefined);
  });

  it("parses lists, numbers and flags", () => {
    const c = loadConfig({
      PORT: "8080",
      ARTICLES_DIR: "a, b/c ,",
      CORS_ORIGIN: "https://x.example,https://y.example",
      LOG_QUERIES: "false",
      MEILI_URL: "http://meili:7700",
      MEILI_SEARCH_KEY: " ",
      REINDEX_CRON: "off",
    });
    assert.equal(c.PORT, 8080);
    assert.deepEqual(c.ARTICLES_DIR, ["a", "b/c"]);
    assert.deepEqual(c.CORS_ORIGIN, ["https://x.example", "https://y.example"]);
    assert.equal(c.LOG_QUERIES, false);
    assert.equal(c.MEILI_URL, "http://meili:7700");
    assert.equal(c.MEILI_SEARCH_KEY, undefined, "blank means unset");
    assert.equal(c.REINDEX_CRON, "off");
  });

  it("reports every invalid variable at once, by name", () => {
    assert.throws(
      () =>
        loadConfig({
          PORT: "http",
          MEILI_URL: "not a url",
          INDEX_NAME: "bad name!",
          LOG_LEVEL: "loud",
          MEILI_TIMEOUT_MS: "0",
        }),
      (err: Error) => {
        assert.ok(err instanceof ConfigError);
        for (const name of ["PORT", "MEILI_URL", "INDEX_NAME", "LOG_LEVEL", "MEILI_TIMEOUT_MS"])
          assert.match(err.message, new RegExp(`${name}:`));
        assert.equal(err.problems.length, 5);
        return true;
      },
    );
  });
});
