/**
 * Sieve runs embedded on one SQLite file by default and on Postgres when
 * DATABASE_URL says so. Both sit behind the same `Kysely<Database>`.
 *
 * SQLite pragmas:
 * - WAL: readers never block the writer, and a crash loses nothing that was committed.
 * - synchronous=NORMAL (default): in WAL mode a commit is durable against a process crash
 *   (kill -9) and the database can never be corrupted; only an OS crash or power loss may
 *   roll back the last few commits. That is the trade-off SQLite recommends for WAL, and
 *   it keeps public submits fast. SQLITE_SYNCHRONOUS=FULL fsyncs every commit for those
 *   who need power-loss durability.
 * - busy_timeout: a second process (the CLI, a backup) waits for the lock instead of failing.
 * - foreign_keys=ON: SQLite leaves them off unless asked.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type SqliteDatabase } from "kysely";
import { Lru } from "../lib/lru.js";
import pg from "pg";
import type { Config } from "../config.js";
import type { Database } from "./database.js";
import { CurrentSchemaPostgresDialect } from "./current-schema-introspector.js";

export type DbConfig = Config["database"] & {
  sqliteSynchronous?: "NORMAL" | "FULL";
  /** SQLite only: WAL pages before a commit checkpoints in line (SQLite's default 1000); raised when a checkpointer runs. */
  walAutocheckpoint?: number;
  /** Postgres only: a schema to use instead of public (test isolation). */
  schema?: string;
  poolSize?: number;
};

export function openSqlite(file: string, synchronous: "NORMAL" | "FULL" = "NORMAL", walAutocheckpoint = 1000): SQLite.Database {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma(`wal_autocheckpoint = ${Math.max(0, Math.floor(walAutocheckpoint))}`);
  // After a checkpoint has emptied a large WAL, truncate it back to 64 MB rather than keep it on disk.
  sqlite.pragma("journal_size_limit = 67108864");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  return sqlite;
}

/**
 * Kysely's SQLite driver prepares every query anew, and preparing was an eighth of a public
 * save's CPU. Statements are reusable and the driver runs one query at a time on its single
 * connection, so the same SQL text gets the same prepared statement.
 */
export function withStatementCache(sqlite: SQLite.Database, capacity = 1000): SqliteDatabase {
  const cache = new Lru<string, SQLite.Statement>(capacity);
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Build the Kysely instance for the configured database. */
export function createDb(config: DbConfig): Kysely<Database> {
  if (config.kind === "sqlite") {
    const sqlite = openSqlite(config.file, config.sqliteSynchronous, config.walAutocheckpoint);
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  }
  // Postgres returns int8/numeric as strings by default; our counts fit in a JS number.
  pg.types.setTypeParser(20, (v) => Number(v));
  pg.types.setTypeParser(1700, (v) => Number(v));
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  return new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
}
