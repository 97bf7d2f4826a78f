import type { Kysely } from "kysely";

// Revocable read-only links to a survey's results dashboard.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("result_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("survey_id", "text", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("hide_text", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("result_links_survey_idx").on("result_links").column("survey_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("result_links").ifExists().execute();
}
