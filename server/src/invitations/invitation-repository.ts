/** Invitations: one respondent × one survey, a hashed booking token, and the interview pipeline. */
import { sql, type Kysely } from "kysely";
import type { Database, InterviewStatusColumn, InvitationRow } from "../db/database.js";
import { lockForUpdate } from "../db/transactions.js";

export type Invitation = {
  id: string;
  surveyId: string;
  surveyTitle: string;
  respondent: { id: string; email: string | null; name: string | null };
  status: InterviewStatusColumn;
  notes: string;
  incentive: { amount: number; currency: string; paidAt: string | null } | null;
  slot: { id: string; startsAt: string; endsAt: string; timeZone: string; location: string; meetingUrl: string | null } | null;
  sequence: number;
  createdBy: { id: string; name: string; email: string } | null;
  createdAt: string;
  updatedAt: string;
  bookedAt: string | null;
};

function invitationQuery(db: Kysely<Database>) {
  return db
    .selectFrom("invitations as i")
    .innerJoin("respondents as p", "p.id", "i.respondent_id")
    .innerJoin("surveys as s", "s.id", "i.survey_id")
    .leftJoin("users as u", "u.id", "i.created_by")
    .leftJoin("slots as sl", "sl.invitation_id", "i.id")
    .select([
      "i.id",
      "i.workspace_id",
      "i.survey_id",
      "s.title as survey_title",
      "i.respondent_id",
      "p.email",
      "p.name",
      "i.status",
      "i.notes",
      "i.incentive_cents",
      "i.incentive_currency",
      "i.incentive_paid_at",
      "i.sequence",
      "i.reminder_email_id",
      "i.created_by",
      "u.name as creator_name",
      "u.email as creator_email",
      "i.created_at",
      "i.updated_at",
      "i.booked_at",
      "sl.id as slot_id",
      "sl.starts_at",
      "sl.ends_at",
      "sl.time_zone",
      "sl.location",
      "sl.meeting_url",
    ]);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof invitationQuery>["executeTakeFirstOrThrow"]>>;

export function joinedRowToInvitation(r: JoinedRow): Invitation & { workspaceId: string; reminderEmailId: string | null } {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    surveyId: r.survey_id,
    surveyTitle: r.survey_title,
    respondent: { id: r.respondent_id, email: r.email, name: r.name },
    status: r.status,
    notes: r.notes,
    incentive: r.incentive_cents === null ? null : { amount: r.incentive_cents / 100, currency: r.incentive_currency ?? "USD", paidAt: r.incentive_paid_at },
    slot:
      r.slot_id && r.starts_at && r.ends_at && r.time_zone
        ? { id: r.slot_id, startsAt: r.starts_at, endsAt: r.ends_at, timeZone: r.time_zone, location: r.location ?? "", meetingUrl: r.meeting_url }
        : null,
    sequence: r.sequence,
    createdBy: r.created_by && r.creator_email ? { id: r.created_by, name: r.creator_name ?? "", email: r.creator_email } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    bookedAt: r.booked_at,
    reminderEmailId: r.reminder_email_id,
  };
}

export type LoadedInvitation = ReturnType<typeof joinedRowToInvitation>;

export async function findInvitation(db: Kysely<Database>, workspaceId: string, id: string): Promise<LoadedInvitation | undefined> {
  const row = await invitationQuery(db).where("i.workspace_id", "=", workspaceId).where("i.id", "=", id).executeTakeFirst();
  return row ? joinedRowToInvitation(row) : undefined;
}

export async function findInvitationByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<LoadedInvitation | undefined> {
  const row = await invitationQuery(db).where("i.token_hash", "=", tokenHash).executeTakeFirst();
  return row ? joinedRowToInvitation(row) : undefined;
}

export async function listInvitations(db: Kysely<Database>, workspaceId: string, surveyId: string, status?: InterviewStatusColumn) {
  let q = invitationQuery(db).where("i.workspace_id", "=", workspaceId).where("i.survey_id", "=", surveyId);
  if (status) q = q.where("i.status", "=", status);
  const rows = await q.orderBy("i.created_at", "desc").orderBy("i.id").execute();
  return rows.map(joinedRowToInvitation);
}

/** Inserts unless the respondent is already invited to the survey; true when inserted. */
export async function insertInvitation(
  db: Kysely<Database>,
  i: { id: string; workspaceId: string; surveyId: string; respondentId: string; tokenHash: string; createdBy: string; now: Date },
): Promise<boolean> {
  const row = await db
    .insertInto("invitations")
    .values({
      id: i.id,
      workspace_id: i.workspaceId,
      survey_id: i.surveyId,
      respondent_id: i.respondentId,
      token_hash: i.tokenHash,
      status: "invited",
      sequence: 0,
      notes: "",
      incentive_cents: null,
      incentive_currency: null,
      incentive_paid_at: null,
      reminder_email_id: null,
      created_by: i.createdBy,
      created_at: i.now.toISOString(),
      updated_at: i.now.toISOString(),
      booked_at: null,
    })
    .onConflict((oc) => oc.columns(["survey_id", "respondent_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function invitedRespondentIds(db: Kysely<Database>, surveyId: string, respondentIds: string[]): Promise<Set<string>> {
  if (respondentIds.length === 0) return new Set();
  const rows = await db.selectFrom("invitations").select("respondent_id").where("survey_id", "=", surveyId).where("respondent_id", "in", respondentIds).execute();
  return new Set(rows.map((r) => r.respondent_id));
}

/** Respondents with any flagged completed response (screener or quality checks). */
export async function flaggedRespondentIds(db: Kysely<Database>, respondentIds: string[]): Promise<Set<string>> {
  if (respondentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("responses")
    .select("respondent_id")
    .distinct()
    .where("respondent_id", "in", respondentIds)
    .where("status", "=", "complete")
    .where((eb) => eb.or([eb("outcome", "=", "flagged"), eb("flags", "<>", "[]")]))
    .execute();
  return new Set(rows.flatMap((r) => (r.respondent_id ? [r.respondent_id] : [])));
}

export async function suppressedAddresses(db: Kysely<Database>, workspaceId: string, addresses: string[]): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const rows = await db
    .selectFrom("mail_suppressions")
    .select("address")
    .where("workspace_id", "=", workspaceId)
    .where("address", "in", addresses.map((a) => a.toLowerCase()))
    .execute();
  return new Set(rows.map((r) => r.address));
}

/** Locks the invitation row for the rest of the transaction (Postgres; SQLite holds the write lock already). */
export async function lockInvitation(db: Kysely<Database>, id: string): Promise<InvitationRow | undefined> {
  return lockForUpdate(db, db.selectFrom("invitations").selectAll().where("id", "=", id)).executeTakeFirst();
}

export async function updateInvitation(
  db: Kysely<Database>,
  id: string,
  set: Partial<Pick<InvitationRow, "status" | "notes" | "incentive_cents" | "incentive_currency" | "incentive_paid_at" | "reminder_email_id" | "booked_at" | "sequence">> & { updated_at: string },
) {
  await db.updateTable("invitations").set(set).where("id", "=", id).execute();
}

/** Rows for the incentive CSV: everyone in the survey with an incentive amount. */
export async function incentiveRows(db: Kysely<Database>, workspaceId: string, surveyId: string) {
  return invitationQuery(db)
    .where("i.workspace_id", "=", workspaceId)
    .where("i.survey_id", "=", surveyId)
    .where("i.incentive_cents", "is not", null)
    .orderBy(sql`coalesce(sl.starts_at, i.created_at)`)
    .execute()
    .then((rows) => rows.map(joinedRowToInvitation));
}

/**
 * Cancels this invitation's emails that still wait for their time — the link the end-screen
 * offer sends later in case the respondent does not book at once. Once booked it is noise.
 */
export async function cancelWaitingInvitationEmails(db: Kysely<Database>, invitationId: string, now: Date) {
  await db
    .updateTable("emails")
    .set({ status: "cancelled", locked_until: null })
    .where("invitation_id", "=", invitationId)
    .where("kind", "=", "invitation")
    .where("status", "=", "pending")
    .where("send_after", ">", now.toISOString())
    .execute();
}
