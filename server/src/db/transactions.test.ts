import { afterEach, beforeEach, describe, expect, it } from "vitest";
import SQLite from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { createDb } from "./create-db.js";
import type { Database } from "./database.js";
import { migrateToLatest } from "./migrate.js";
import { lockForUpdate, writeTransaction } from "./transactions.js";
import { createTestDb, testDialects } from "../testing/test-db.js";

/** Read a counter, yield to let the other writer run, then write counter+1: the classic lost update. */
async function readThenIncrement(trx: Kysely<Database>) {
  const row = await lockForUpdate(trx, trx.selectFrom("rate_limits").select("count").where("key", "=", "counter")).executeTakeFirstOrThrow();
  await new Promise((r) => setTimeout(r, 5));
  await trx.updateTable("rate_limits").set({ count: row.count + 1 }).where("key", "=", "counter").execute();
}

describe("writeTransaction on SQLite", () => {
  let dir: string;
  let db: Kysely<Database>;
  let other: SQLite.Database;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "sieve-tx-"));
    const file = join(dir, "t.db");
    db = createDb({ kind: "sqlite", file });
    await migrateToLatest(db);
    await db.insertInto("rate_limits").values({ key: "counter", window_start: "x", count: 0 }).execute();
    // Another process's connection (the CLI, a backup): it must not slip in between our read and write.
    other = new SQLite(file);
    other.pragma("busy_timeout = 0");
  });
  afterEach(async () => {
    other.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const otherCanWrite = () => {
    try {
      other.exec("begin immediate; rollback;");
      return true;
    } catch {
      return false;
    }
  };

  it("holds the write lock from its first statement, before any write", async () => {
    let duringRead: boolean | undefined;
    await writeTransaction(db, async (trx) => {
      await trx.selectFrom("rate_limits").select("count").execute();
      duringRead = otherCanWrite();
    });
    expect(duringRead).toBe(false);
    expect(otherCanWrite()).toBe(true);
  });

  it("differs from Kysely's plain transaction, which takes the lock only at the first write", async () => {
    let duringRead: boolean | undefined;
    await db.transaction().execute(async (trx) => {
      await trx.selectFrom("rate_limits").select("count").execute();
      duringRead = otherCanWrite();
    });
    expect(duringRead).toBe(true);
  });

  it("rolls back everything when the work throws", async () => {
    await expect(
      writeTransaction(db, async (trx) => {
        await readThenIncrement(trx);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const row = await db.selectFrom("rate_limits").select("count").where("key", "=", "counter").executeTakeFirstOrThrow();
    expect(row.count).toBe(0);
    expect(otherCanWrite()).toBe(true);
  });
});

describe.each(testDialects)("writeTransaction on %s", (dialect) => {
  it("keeps a read-then-write counter exact under concurrency", async () => {
    const t = await createTestDb(dialect);
    try {
      await t.db.insertInto("rate_limits").values({ key: "counter", window_start: "x", count: 0 }).execute();
      await Promise.all(Array.from({ length: 12 }, () => writeTransaction(t.db, readThenIncrement)));
      const row = await t.db.selectFrom("rate_limits").select("count").where("key", "=", "counter").executeTakeFirstOrThrow();
      expect(row.count).toBe(12);
    } finally {
      await t.cleanup();
    }
  });
});
