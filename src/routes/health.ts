// Liveness and readiness: /health says the process is up, /ready that Meilisearch answers and the index exists.
import { Router } from "express";
import { Unavailable } from "../errors.js";
import type { SearchService } from "../search/service.js";

/** GET /health and GET /ready. */
export function healthRouter(search: SearchService): Router {
  return Router()
    .get("/health", (_req, res) => {
      res.json({ status: "ok" });
    })
    .get("/ready", async (_req, res) => {
      if (!(await search.ready()))
        throw new Unavailable("Meilisearch is unreachable or the index does not exist");
      res.json({ status: "ready" });
    });
}
