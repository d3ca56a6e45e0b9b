// The OpenAPI document stays true: every API route is described, every described operation exists, and real
// answers use documented statuses and carry the documented required fields.
import assert from "node:assert/strict";
import type { Express } from "express";
import request from "supertest";
import { openapi } from "../src/openapi.js";
import { freshIndex } from "./helpers/meili.js";
import { loadSample } from "./helpers/sample.js";
import { startService, type TestService } from "./helpers/service.js";

type Schema = {
  $ref?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  type?: string;
};
type Operation = {
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  parameters?: { name: string; in: string }[];
};

/** Every method + path the app routes, with Express `:param` turned into OpenAPI `{param}`. */
function appRoutes(app: Express): Set<string> {
  const out = new Set<string>();
  const walk = (stack: unknown[]) => {
    for (const layer of stack as {
      route?: { path: string; methods: Record<string, boolean> };
      handle?: { stack?: unknown[] };
    }[]) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods))
          out.add(`${m} ${layer.route.path.replace(/:(\w+)/g, "{$1}")}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: unknown[] } }).router.stack);
  return out;
}

const isApi = (path: string) => /^\/(api\/|health$|ready$|metrics$)/.test(path);

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split("/").pop() as string;
  return (openapi.components.schemas as Record<string, Schema>)[name] as Schema;
}

/** Checks `required` fields recursively (objects, arrays of objects). */
function check(value: unknown, schema: Schema, where: string): void {
  const s = resolve(schema);
  if (s.type === "array" || s.items) {
    assert.ok(Array.isArray(value), `${where} is an array`);
    if (s.items) for (const [i, v] of value.entries()) check(v, s.items, `${where}[${i}]`);
    return;
  }
  if (!s.required && !s.properties) return;
  assert.equal(typeof value, "object", `${where} is an object`);
  const obj = value as Record<string, unknown>;
  for (const key of s.required ?? []) assert.ok(key in obj, `${where}.${key} is present`);
  for (const [key, sub] of Object.entries(s.properties ?? {}))
    if (key in obj && obj[key] !== null) check(obj[key], sub, `${where}.${key}`);
}

describe("OpenAPI document", () => {
  let svc: TestService;

  before(async () => {
    const index = await freshIndex("openapi");
    await loadSample(index);
    svc = await startService({ index, env: { ADMIN_TOKEN: "test-admin-token-123" } });
  });
  after(async () => svc.close());

  it("is OpenAPI 3 and is served at /api/openapi.json", async () => {
    const r = await request(svc.url).get("/api/openapi.json").expect(200);
    assert.deepEqual(r.body, JSON.parse(JSON.stringify(openapi)));
    assert.match(openapi.openapi, /^3\./);
  });

  it("describes every API route the app serves, and nothing it does not", () => {
    const routes = [...appRoutes(svc.app)].filter((r) => isApi(r.split(" ")[1] as string));
    const documented = Object.entries(openapi.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    assert.deepEqual(routes.sort(), documented.sort());
  });

  const samples: Record<string, string> = {
    "/api/facets/{facet}": "/api/facets/speaker?q=lind",
    "/api/articles/{id}": "/api/articles/harbour",
    "/api/search": "/api/search?q=ferry&speaker=Tomas%20Lindqvist",
  };
  for (const [path, ops] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(ops as Record<string, Operation>)) {
      it(`${method.toUpperCase()} ${path} answers with documented statuses and fields`, async () => {
        const url = samples[path] ?? path;
        const send = (u: string) => {
          const r = method === "post" ? request(svc.url).post(u).send({}) : request(svc.url).get(u);
          return path.startsWith("/api/admin") ? r.set("Authorization", "Bearer test-admin-token-123") : r;
        };
        const res = await send(url);
        assert.ok(op.responses[String(res.status)], `${res.status} is documented for ${method} ${path}`);
        const schema = op.responses[String(res.status)]?.content?.["application/json"]?.schema;
        if (schema) check(res.body, schema, "body");
        if (path.includes("{")) {
          const bad = await send(path.replace(/\{\w+\}/, "zz-unknown"));
          assert.ok(op.responses[String(bad.status)], `${bad.status} is documented for ${method} ${path}`);
          check(bad.body, { $ref: "", required: ["error"] }, "error body");
        }
        const documentedParams = new Set(
          (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
        );
        for (const name of new URL(url, "http://x").searchParams.keys())
          assert.ok(documentedParams.has(name), `parameter ${name} is documented`);
      });
    }
  }
});
