// GET /metrics: Prometheus text format from the app's registry.
import { Router } from "express";
import type { Metrics } from "../metrics.js";

/** GET /metrics. */
export function metricsRouter(metrics: Metrics): Router {
  return Router().get("/metrics", async (_req, res) => {
    res.setHeader("Content-Type", metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
}
