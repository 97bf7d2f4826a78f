import { Hono } from "hono";
import { sql } from "kysely";
import type { AppDeps, AppEnv } from "../app-env.js";
import { isSqlite } from "../db/transactions.js";

/** Liveness that means something: the database answers a query. */
export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/healthz", async (c) => {
    const started = performance.now();
    try {
      await sql`select 1`.execute(deps.db);
      return c.json({ status: "ok", database: isSqlite(deps.db) ? "sqlite" : "postgres", latencyMs: Math.round(performance.now() - started) });
    } catch (error) {
      deps.logger.error("health check failed", { error: String(error) });
      return c.json({ status: "unavailable", error: { code: "database_unavailable", message: "The database does not answer" } }, 503);
    }
  });
}
