import type { Kysely } from "kysely";

// Public responses: idempotency and timing on the response, segments as rows (so quotas and
// charts can count them in SQL), and cheap per-day funnel counters.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("responses").addColumn("body_hash", "text").execute();
  await db.schema.alterTable("responses").addColumn("last_page", "integer").execute();
  await db.schema.createIndex("responses_survey_dedupe_idx").on("responses").columns(["survey_id", "dedupe_hash"]).execute();
  await db.schema.createIndex("responses_survey_outcome_idx").on("responses").columns(["survey_id", "status", "outcome"]).execute();
  await db.schema.createIndex("responses_respondent_idx").on("responses").column("respondent_id").execute();

  await db.schema
    .createTable("response_segments")
    .addColumn("response_id", "text", (c) => c.notNull().references("responses.id").onDelete("cascade"))
    .addColumn("survey_id", "text", (c) => c.notNull())
    .addColumn("segment_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("response_segments_pk", ["response_id", "segment_id"])
    .execute();
  await db.schema.createIndex("response_segments_survey_idx").on("response_segments").columns(["survey_id", "segment_id"]).execute();

  await db.schema
    .createTable("funnel_counts")
    .addColumn("survey_id", "text", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    // '' for responses that came without a tracked link (a PK column cannot be null).
    .addColumn("channel_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("clicks", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("views", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("starts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("completes", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("funnel_counts_pk", ["survey_id", "channel_id", "day"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("funnel_counts").ifExists().execute();
  await db.schema.dropTable("response_segments").ifExists().execute();
  await db.schema.dropIndex("responses_respondent_idx").ifExists().execute();
  await db.schema.dropIndex("responses_survey_outcome_idx").ifExists().execute();
  await db.schema.dropIndex("responses_survey_dedupe_idx").ifExists().execute();
  await db.schema.alterTable("responses").dropColumn("last_page").execute();
  await db.schema.alterTable("responses").dropColumn("body_hash").execute();
}
