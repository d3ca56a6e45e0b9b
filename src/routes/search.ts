// GET /api/search: validate the query string, search with disjunctive facet counts, echo the parsed query.
import { Router } from "express";
import { parseSearchParams } from "../search/params.js";
import type { SearchService } from "../search/service.js";

/** GET /api/search. */
export function searchRouter(search: SearchService): Router {
  return Router().get("/api/search", async (req, res) => {
    const body = await search.searchJson(parseSearchParams(req.query));
    res.type("application/json").send(body);
  });
}
