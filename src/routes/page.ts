// Serves the built search page: `/` and `/article/:id` get index.html (revalidated), `/assets/*` is hashed and cached for a year.
import express, { Router } from "express";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Unavailable } from "../errors.js";

/** Where `npm run build:page` writes the page. */
export const defaultPageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "page", "dist");

/** Options for the page router; `dir` is the built page folder (index.html + assets/). */
export interface PageRouterOptions {
  dir?: string;
}

/**
 * The page's routes. Mount before the JSON 404 handler: unknown asset names fall through to it.
 * If the page was never built, the HTML routes answer a 503 naming the build command.
 */
export function createPageRouter({ dir = defaultPageDir }: PageRouterOptions = {}): Router {
  const router = Router();
  const indexFile = join(dir, "index.html");
  // Asset names carry a content hash, so a year-long immutable cache is safe.
  router.use("/assets", express.static(join(dir, "assets"), { immutable: true, maxAge: "1y", index: false, fallthrough: true }));
  const sendPage: express.RequestHandler = (_req, res, next) => {
    if (!existsSync(indexFile)) {
      next(new Unavailable("The search page is not built: run `npm run build:page`"));
      return;
    }
    // The HTML names the current hashed assets: always revalidate it (ETag / Last-Modified make that cheap).
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(indexFile, (err) => { if (err) next(err); });
  };
  router.get("/", sendPage);
  router.get("/article/:id", sendPage);
  return router;
}
