import { z } from "zod";
import { routeDocs, type RouteDoc } from "./route-docs.js";

const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
}

function operation(doc: RouteDoc) {
  const params = [...doc.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const ok = String(doc.status ?? 200);
  const responses: Record<string, unknown> = {
    [ok]: doc.status === 204
      ? { description: "No content" }
      : { description: "Success", ...(doc.response ? { content: { "application/json": { schema: jsonSchema(doc.response, "output") } } } : {}) },
    "4XX": { description: "Client error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  };
  return {
    summary: doc.summary,
    tags: [doc.tag],
    "x-sieve-access": doc.access,
    security: doc.access === "public" ? [] : [{ session: [] }, { bearer: [] }],
    ...(params.length ? { parameters: params } : {}),
    ...(doc.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(doc.body, "input") } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document for every route in routeDocs. */
export function buildOpenApiDocument(serverUrl: string | null) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of routeDocs) (paths[doc.path] ??= {})[doc.method] = operation(doc);
  return {
    openapi: "3.1.0",
    info: {
      title: "Sieve API",
      version: "1.0.0",
      description:
        "Self-hosted screeners for customer research. Authenticate with a personal API token (`Authorization: Bearer sieve_…`, create one with `pnpm sieve token:create` or in the app) or the browser session cookie. Every error is `{ error: { code, message, details? } }`. `X-Sieve-Workspace: <id>` picks a workspace other than the token's.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "sieve_session" },
        bearer: { type: "http", scheme: "bearer" },
      },
      schemas: { Error: jsonSchema(ErrorSchema, "output") },
    },
    paths,
  };
}
