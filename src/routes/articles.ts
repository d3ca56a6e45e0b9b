// GET /api/articles/:id: one article with all its paragraphs and quotes in order; JSON 404 when unknown.
import { Router } from "express";
import { BadRequest, NotFound } from "../errors.js";
import type { SearchService } from "../search/service.js";

/** GET /api/articles/:id. */
export function articlesRouter(search: SearchService): Router {
  return Router().get("/api/articles/:id", async (req, res) => {
    const { id } = req.params;
    const unknown = Object.keys(req.query)[0];
    if (unknown !== undefined) throw new BadRequest(`Unknown parameter: ${unknown}`, unknown);
    // Ids only ever use these characters; anything else cannot exist.
    const view = /^[A-Za-z0-9_-]{1,511}$/.test(id) ? await search.article(id) : null;
    if (!view) throw new NotFound(`No article with id ${id}`);
    res.json(view);
  });
}
