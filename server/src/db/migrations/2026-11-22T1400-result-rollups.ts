import { sql, type Kysely } from "kysely";
import { autoIncrementKey, isSqliteSchema } from "./dialect-helpers.js";

/**
 * Results rollups: counts of complete responses maintained in the transaction that completes
 * them, so a dashboard sums a few thousand rows instead of scanning every answer.
 *
 * A *profile* is one combination of the dimensions the dashboard filters and splits by —
 * start day, channel ('' for a direct link), outcome and segment set — with its number of
 * responses. `result_counts` holds, per profile, how many of its responses answered each
 * question (kind 'a'), chose each option (kind 'c', matrix row in row_id) and gave each
 * number (kind 'n', in value). Key columns are never null so upserts can match them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("result_profiles")
    .addColumn("id", "integer", autoIncrementKey(db))
    .addColumn("survey_id", "text", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("channel_id", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    // The responses' segments column as stored (a JSON array): part of the profile's identity.
    .addColumn("segments", "text", (c) => c.notNull())
    .addColumn("responses", "integer", (c) => c.notNull())
    .addUniqueConstraint("result_profiles_key", ["survey_id", "day", "channel_id", "outcome", "segments"])
    .execute();
  await db.schema
    .createTable("result_profile_segments")
    .addColumn("profile_id", "integer", (c) => c.notNull().references("result_profiles.id").onDelete("cascade"))
    .addColumn("segment_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("result_profile_segments_pk", ["profile_id", "segment_id"])
    .execute();
  await db.schema
    .createTable("result_counts")
    .addColumn("profile_id", "integer", (c) => c.notNull().references("result_profiles.id").onDelete("cascade"))
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("option_id", "text", (c) => c.notNull())
    .addColumn("row_id", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("result_counts_pk", ["profile_id", "question_id", "kind", "option_id", "row_id", "value"])
    // SQLite stores the rows in the key's b-tree, so summing a profile's counts is one range scan.
    .$call((b) => (isSqliteSchema(db) ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
  await backfillResultRollups(db);
}

/**
 * Count the complete responses stored so far — of one survey, or of all — into empty rollups.
 * Run by this migration for responses stored before rollups existed, and by the results
 * benchmark for data it loads around the product path.
 */
export async function backfillResultRollups(db: Kysely<any>, surveyId?: string): Promise<void> {
  const day = sql`substr(r.started_at, 1, 10)`;
  const channel = sql`coalesce(r.channel_id, '')`;
  const outcome = sql`coalesce(r.outcome, '')`;
  const complete = () => {
    let q = db.selectFrom("responses as r").where("r.status", "=", "complete");
    if (surveyId !== undefined) q = q.where("r.survey_id", "=", surveyId);
    return q;
  };
  await db
    .insertInto("result_profiles")
    .columns(["survey_id", "day", "channel_id", "outcome", "segments", "responses"])
    .expression(
      complete()
        .select(["r.survey_id", day.as("day"), channel.as("channel_id"), outcome.as("outcome"), "r.segments", (eb) => eb.fn.countAll().as("n")])
        .groupBy(["r.survey_id", day, channel, outcome, "r.segments"]),
    )
    .execute();
  // Each complete response joined to its profile by the profile's key columns.
  const profiled = () =>
    complete().innerJoin("result_profiles as p", (j) =>
      j
        .onRef("p.survey_id", "=", "r.survey_id")
        .onRef("p.day", "=", day)
        .onRef("p.channel_id", "=", channel)
        .onRef("p.outcome", "=", outcome)
        .onRef("p.segments", "=", "r.segments"),
    );
  await db
    .insertInto("result_profile_segments")
    .columns(["profile_id", "segment_id"])
    .expression(profiled().innerJoin("response_segments as s", "s.response_id", "r.id").select(["p.id", "s.segment_id"]).distinct())
    .execute();
  const answers = () => profiled().innerJoin("answers as a", "a.response_id", "r.id");
  const cols = ["profile_id", "question_id", "kind", "option_id", "row_id", "value", "n"] as const;
  await db
    .insertInto("result_counts")
    .columns(cols)
    .expression(
      answers()
        .select(["p.id", "a.question_id", sql`'a'`.as("k"), sql`''`.as("o"), sql`''`.as("w"), sql`0`.as("v"), (eb) => eb.fn.count("a.response_id").distinct().as("n")])
        .groupBy(["p.id", "a.question_id"]),
    )
    .execute();
  // A matrix keeps its row id in value_text; "Other" keeps free text there, which is not a row.
  const row = sql`case when a.option_id = '__other__' then '' else coalesce(a.value_text, '') end`;
  await db
    .insertInto("result_counts")
    .columns(cols)
    .expression(
      answers()
        .where("a.option_id", "is not", null)
        .select(["p.id", "a.question_id", sql`'c'`.as("k"), "a.option_id", row.as("w"), sql`0`.as("v"), (eb) => eb.fn.countAll().as("n")])
        .groupBy(["p.id", "a.question_id", "a.option_id", row]),
    )
    .execute();
  await db
    .insertInto("result_counts")
    .columns(cols)
    .expression(
      answers()
        .where("a.value_number", "is not", null)
        .select(["p.id", "a.question_id", sql`'n'`.as("k"), sql`''`.as("o"), sql`''`.as("w"), "a.value_number", (eb) => eb.fn.countAll().as("n")])
        .groupBy(["p.id", "a.question_id", "a.value_number"]),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("result_counts").ifExists().execute();
  await db.schema.dropTable("result_profile_segments").ifExists().execute();
  await db.schema.dropTable("result_profiles").ifExists().execute();
}
