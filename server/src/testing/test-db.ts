/**
 * Real databases for tests: an in-memory SQLite always, and Postgres too when
 * TEST_DATABASE_URL is set. Each Postgres test database is a fresh schema with a
 * random name, so parallel test files (and parallel CI runs) never collide.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import pg from "pg";
import { createDb } from "../db/create-db.js";
import type { Database } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";

export type Dialect = "sqlite" | "postgres";

export const testDialects: Dialect[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

export type TestDb = { db: Kysely<Database>; dialect: Dialect; cleanup(): Promise<void> };

/** An empty database of the dialect, not yet migrated. */
export async function createEmptyTestDb(dialect: Dialect, options: { file?: string } = {}): Promise<TestDb> {
  if (dialect === "sqlite") {
    const db = createDb({ kind: "sqlite", file: options.file ?? ":memory:" });
    return { db, dialect, cleanup: () => db.destroy() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const schema = `t_${Date.now().toString(36)}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = createDb({ kind: "postgres", url, schema, poolSize: 5 });
  return {
    db,
    dialect,
    cleanup: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

/** A migrated database of the dialect. */
export async function createTestDb(dialect: Dialect, options: { file?: string } = {}): Promise<TestDb> {
  const t = await createEmptyTestDb(dialect, options);
  const migrated = await migrateToLatest(t.db);
  if (!migrated.ok) {
    await t.cleanup();
    throw migrated.error;
  }
  return t;
}
