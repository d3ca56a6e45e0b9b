// Connecting: the service's search client uses a search-only key; settings come from one place; a failed task throws.
import assert from "node:assert/strict";
import { loadConfig } from "../src/config.js";
import { connect } from "../src/meili/connect.js";
import { docsSettings, indexNames } from "../src/meili/settings.js";
import { awaitTask, TaskFailedError } from "../src/meili/tasks.js";
import { freshIndex, testMeili } from "./helpers/meili.js";

describe("Meilisearch connection", () => {
  it("gives the service a key that can search but not write, scoped to its indexes", async () => {
    const meili = await testMeili();
    const base = await freshIndex("conn");
    const conn = await connect(
      loadConfig({ MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, INDEX_NAME: base }),
    );
    assert.notEqual(conn.search.config.apiKey, meili.masterKey);
    const res = await conn.search.index(base).search("anything");
    assert.equal(res.hits.length, 0);
    await assert.rejects(conn.search.index(base).addDocuments([{ id: "x" }]), (err: Error) => {
      const status = ((err).cause as { response?: { status: number } } | undefined)
        ?.response?.status;
      assert.equal(status, 403);
      return true;
    });
    await assert.rejects(conn.search.index("some_other_index").search("x"));
    const again = await connect(
      loadConfig({ MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, INDEX_NAME: base }),
    );
    assert.equal(
      again.search.config.apiKey,
      conn.search.config.apiKey,
      "the key is reused, not created again",
    );
  });

  it("applies the settings from settings.ts", async () => {
    const { client } = await testMeili();
    const base = await freshIndex("settings");
    const s = await client.index(indexNames(base).docs).getSettings();
    assert.deepEqual(s.sortableAttributes?.slice().sort(), docsSettings.sortableAttributes?.slice().sort());
    assert.equal(s.pagination?.maxTotalHits, 10000);
    assert.equal(s.typoTolerance?.disableOnNumbers, true);
    assert.deepEqual(s.faceting?.sortFacetValuesBy, { "*": "count" });
  });

  it("awaitTask throws a typed error when a task fails", async () => {
    const { client } = await testMeili();
    const base = await freshIndex("tasks");
    await assert.rejects(
      awaitTask(client.index(base).addDocuments([{ id: "bad id with spaces" }]), "bad add"),
      (err: Error) => {
        assert.ok(err instanceof TaskFailedError);
        assert.equal(err.code, "invalid_document_id");
        assert.equal(err.task.status, "failed");
        return true;
      },
    );
  });
});
