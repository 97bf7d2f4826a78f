import type { Kysely } from "kysely";

// Interviews: invitations with a booking token (stored hashed) and a pipeline status, slots a
// researcher offers (one booking per slot: slots.invitation_id, claimed by a conditional UPDATE),
// a persistent email outbox with retries, address-level unsubscribes, an audit log of privacy
// actions, and an optional per-workspace expiry of contact data.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("workspaces").addColumn("contact_retention_days", "integer").execute();

  await db.schema
    .createTable("invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("survey_id", "text", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("respondent_id", "text", (c) => c.notNull().references("respondents.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("incentive_cents", "integer")
    .addColumn("incentive_currency", "text")
    .addColumn("incentive_paid_at", "text")
    .addColumn("reminder_email_id", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("booked_at", "text")
    .addUniqueConstraint("invitations_survey_respondent_uq", ["survey_id", "respondent_id"])
    .execute();
  await db.schema.createIndex("invitations_workspace_status_idx").on("invitations").columns(["workspace_id", "status"]).execute();
  await db.schema.createIndex("invitations_respondent_idx").on("invitations").column("respondent_id").execute();

  await db.schema
    .createTable("slots")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("survey_id", "text", (c) => c.references("surveys.id").onDelete("cascade"))
    .addColumn("series_id", "text")
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("meeting_url", "text")
    // At most one booking per slot, and one slot per invitation (NULLs do not collide).
    .addColumn("invitation_id", "text", (c) => c.unique().references("invitations.id").onDelete("set null"))
    .addColumn("booked_at", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("slots_workspace_start_idx").on("slots").columns(["workspace_id", "starts_at"]).execute();

  await db.schema
    .createTable("emails")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("to_name", "text")
    .addColumn("reply_to", "text")
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("headers", "text", (c) => c.notNull())
    .addColumn("calendar", "text")
    .addColumn("respondent_id", "text", (c) => c.references("respondents.id").onDelete("cascade"))
    .addColumn("invitation_id", "text", (c) => c.references("invitations.id").onDelete("set null"))
    .addColumn("unsubscribe_token_hash", "text", (c) => c.notNull().unique())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("send_after", "text", (c) => c.notNull())
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .addColumn("last_error", "text")
    .addColumn("sent_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("emails_due_idx").on("emails").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("emails_workspace_idx").on("emails").columns(["workspace_id", "created_at"]).execute();
  await db.schema.createIndex("emails_respondent_idx").on("emails").column("respondent_id").execute();

  await db.schema
    .createTable("mail_suppressions")
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("mail_suppressions_pk", ["workspace_id", "address"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("actor_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_id", "text")
    .addColumn("details", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_workspace_idx").on("audit_log").columns(["workspace_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["audit_log", "mail_suppressions", "emails", "slots", "invitations"]) await db.schema.dropTable(t).ifExists().execute();
  await db.schema.alterTable("workspaces").dropColumn("contact_retention_days").execute();
}
