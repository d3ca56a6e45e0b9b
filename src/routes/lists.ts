// GET /api/speakers and GET /api/topics: every value with its count, sorted by count or name.
import { Router } from "express";
import { parseListParams } from "../search/params.js";
import type { SearchService } from "../search/service.js";

/** GET /api/speakers (quotes per speaker) and GET /api/topics (documents per topic). */
export function listsRouter(search: SearchService): Router {
  return Router()
    .get("/api/speakers", async (req, res) => {
      const { sort } = parseListParams(req.query);
      res.json({ speakers: await search.speakers(sort) });
    })
    .get("/api/topics", async (req, res) => {
      const { sort } = parseListParams(req.query);
      res.json({ topics: await search.topics(sort) });
    });
}
