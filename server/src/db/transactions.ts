/**
 * Read-then-write work (quotas, idempotent submits, slot booking, publish) must not
 * interleave with another writer. Kysely's SQLite driver only issues `BEGIN`, which
 * takes the write lock lazily: two such transactions can both read, then one fails
 * with SQLITE_BUSY on upgrade. `writeTransaction` takes the lock up front with
 * `BEGIN IMMEDIATE`. On Postgres it is an ordinary transaction; callers lock the rows
 * they read with `lockForUpdate`.
 */
import { SqliteAdapter, sql, type Kysely, type SelectQueryBuilder } from "kysely";
import type { Database } from "./database.js";

export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** Run `fn` in a transaction that holds the write lock (SQLite) from its first statement. */
export async function writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (!isSqlite(db)) return db.transaction().execute(fn);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

/** `SELECT … FOR UPDATE` on Postgres; a no-op on SQLite, where writeTransaction already holds the lock. */
export function lockForUpdate<DB, TB extends keyof DB, O>(
  db: Kysely<any>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return isSqlite(db) ? query : query.forUpdate();
}
