// Cross-cutting HTTP middleware: request log + metrics in one cheap finish hook, CORS for named origins,
// JSON 404, and the one error handler (never a stack trace, never HTML).
import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import { AppError, BadRequest, NotFound } from "../errors.js";
import type { Logger } from "../log.js";
import type { Metrics } from "../metrics.js";

/** The matched route pattern (bounded label cardinality), or "unmatched". */
function routeOf(req: Request): string {
  const path = (req.route as { path?: string } | undefined)?.path;
  return typeof path === "string" ? `${req.baseUrl}${path}` : "unmatched";
}

/** One log line and one metrics observation per request, on finish. The query string is logged only if allowed. */
export function observeRequests(log: Logger, metrics: Metrics, logQueries: boolean): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const route = routeOf(req);
      metrics.observeRequest(req.method, route, res.statusCode, seconds);
      if (!log.isLevelEnabled("info")) return;
      const url = logQueries ? req.originalUrl : req.originalUrl.split("?")[0];
      log.info(
        { method: req.method, url, route, status: res.statusCode, ms: Math.round(seconds * 1e4) / 10 },
        "request",
      );
    });
    next();
  };
}

/** CORS for the listed origins only (none: CORS stays off). */
export function cors(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && (allowed.has(origin) || allowed.has("*"))) {
      res.setHeader("Access-Control-Allow-Origin", allowed.has("*") ? "*" : origin);
      res.setHeader("Vary", "Origin");
      if (req.method === "OPTIONS") {
        res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        res.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization");
        res.setHeader("Access-Control-Max-Age", "600");
        res.status(204).end();
        return;
      }
    }
    next();
  };
}

/** Unknown routes: JSON 404. */
export const notFound: RequestHandler = (req, _res, next) =>
  next(new NotFound(`No route for ${req.method} ${req.path}`));

/** The one error handler: AppErrors answer with their status; body-parser errors are 400s; the rest are logged 500s. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    let error = err instanceof AppError ? err : undefined;
    const status = (err as { status?: unknown }).status;
    if (!error && typeof status === "number" && status >= 400 && status < 500)
      error = new BadRequest("Malformed request");
    if (!error) {
      log.error({ err }, "unexpected error");
      error = new AppError(500, "internal", "Internal error");
    } else if (error.status >= 500) {
      log.warn({ code: error.code, cause: (error.cause as Error | undefined)?.message }, error.message);
    }
    if (res.headersSent) return;
    if (error.status === 503) res.setHeader("Retry-After", "5");
    const body: { code: string; message: string; param?: string } = {
      code: error.code,
      message: error.message,
    };
    if (error.param !== undefined) body.param = error.param;
    res.status(error.status).json({ error: body });
  };
}
