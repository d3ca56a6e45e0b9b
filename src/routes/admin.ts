// Admin routes (issue 5): list re-indexing runs and start one. Bearer ADMIN_TOKEN, compared in constant time; no token, no routes.
import { createHash, timingSafeEqual } from "node:crypto";
import express, { Router, type RequestHandler } from "express";
import { z } from "zod";
import { LockHeldError, type Reindexer } from "../../indexer/reindex.js";
import type { Schedule } from "../../indexer/schedule.js";
import { BadRequest, Conflict, Unauthorized, Unavailable } from "../errors.js";

/** What the admin routes work with; `reindexer` is null when the service has no admin key for Meilisearch. */
export interface AdminDeps {
  token: string | undefined;
  reindexer: Reindexer | null;
  schedule: Schedule | null;
}

const runsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) });
const reindexBody = z.strictObject({ full: z.boolean().optional() });

/** Same bytes? Hashing first gives equal lengths, so the comparison time says nothing about the token. */
export function tokensMatch(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function requireToken(token: string): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "");
    if (!match?.[1] || !tokensMatch(match[1].trim(), token)) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="onrecord-admin"');
      throw new Unauthorized("Missing or wrong admin token");
    }
    next();
  };
}

/** `GET /api/admin/runs`, `POST /api/admin/reindex`; without a token the router matches nothing (JSON 404 follows). */
export function adminRouter(deps: AdminDeps): Router {
  const router = Router();
  if (!deps.token) return router;
  router.use("/api/admin", requireToken(deps.token), express.json({ limit: "1kb" }));

  router.get("/api/admin/runs", async (req, res) => {
    const query = runsQuery.safeParse(req.query);
    if (!query.success)
      throw new BadRequest(
        query.error.issues[0]?.message ?? "bad query",
        String(query.error.issues[0]?.path[0] ?? ""),
      );
    const reindexer = need(deps.reindexer);
    const runs = await reindexer.runs.recent(query.data.limit).catch((err: unknown) => {
      throw new Unavailable("Run records are unavailable", err);
    });
    const running = await reindexer.activeRunId().catch(() => reindexer.running?.id ?? null);
    res.json({ runs, running, nextScheduledAt: deps.schedule?.nextRun()?.toISOString() ?? null });
  });

  router.post("/api/admin/reindex", async (req, res) => {
    const body = reindexBody.safeParse(req.body ?? {});
    if (!body.success)
      throw new BadRequest(
        `Invalid body: ${body.error.issues[0]?.message ?? 'expected { "full": true }'}`,
        "full",
      );
    try {
      const { record, done } = await need(deps.reindexer).start({
        full: body.data.full ?? false,
        trigger: "api",
      });
      done.catch(() => undefined);
      res
        .status(202)
        .location(`/api/admin/runs`)
        .json({ id: record.id, mode: record.mode, outcome: record.outcome });
    } catch (err) {
      if (err instanceof LockHeldError)
        throw new Conflict(`A re-indexing run is already going on: ${err.message}`);
      if (err instanceof Unavailable) throw err;
      throw new Unavailable("Could not start a re-indexing run", err);
    }
  });
  return router;
}

function need(reindexer: Reindexer | null): Reindexer {
  if (!reindexer)
    throw new Unavailable(
      "Re-indexing needs an admin key for Meilisearch (MEILI_MASTER_KEY or MEILI_ADMIN_KEY)",
    );
  return reindexer;
}
