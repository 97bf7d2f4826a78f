import { Migrator, type Kysely, type MigrationResultSet } from "kysely";
import { migrations } from "./migrations/index.js";

export type MigrateOutcome = { ok: true; applied: string[] } | { ok: false; applied: string[]; error: unknown };

/** Bring the schema to the latest migration. Never throws: the caller decides what a failure means. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrateOutcome> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  const applied = (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  return result.error === undefined ? { ok: true, applied } : { ok: false, applied, error: result.error };
}
