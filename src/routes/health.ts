// Liveness and readiness: /health says the process is up; /ready that the startup indexing run has finished,
// Meilisearch answers and the index exists (so a search right after "ready" sees the articles).
import { Router } from "express";
import { Unavailable } from "../errors.js";
import type { SearchService } from "../search/service.js";

/** GET /health and GET /ready; `startupDone` says whether the first indexing run has finished. */
export function healthRouter(search: SearchService, startupDone: () => boolean = () => true): Router {
  return Router()
    .get("/health", (_req, res) => {
      res.json({ status: "ok" });
    })
    .get("/ready", async (_req, res) => {
      if (!startupDone()) throw new Unavailable("The first indexing run has not finished yet");
      if (!(await search.ready()))
        throw new Unavailable("Meilisearch is unreachable or the index does not exist");
      res.json({ status: "ready" });
    });
}
