import type { Kysely } from "kysely";
import { autoIncrementKey } from "./dialect-helpers.js";

// Frozen in time: only the schema builder, only types that behave alike on SQLite and Postgres.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("instance")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("workspaces")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("memberships_pk", ["workspace_id", "user_id"])
    .execute();
  await db.schema.createIndex("memberships_user_idx").on("memberships").column("user_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.references("workspaces.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();

  await db.schema
    .createTable("workspace_invites")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text")
    .execute();

  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("surveys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("draft_definition", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("published_version", "integer")
    .addColumn("published_revision", "integer")
    .addColumn("published_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("last_activity_at", "text")
    .execute();
  await db.schema.createIndex("surveys_workspace_idx").on("surveys").columns(["workspace_id", "created_at"]).execute();

  await db.schema
    .createTable("survey_versions")
    .addColumn("survey_id", "text", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("published_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addPrimaryKeyConstraint("survey_versions_pk", ["survey_id", "version"])
    .execute();

  await db.schema
    .createTable("channels")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("survey_id", "text", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("channels_survey_idx").on("channels").column("survey_id").execute();

  await db.schema
    .createTable("respondents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("email", "text")
    .addColumn("name", "text")
    .addColumn("consent_text", "text")
    .addColumn("consent_at", "text")
    .addColumn("unsubscribed_at", "text")
    .addColumn("erased_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("respondents_workspace_email_uq", ["workspace_id", "email"])
    .execute();

  await db.schema
    .createTable("responses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("survey_id", "text", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("channel_id", "text", (c) => c.references("channels.id").onDelete("set null"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("outcome", "text")
    .addColumn("reason", "text")
    .addColumn("segments", "text", (c) => c.notNull())
    .addColumn("flags", "text", (c) => c.notNull())
    .addColumn("meta", "text", (c) => c.notNull())
    .addColumn("respondent_id", "text", (c) => c.references("respondents.id").onDelete("set null"))
    .addColumn("dedupe_hash", "text")
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("completed_at", "text")
    .addColumn("duration_ms", "integer")
    .execute();
  await db.schema.createIndex("responses_survey_idx").on("responses").columns(["survey_id", "started_at"]).execute();

  await db.schema
    .createTable("answers")
    .addColumn("id", "integer", autoIncrementKey(db))
    .addColumn("response_id", "text", (c) => c.notNull().references("responses.id").onDelete("cascade"))
    .addColumn("survey_id", "text", (c) => c.notNull())
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("option_id", "text")
    .addColumn("value_text", "text")
    .addColumn("value_number", "double precision")
    .execute();
  await db.schema.createIndex("answers_response_idx").on("answers").column("response_id").execute();
  await db.schema.createIndex("answers_survey_question_idx").on("answers").columns(["survey_id", "question_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "answers", "responses", "respondents", "channels", "survey_versions", "surveys", "rate_limits",
    "workspace_invites", "api_tokens", "sessions", "memberships", "workspaces", "users", "instance",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
