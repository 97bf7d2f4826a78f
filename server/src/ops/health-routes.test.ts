import { describe, expect, it } from "vitest";
import { createTestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";

describe.each(testDialects)("health on %s", (dialect) => {
  it("answers ok while the database answers, 503 once it is gone", async () => {
    const t = await createTestApp({ dialect });
    const ok = await t.agent().json("GET", "/healthz");
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "ok", database: dialect });
    await t.cleanup();
    const down = await t.agent().json("GET", "/healthz");
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe("database_unavailable");
  });

  it("sends a strict Content-Security-Policy and a request id", async () => {
    const t = await createTestApp({ dialect });
    try {
      const res = await t.agent().request("GET", "/healthz", { headers: { "x-request-id": "trace-12345678" } });
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(res.headers.get("content-security-policy")).not.toContain("unsafe-inline");
      expect(res.headers.get("x-request-id")).toBe("trace-12345678");
      const fresh = await t.agent().request("GET", "/healthz", { headers: { "x-request-id": "<script>" } });
      expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await t.cleanup();
    }
  });
});
