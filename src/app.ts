// Builds the Express app (no listening): security headers, CORS, rate limit, request log and metrics, the API
// routes, then JSON 404 and the error handler last. Search, config and log are passed in.
import express, { type Express } from "express";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import type { Config } from "./config.js";
import { cors, errorHandler, notFound, observeRequests } from "./http/middleware.js";
import type { Logger } from "./log.js";
import { createMetrics, type Metrics } from "./metrics.js";
import { adminRouter, type AdminDeps } from "./routes/admin.js";
import { articlesRouter } from "./routes/articles.js";
import { facetsRouter } from "./routes/facets.js";
import { healthRouter } from "./routes/health.js";
import { listsRouter } from "./routes/lists.js";
import { metricsRouter } from "./routes/metrics.js";
import { openapiRouter } from "./routes/openapi.js";
import { createPageRouter } from "./routes/page.js";
import { searchRouter } from "./routes/search.js";
import type { SearchService } from "./search/service.js";

export interface AppDeps {
  search: SearchService;
  config: Config;
  log: Logger;
  /** Shared with the search service's `observe`; a fresh registry when omitted. */
  metrics?: Metrics;
  /** False while the first indexing run of `npm start` is going: /ready answers 503 until it has finished. */
  startupDone?: () => boolean;
  /** Re-indexing for the admin routes (issue 5); they answer 404 unless ADMIN_TOKEN is set. */
  admin?: Omit<AdminDeps, "token">;
}

/** Creates the HTTP app. */
export function createApp({
  search,
  config,
  log,
  metrics = createMetrics(),
  startupDone,
  admin,
}: AppDeps): Express {
  const app = express();
  app.set("etag", false);
  app.set("trust proxy", "loopback");
  app.use(helmet());
  app.use(observeRequests(log, metrics, config.LOG_QUERIES));
  if (config.CORS_ORIGIN.length > 0) app.use(cors(config.CORS_ORIGIN));
  if (config.RATE_LIMIT_PER_MINUTE > 0) {
    app.use(
      "/api",
      rateLimit({
        windowMs: 60_000,
        limit: config.RATE_LIMIT_PER_MINUTE,
        standardHeaders: "draft-8",
        legacyHeaders: false,
        handler: (_req, res) => {
          res.status(429).json({ error: { code: "rate_limited", message: "Too many requests, slow down" } });
        },
      }),
    );
  }
  // The hottest route first: every router a request passes through costs a little.
  app.use(searchRouter(search));
  app.use(healthRouter(search, startupDone));
  app.use(metricsRouter(metrics));
  app.use(openapiRouter());
  app.use(facetsRouter(search));
  app.use(articlesRouter(search));
  app.use(listsRouter(search));
  app.use(createPageRouter());
  app.use(
    adminRouter({
      token: config.ADMIN_TOKEN,
      reindexer: admin?.reindexer ?? null,
      schedule: admin?.schedule ?? null,
    }),
  );
  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}
