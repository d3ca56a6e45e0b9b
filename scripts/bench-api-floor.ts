// Benchmark helper (not a service): the thinnest Node layer over Meilisearch, node:http in and an undici pool out,
// sending /api/search's own multi-search and passing Meilisearch's answer back unchanged (no validation, shaping,
// escaping, metrics or logging). `bench-api.ts` runs it beside the API to show what any Node layer costs here.
// Env: PORT, MEILI_URL, MEILI_SEARCH_KEY, INDEX_NAME.
import http from "node:http";
import { Pool } from "undici";
import { indexNames } from "../src/meili/settings.js";
import { searchQueries } from "../src/search/answer.js";
import { parseSearchParams } from "../src/search/params.js";

const env = (name: string) => process.env[name] ?? "";
const names = indexNames(env("INDEX_NAME"));
const pool = new Pool(env("MEILI_URL"), { connections: 64 });
const headers = { "content-type": "application/json", authorization: `Bearer ${env("MEILI_SEARCH_KEY")}` };

const server = http.createServer((req, res) => {
  const q = new URL(req.url ?? "/", "http://floor").searchParams.get("q") ?? "";
  const body = JSON.stringify({ queries: searchQueries(names, parseSearchParams({ q })) });
  pool
    .request({ method: "POST", path: "/multi-search", headers, body })
    .then(async (answer) => {
      const bytes = Buffer.from(await answer.body.arrayBuffer());
      res.writeHead(answer.statusCode, {
        "content-type": "application/json",
        "content-length": bytes.length,
      });
      res.end(bytes);
    })
    .catch(() => res.writeHead(503).end());
});
server.keepAliveTimeout = 65_000;
server.listen(Number(env("PORT")), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
