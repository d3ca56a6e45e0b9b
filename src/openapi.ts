// The OpenAPI 3 description of the HTTP API (served at /api/openapi.json; a test checks routes against it).

const error = { $ref: "#/components/responses/Error" };
const str = { type: "string" };
const repeated = (name: string, description: string) => ({
  name,
  in: "query",
  description: `${description} Repeat for several values (OR within the facet).`,
  schema: { type: "array", items: str },
  style: "form",
  explode: true,
});
const filterParams = [
  { name: "type", in: "query", schema: { type: "string", enum: ["paragraph", "quote"] } },
  repeated("speaker", "Speaker full name (matches the documents' `speakers`)."),
  repeated("topic", "Topic name."),
  repeated("source", "Source (publication) name."),
  { name: "from", in: "query", description: "Published on or after (YYYY-MM-DD or ISO 8601).", schema: str },
  {
    name: "to",
    in: "query",
    description: "Published on or before (YYYY-MM-DD: the whole day).",
    schema: str,
  },
  { name: "article", in: "query", description: "Only documents of this article id.", schema: str },
];
const counts = { type: "object", additionalProperties: { type: "integer" } };
const nameCounts = (key: string) => ({
  type: "object",
  required: [key],
  properties: {
    [key]: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "count"],
        properties: { name: str, count: { type: "integer" } },
      },
    },
  },
});
const sortParam = {
  name: "sort",
  in: "query",
  schema: { type: "string", enum: ["count", "name"], default: "count" },
};
const ok = (description: string, schema: object) => ({
  description,
  content: { "application/json": { schema } },
});

/** The OpenAPI document. */
export const openapi = {
  openapi: "3.0.3",
  info: { title: "onrecord", version: "0.1.0", description: "Search news by keyword or by who said it." },
  paths: {
    "/health": {
      get: {
        summary: "Process is up",
        responses: { "200": ok("Up", { type: "object", properties: { status: { enum: ["ok"] } } }) },
      },
    },
    "/ready": {
      get: {
        summary: "Meilisearch reachable and index present",
        responses: {
          "200": ok("Ready", { type: "object", properties: { status: { enum: ["ready"] } } }),
          "503": error,
        },
      },
    },
    "/api/search": {
      get: {
        summary: "Full-text search with disjunctive facet counts",
        parameters: [
          {
            name: "q",
            in: "query",
            description: "Words to search (empty: browse, newest first).",
            schema: { type: "string", maxLength: 512 },
          },
          ...filterParams,
          { name: "sort", in: "query", schema: { type: "string", enum: ["relevance", "newest", "oldest"] } },
          { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
          {
            name: "hitsPerPage",
            in: "query",
            schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
          },
        ],
        responses: {
          "200": ok("Hits and facet counts", { $ref: "#/components/schemas/SearchResponse" }),
          "400": error,
          "503": error,
        },
      },
    },
    "/api/facets/{facet}": {
      get: {
        summary: "Values of a facet matching typed text (any word), under the other filters",
        parameters: [
          {
            name: "facet",
            in: "path",
            required: true,
            schema: { type: "string", enum: ["speaker", "topics", "source", "type"] },
          },
          { name: "q", in: "query", schema: str },
          ...filterParams,
        ],
        responses: {
          "200": ok("Matching values", {
            type: "object",
            required: ["facet", "query", "values"],
            properties: {
              facet: str,
              query: str,
              values: {
                type: "array",
                items: {
                  type: "object",
                  required: ["value", "count"],
                  properties: { value: str, count: { type: "integer" } },
                },
              },
            },
          }),
          "400": error,
          "404": error,
          "503": error,
        },
      },
    },
    "/api/articles/{id}": {
      get: {
        summary: "One article with its paragraphs and quotes in order",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[A-Za-z0-9_-]+$" } },
        ],
        responses: {
          "200": ok("The article", { $ref: "#/components/schemas/ArticleResponse" }),
          "404": error,
          "503": error,
        },
      },
    },
    "/api/speakers": {
      get: {
        summary: "Every speaker with the number of quotes",
        parameters: [sortParam],
        responses: { "200": ok("Speakers", nameCounts("speakers")), "400": error, "503": error },
      },
    },
    "/api/topics": {
      get: {
        summary: "Every topic with the number of documents",
        parameters: [sortParam],
        responses: { "200": ok("Topics", nameCounts("topics")), "400": error, "503": error },
      },
    },
    "/metrics": {
      get: {
        summary: "Prometheus metrics",
        responses: {
          "200": { description: "Prometheus text format", content: { "text/plain": { schema: str } } },
        },
      },
    },
    "/api/admin/runs": {
      get: {
        summary: "Recent re-indexing runs and the next scheduled time (404 unless ADMIN_TOKEN is set)",
        security: [{ bearer: [] }],
        parameters: [{ name: "limit", in: "query", schema: { type: "integer", minimum: 1 } }],
        responses: {
          "200": ok("Runs", {
            type: "object",
            required: ["runs"],
            properties: {
              runs: { type: "array", items: { type: "object" } },
              running: { type: "string", nullable: true },
              nextScheduledAt: { type: "string", nullable: true },
            },
          }),
          "400": error,
          "401": error,
          "404": error,
          "503": error,
        },
      },
    },
    "/api/admin/reindex": {
      post: {
        summary: 'Start a re-indexing run (body { "full": true } for a full rebuild)',
        security: [{ bearer: [] }],
        requestBody: {
          content: {
            "application/json": { schema: { type: "object", properties: { full: { type: "boolean" } } } },
          },
        },
        responses: {
          "202": ok("Started", {
            type: "object",
            required: ["id"],
            properties: { id: str, mode: str, outcome: str },
          }),
          "400": error,
          "401": error,
          "404": error,
          "409": error,
          "503": error,
        },
      },
    },
    "/api/openapi.json": {
      get: { summary: "This document", responses: { "200": ok("OpenAPI 3", { type: "object" }) } },
    },
  },
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    responses: {
      Error: {
        description: "Error",
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["error"],
              properties: {
                error: {
                  type: "object",
                  required: ["code", "message"],
                  properties: { code: str, message: str, param: str },
                },
              },
            },
          },
        },
      },
    },
    schemas: {
      Hit: {
        type: "object",
        required: [
          "id",
          "type",
          "articleId",
          "title",
          "text",
          "speakers",
          "topics",
          "position",
          "_formatted",
        ],
        properties: {
          id: str,
          type: { type: "string", enum: ["paragraph", "quote"] },
          articleId: str,
          title: str,
          text: str,
          speaker: { type: "string", nullable: true },
          speakers: { type: "array", items: str },
          topics: { type: "array", items: str },
          position: { type: "integer" },
          paragraph: { type: "integer" },
          source: str,
          url: str,
          publishedAt: str,
          author: str,
          _formatted: {
            type: "object",
            description: "HTML-escaped, with <mark> around matches; text cropped",
            properties: { text: str, title: str },
          },
        },
      },
      SearchResponse: {
        type: "object",
        required: [
          "query",
          "hits",
          "facets",
          "page",
          "hitsPerPage",
          "totalHits",
          "totalPages",
          "processingTimeMs",
        ],
        properties: {
          query: { type: "object" },
          hits: { type: "array", items: { $ref: "#/components/schemas/Hit" } },
          facets: {
            type: "object",
            properties: { type: counts, speaker: counts, topics: counts, source: counts },
          },
          page: { type: "integer" },
          hitsPerPage: { type: "integer" },
          totalHits: { type: "integer" },
          totalPages: { type: "integer" },
          processingTimeMs: { type: "integer" },
        },
      },
      ArticleResponse: {
        type: "object",
        required: ["article", "paragraphs", "quotes"],
        properties: {
          article: { type: "object", required: ["id", "title", "topics"] },
          paragraphs: {
            type: "array",
            items: { type: "object", required: ["id", "position", "text", "speakers"] },
          },
          quotes: {
            type: "array",
            items: { type: "object", required: ["id", "position", "paragraph", "text", "speaker"] },
          },
        },
      },
    },
  },
};
