/**
 * A respondent's data on request (export) and its removal (erasure): contact data goes —
 * email, name, consent text, queued and sent mail, notes, the email typed into answers,
 * the duplicate-detection hash — while answers stay, anonymous, so results do not change.
 * Workspaces may also let contact data expire N days after it was collected.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../db/database.js";

export async function exportRespondent(db: Kysely<Database>, workspaceId: string, respondentId: string) {
  const respondent = await db.selectFrom("respondents").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", respondentId).executeTakeFirst();
  if (!respondent) return undefined;
  const [responses, answers, invitations, emails] = await Promise.all([
    db
      .selectFrom("responses as r")
      .innerJoin("surveys as s", "s.id", "r.survey_id")
      .leftJoin("channels as ch", "ch.id", "r.channel_id")
      .select(["r.id", "r.survey_id", "s.title", "r.version", "r.status", "r.outcome", "r.segments", "r.flags", "r.meta", "r.started_at", "r.completed_at", "ch.name as channel"])
      .where("r.respondent_id", "=", respondentId)
      .where("s.workspace_id", "=", workspaceId)
      .orderBy("r.started_at")
      .execute(),
    db
      .selectFrom("answers as a")
      .innerJoin("responses as r", "r.id", "a.response_id")
      .select(["a.response_id", "a.question_id", "a.option_id", "a.value_text", "a.value_number"])
      .where("r.respondent_id", "=", respondentId)
      .orderBy("a.id")
      .execute(),
    db
      .selectFrom("invitations as i")
      .innerJoin("surveys as s", "s.id", "i.survey_id")
      .leftJoin("slots as sl", "sl.invitation_id", "i.id")
      .select(["i.id", "i.survey_id", "s.title", "i.status", "i.notes", "i.incentive_cents", "i.incentive_currency", "i.incentive_paid_at", "i.created_at", "i.booked_at", "sl.starts_at", "sl.ends_at", "sl.time_zone", "sl.location"])
      .where("i.respondent_id", "=", respondentId)
      .where("i.workspace_id", "=", workspaceId)
      .execute(),
    db
      .selectFrom("emails")
      .select(["id", "kind", "subject", "status", "created_at", "sent_at"])
      .where("respondent_id", "=", respondentId)
      .where("workspace_id", "=", workspaceId)
      .orderBy("created_at")
      .execute(),
  ]);
  return {
    respondent: {
      id: respondent.id,
      email: respondent.email,
      name: respondent.name,
      consentText: respondent.consent_text,
      consentAt: respondent.consent_at,
      unsubscribedAt: respondent.unsubscribed_at,
      erasedAt: respondent.erased_at,
      createdAt: respondent.created_at,
    },
    responses: responses.map((r) => ({
      id: r.id,
      surveyId: r.survey_id,
      surveyTitle: r.title,
      version: r.version,
      status: r.status,
      outcome: r.outcome,
      segments: JSON.parse(r.segments) as string[],
      flags: JSON.parse(r.flags) as string[],
      meta: JSON.parse(r.meta) as Record<string, string>,
      channel: r.channel,
      startedAt: r.started_at,
      completedAt: r.completed_at,
      answers: answers
        .filter((a) => a.response_id === r.id)
        .map((a) => ({ questionId: a.question_id, optionId: a.option_id, text: a.value_text, number: a.value_number })),
    })),
    interviews: invitations.map((i) => ({
      id: i.id,
      surveyId: i.survey_id,
      surveyTitle: i.title,
      status: i.status,
      notes: i.notes,
      incentive: i.incentive_cents === null ? null : { amount: i.incentive_cents / 100, currency: i.incentive_currency, paidAt: i.incentive_paid_at },
      invitedAt: i.created_at,
      bookedAt: i.booked_at,
      slot: i.starts_at ? { startsAt: i.starts_at, endsAt: i.ends_at, timeZone: i.time_zone, location: i.location } : null,
    })),
    emails: emails.map((e) => ({ id: e.id, kind: e.kind, subject: e.subject, status: e.status, createdAt: e.created_at, sentAt: e.sent_at })),
  };
}

export type ErasureSummary = { responses: number; interviews: number; emails: number };

/** Erases one respondent's contact data; run it in a write transaction. */
export async function eraseRespondent(db: Kysely<Database>, workspaceId: string, respondentId: string, now: Date): Promise<ErasureSummary | undefined> {
  const p = await db.selectFrom("respondents").select(["id", "email", "erased_at"]).where("workspace_id", "=", workspaceId).where("id", "=", respondentId).executeTakeFirst();
  if (!p) return undefined;
  const responseIds = db.selectFrom("responses").select("id").where("respondent_id", "=", respondentId);
  const invitationIds = db.selectFrom("invitations").select("id").where("respondent_id", "=", respondentId);
  if (p.email) {
    // The email typed into an email question is contact data too.
    await db
      .updateTable("answers")
      .set({ value_text: null })
      .where("response_id", "in", responseIds)
      .where(sql<boolean>`lower(value_text) = ${p.email.toLowerCase()}`)
      .execute();
    await db.deleteFrom("mail_suppressions").where("workspace_id", "=", workspaceId).where("address", "=", p.email.toLowerCase()).execute();
  }
  const emails = await db
    .deleteFrom("emails")
    .where("workspace_id", "=", workspaceId)
    .where((eb) => eb.or([eb("respondent_id", "=", respondentId), eb("invitation_id", "in", invitationIds)]))
    .executeTakeFirst();
  // Future interviews are called off (we can no longer write to them); past ones keep their outcome.
  await db.updateTable("slots").set({ invitation_id: null, booked_at: null }).where("invitation_id", "in", invitationIds).where("starts_at", ">", now.toISOString()).execute();
  await db.updateTable("invitations").set({ status: "cancelled", updated_at: now.toISOString() }).where("respondent_id", "=", respondentId).where("status", "in", ["invited", "booked"]).execute();
  const interviews = await db
    .updateTable("invitations")
    .set({ notes: "", reminder_email_id: null, updated_at: now.toISOString() })
    .where("respondent_id", "=", respondentId)
    .executeTakeFirst();
  const responses = await db.updateTable("responses").set({ respondent_id: null, dedupe_hash: null }).where("respondent_id", "=", respondentId).executeTakeFirst();
  await db
    .updateTable("respondents")
    .set({ email: null, name: null, consent_text: null, erased_at: p.erased_at ?? now.toISOString() })
    .where("id", "=", respondentId)
    .execute();
  return { responses: Number(responses.numUpdatedRows), interviews: Number(interviews.numUpdatedRows), emails: Number(emails.numDeletedRows) };
}

export async function retentionDays(db: Kysely<Database>, workspaceId: string): Promise<number | null> {
  const row = await db.selectFrom("workspaces").select("contact_retention_days").where("id", "=", workspaceId).executeTakeFirst();
  return row?.contact_retention_days ?? null;
}

export async function setRetentionDays(db: Kysely<Database>, workspaceId: string, days: number | null) {
  await db.updateTable("workspaces").set({ contact_retention_days: days }).where("id", "=", workspaceId).execute();
}

/**
 * Respondents whose contact data is past their workspace's retention period: collected more
 * than N days ago, not yet erased, and with no interview still booked.
 */
export async function expiredRespondents(db: Kysely<Database>, now: Date, limit: number) {
  const workspaces = await db.selectFrom("workspaces").select(["id", "contact_retention_days"]).where("contact_retention_days", "is not", null).execute();
  const out: { workspaceId: string; respondentId: string; days: number }[] = [];
  for (const w of workspaces) {
    const days = w.contact_retention_days!;
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    const rows = await db
      .selectFrom("respondents as p")
      .select("p.id")
      .where("p.workspace_id", "=", w.id)
      .where("p.erased_at", "is", null)
      .where("p.created_at", "<", cutoff)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("invitations as i").select("i.id").whereRef("i.respondent_id", "=", "p.id").where("i.status", "=", "booked"))),
      )
      .limit(limit - out.length)
      .execute();
    out.push(...rows.map((r) => ({ workspaceId: w.id, respondentId: r.id, days })));
    if (out.length >= limit) break;
  }
  return out;
}
