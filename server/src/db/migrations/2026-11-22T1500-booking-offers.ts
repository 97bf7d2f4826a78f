import type { Kysely } from "kysely";

// Booking on the qualified end screen, switched on per survey: a row means "offer it". The
// researcher who switched it on is the one whose name the offer carries and who is told of
// bookings made through it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("booking_offers")
    .addColumn("survey_id", "text", (c) => c.primaryKey().references("surveys.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("researcher_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("booking_offers").ifExists().execute();
}
