// GET /api/openapi.json: the API description.
import { Router } from "express";
import { openapi } from "../openapi.js";

/** GET /api/openapi.json. */
export function openapiRouter(): Router {
  return Router().get("/api/openapi.json", (_req, res) => {
    res.json(openapi);
  });
}
