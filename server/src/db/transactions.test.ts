import { afterEach, beforeEach, describe, expect, it } from "vitest";
import SQLite from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import { createDb } from "./create-db.js";
import type { Database } from "./database.js";
import { migrateToLatest } from "./migrate.js";
import { addToCounter, lockForUpdate, writeTransaction, type Counter } from "./transactions.js";
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

describe("group commit on SQLite", () => {
  let dir: string;
  let db: Kysely<Database>;
  let other: SQLite.Database;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "sieve-group-"));
    const file = join(dir, "t.db");
    db = createDb({ kind: "sqlite", file });
    await migrateToLatest(db);
    other = new SQLite(file, { readonly: true });
  });
  afterEach(async () => {
    other.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (trx: Kysely<Database>, key: string) => trx.insertInto("rate_limits").values({ key, window_start: "x", count: 1 }).execute();
  const keys = () => (other.prepare("select key from rate_limits order by key").all() as { key: string }[]).map((r) => r.key);
  const commits = () => db.selectNoFrom((eb) => eb.val(1).as("x")).execute();

  it("commits writers that arrive together in one transaction, each settling only after the commit", async () => {
    const seenAtSettle: string[][] = [];
    const units = Array.from({ length: 40 }, (_, i) =>
      writeTransaction(db, async (trx) => {
        await insert(trx, `k${String(i).padStart(2, "0")}`);
        return i;
      }).then((value) => {
        // Another connection already sees this unit's row: it was committed before the promise settled.
        seenAtSettle.push(keys());
        return value;
      }),
    );
    expect(await Promise.all(units)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    await commits();
    expect(keys()).toHaveLength(40);
    for (const seen of seenAtSettle) expect(seen).toHaveLength(40);
  });

  it("rolls back only the unit that throws; the others in its group commit", async () => {
    const results = await Promise.allSettled(
      ["a", "b", "c", "d"].map((key) =>
        writeTransaction(db, async (trx) => {
          await insert(trx, key);
          if (key === "b") {
            await insert(trx, "b2");
            throw new Error("b fails");
          }
          // A later unit sees the writes of the earlier units of its group, as it would after their commits.
          return (await trx.selectFrom("rate_limits").select("key").execute()).map((r) => r.key);
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error("b fails"));
    expect((results[3] as PromiseFulfilledResult<string[]>).value.sort()).toEqual(["a", "c", "d"]);
    expect(keys()).toEqual(["a", "c", "d"]);
  });

  it("fails every unit of a group whose commit fails, and keeps none of their writes", async () => {
    // A deferred foreign key is checked at COMMIT: the group's commit fails as a whole.
    const results = await Promise.allSettled([
      writeTransaction(db, async (trx) => {
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        await insert(trx, "fine");
      }),
      writeTransaction(db, async (trx) => {
        await trx
          .insertInto("answers")
          .values({ response_id: "no-such-response", survey_id: "s", question_id: "q", option_id: null, value_text: null, value_number: null })
          .execute();
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(keys()).toEqual([]);
    // The connection is usable afterwards.
    await writeTransaction(db, (trx) => insert(trx, "after"));
    expect(keys()).toEqual(["after"]);
  });
});

describe.each(testDialects)("counters on %s", (dialect) => {
  // A counter kept in rate_limits.count under one key; `writes` counts how often it reached the database.
  let writes = 0;
  const hits: Counter<{ n: number }> = {
    init: () => ({ n: 0 }),
    async write(trx, state) {
      writes++;
      await trx
        .insertInto("rate_limits")
        .values({ key: "hits", window_start: "x", count: state.n })
        .onConflict((oc) => oc.column("key").doUpdateSet({ count: sql<number>`rate_limits.count + ${state.n}` }))
        .execute();
    },
  };
  const count = async (db: Kysely<Database>) =>
    (await db.selectFrom("rate_limits").select("count").where("key", "=", "hits").executeTakeFirst())?.count ?? 0;

  it("sums the additions of a transaction and writes them once, leaving out a unit that rolled back", async () => {
    const t = await createTestDb(dialect);
    try {
      writes = 0;
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          writeTransaction(t.db, async (trx) => {
            await addToCounter(trx, hits, (s) => (s.n += 1));
            await addToCounter(trx, hits, (s) => (s.n += 1));
            if (i === 7) throw new Error("unit 7 fails");
          }),
        ),
      );
      expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
      expect(await count(t.db)).toBe(38);
      // SQLite: the twenty units share a group and one write; Postgres: one write per committed transaction.
      expect(writes).toBe(dialect === "sqlite" ? 1 : 19);
      // Outside a writeTransaction an addition is written straight away.
      await addToCounter(t.db, hits, (s) => (s.n += 5));
      expect(await count(t.db)).toBe(43);
    } finally {
      await t.cleanup();
    }
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
