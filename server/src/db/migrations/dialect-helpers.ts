/**
 * The few places where SQLite and Postgres DDL differ, named. Migrations call
 * these instead of branching inline, so each migration still reads as one schema.
 */
import { SqliteAdapter, type ColumnDefinitionBuilder, type Kysely } from "kysely";

export function isSqliteSchema(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** An integer surrogate key: INTEGER PRIMARY KEY (rowid) on SQLite, an identity column on Postgres. */
export function autoIncrementKey(db: Kysely<any>) {
  return isSqliteSchema(db)
    ? (c: ColumnDefinitionBuilder) => c.primaryKey()
    : (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity();
}
