import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/create-test-app.js";
import { routeDocs } from "./route-docs.js";

/** Hono's `/api/surveys/:id` → OpenAPI's `/api/surveys/{id}`. */
const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

describe("OpenAPI document", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.cleanup());

  it("is valid-looking OpenAPI 3.1 with JSON schemas for bodies", async () => {
    const res = await t.agent().json("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const put = res.body.paths["/api/surveys/{id}/definition"].put;
    expect(put.requestBody.content["application/json"].schema.properties).toHaveProperty("definition");
    expect(put.parameters).toEqual([{ name: "id", in: "path", required: true, schema: { type: "string" } }]);
  });

  it("documents exactly the API routes the app serves", () => {
    const served = new Set(
      t.app.routes
        .filter((r) => r.method !== "ALL" && (r.path.startsWith("/api/") || r.path === "/healthz"))
        .map((r) => `${r.method.toLowerCase()} ${toOpenApiPath(r.path)}`),
    );
    const documented = new Set(routeDocs.map((d) => `${d.method} ${d.path}`));
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
  });

  it("serves a readable reference at /api/docs", async () => {
    const res = await t.agent().request("GET", "/api/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("/api/surveys/{id}/publish");
    expect(html).toContain("Sieve API reference");
  });
});
