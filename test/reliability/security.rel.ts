// Security: the master key never appears in a response, page, error or log line (also while Meilisearch is down);
// admin endpoints reject missing and wrong tokens; filter injection on every facet parameter widens nothing.
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import { indexCli, ownMeili, startApi, tempCorpus, timedGet, type ApiProcess, type OwnMeili } from "./support.js";

const ADMIN_TOKEN = "rel-admin-token-7c1d0f";

/** Payloads that try to escape a quoted filter value or change the expression. */
const PAYLOADS = [
  '" OR type = "paragraph',
  'x" OR type = paragraph OR "',
  "\\",
  '\\" OR type = "quote',
  "trail\\",
  "a\\nb",
  ') OR (type = "quote"',
  "NOT type = quote",
  "x AND type = quote",
  "type = quote OR speakers EXISTS",
  "= = =",
  "\u0000",
  "'; DROP INDEX onrecord; --",
  "speakers IN [a, b]",
  "\u202eelouq\u200b",
  "x".repeat(600),
];

describe("security", function () {
  this.timeout(180_000);
  let meili: OwnMeili;
  let api: ApiProcess;
  let corpus: string;
  const base = "sec";
  let realSpeaker = "";

  before(async () => {
    meili = await ownMeili();
    corpus = await tempCorpus(60);
    const indexed = await indexCli(meili, base, [corpus]);
    assert.equal(indexed.code, 0, indexed.stderr);
    api = await startApi(meili, base, { ADMIN_TOKEN, LOG_LEVEL: "debug" });
    const list = (await (await fetch(`${api.url}/api/speakers?sort=count`)).json()) as { speakers: { name: string }[] };
    realSpeaker = list.speakers[0]?.name ?? "";
    assert.ok(realSpeaker, "the corpus has speakers");
  });
  after(async () => {
    await api?.stop();
    await meili?.stop();
    await fs.rm(corpus, { recursive: true, force: true });
  });

  it("filter injection on every facet parameter matches only the literal value (here: nothing), never more", async () => {
    const params = ["type", "speaker", "topic", "source", "article"];
    const payloads = [...PAYLOADS, `${realSpeaker}" OR type = "paragraph`, `${realSpeaker}\\`];
    for (const param of params) {
      for (const payload of payloads) {
        const r = await timedGet(`${api.url}/api/search?q=&${param}=${encodeURIComponent(payload)}`);
        assert.ok(r.status === 200 || r.status === 400, `${param}=${JSON.stringify(payload)}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
        const body = JSON.parse(r.body) as { totalHits?: number; error?: { code: string } };
        if (r.status === 400) assert.ok(body.error?.code, "a 400 carries an error code");
        else assert.equal(body.totalHits, 0, `${param}=${JSON.stringify(payload)} matched ${body.totalHits} documents`);
      }
      const facet = param === "topic" ? "topics" : param;
      if (["speaker", "topics", "source", "type"].includes(facet)) {
        for (const payload of PAYLOADS.slice(0, 6)) {
          const r = await timedGet(`${api.url}/api/facets/${facet}?q=${encodeURIComponent(payload)}`);
          assert.ok(r.status === 200 || r.status === 400, `facet ${facet} q=${JSON.stringify(payload)}: HTTP ${r.status}`);
        }
      }
    }
    // The real value alone still matches: escaping did not break ordinary values.
    const ok = JSON.parse((await timedGet(`${api.url}/api/search?q=&speaker=${encodeURIComponent(realSpeaker)}`)).body) as { totalHits: number };
    assert.ok(ok.totalHits > 0);
  });

  it("admin endpoints reject missing and wrong tokens", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${api.url}/api/admin/reindex`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: "{}" });
    const wrong: Record<string, string>[] = [{}, { Authorization: "Bearer wrong" }, { Authorization: `Bearer ${ADMIN_TOKEN}x` }, { Authorization: ADMIN_TOKEN }, { Authorization: `Basic ${ADMIN_TOKEN}` }];
    for (const headers of wrong) {
      assert.equal((await timedGet(`${api.url}/api/admin/runs`, 5000, headers)).status, 401, JSON.stringify(headers));
      assert.equal((await post(headers)).status, 401, JSON.stringify(headers));
    }
    assert.equal((await timedGet(`${api.url}/api/admin/runs`, 5000, { Authorization: `Bearer ${ADMIN_TOKEN}` })).status, 200);
  });

  it("the master key appears in no response, page, error or log line, even with Meilisearch down", async () => {
    const key = meili.key;
    const paths = [
      "/", "/health", "/ready", "/metrics", "/api/openapi.json", "/api/search?q=police", "/api/search?q=&speaker=x",
      "/api/search?bogus=1", "/api/search?hitsPerPage=1000", "/api/facets/speaker?q=ok", "/api/facets/nope",
      "/api/articles/bench-0000001", "/api/articles/missing", "/api/speakers", "/api/topics", "/nope", "/api/admin/runs",
    ];
    const seen: string[] = [];
    const collect = async (): Promise<void> => {
      for (const p of paths) {
        const res = await fetch(`${api.url}${p}`, { signal: AbortSignal.timeout(5000) });
        seen.push(p, JSON.stringify([...res.headers]), await res.text());
      }
    };
    await collect();
    meili.kill();
    await collect();
    const down = await indexCli(meili, base, [corpus]);
    seen.push(down.stdout, down.stderr);
    await meili.restart();
    await collect();
    seen.push(api.output());
    const leaks = seen.filter((s) => s.includes(key));
    assert.equal(leaks.length, 0, `master key found in: ${leaks.map((l) => l.slice(0, 120)).join(" | ")}`);
    assert.ok(api.output().length > 0, "the API logged something to check");
  });
});
