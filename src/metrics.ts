// Prometheus metrics (prom-client), one registry per app: HTTP requests by route and status, Meilisearch latency.
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** The service's metrics. */
export interface Metrics {
  registry: Registry;
  /** Records one HTTP request. */
  observeRequest: (method: string, route: string, status: number, seconds: number) => void;
  /** Records one Meilisearch call (pass to `createSearchService({ observe })`). */
  observeMeili: (operation: string, seconds: number, ok: boolean) => void;
}

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** Creates a fresh registry with process metrics and the service's counters and histograms. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "onrecord_http_requests_total",
    help: "HTTP requests by method, route and status",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "onrecord_http_request_duration_seconds",
    help: "HTTP request latency by method, route and status",
    labelNames: ["method", "route", "status"],
    buckets: BUCKETS,
    registers: [registry],
  });
  const meili = new Histogram({
    name: "onrecord_meilisearch_request_duration_seconds",
    help: "Latency of Meilisearch calls by operation and outcome",
    labelNames: ["operation", "outcome"],
    buckets: BUCKETS,
    registers: [registry],
  });
  return {
    registry,
    observeRequest: (method, route, status, seconds) => {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
    observeMeili: (operation, seconds, ok) => {
      meili.observe({ operation, outcome: ok ? "ok" : "error" }, seconds);
    },
  };
}
