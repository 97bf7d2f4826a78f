/**
 * Booking offered right on a survey's qualified end screen: whether a survey offers it (a
 * `booking_offers` row, with the researcher it speaks for), and what the public endpoint
 * needs to decide whether one completed response may have it.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";

export type BookingOffer = { surveyId: string; researcher: { id: string; name: string; email: string } | null; since: string };

export async function findBookingOffer(db: Kysely<Database>, workspaceId: string, surveyId: string): Promise<BookingOffer | undefined> {
  const row = await db
    .selectFrom("booking_offers as o")
    .leftJoin("users as u", "u.id", "o.researcher_id")
    .select(["o.survey_id", "o.created_at", "u.id as user_id", "u.name", "u.email"])
    .where("o.workspace_id", "=", workspaceId)
    .where("o.survey_id", "=", surveyId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    surveyId: row.survey_id,
    researcher: row.user_id && row.email ? { id: row.user_id, name: row.name ?? "", email: row.email } : null,
    since: row.created_at,
  };
}

/** Switches the offer on (speaking for `researcherId`) or off. Idempotent. */
export async function setBookingOffer(db: Kysely<Database>, o: { workspaceId: string; surveyId: string; researcherId: string; enabled: boolean; now: Date }) {
  if (!o.enabled) {
    await db.deleteFrom("booking_offers").where("workspace_id", "=", o.workspaceId).where("survey_id", "=", o.surveyId).execute();
    return;
  }
  await db
    .insertInto("booking_offers")
    .values({ survey_id: o.surveyId, workspace_id: o.workspaceId, researcher_id: o.researcherId, created_at: o.now.toISOString() })
    .onConflict((oc) => oc.column("survey_id").doUpdateSet({ researcher_id: o.researcherId }))
    .execute();
}

/** A completed response with what decides the offer: outcome, flags, its respondent and the survey's offer. */
export async function findResponseForOffer(db: Kysely<Database>, responseId: string) {
  return db
    .selectFrom("responses as r")
    .innerJoin("surveys as s", "s.id", "r.survey_id")
    .leftJoin("respondents as p", "p.id", "r.respondent_id")
    .leftJoin("booking_offers as o", "o.survey_id", "r.survey_id")
    .select([
      "r.id",
      "r.survey_id",
      "r.status",
      "r.outcome",
      "r.flags",
      "r.completed_at",
      "s.workspace_id",
      "s.title as survey_title",
      "s.created_by as survey_created_by",
      "p.id as respondent_id",
      "p.email",
      "p.name",
      "p.unsubscribed_at",
      "p.erased_at",
      "o.survey_id as offered",
      "o.researcher_id",
    ])
    .where("r.id", "=", responseId)
    .executeTakeFirst();
}

/** The invitation a respondent already has to a survey, if any (its token hash tells whose link it is). */
export async function findInvitationFor(db: Kysely<Database>, surveyId: string, respondentId: string) {
  return db.selectFrom("invitations").select(["id", "token_hash"]).where("survey_id", "=", surveyId).where("respondent_id", "=", respondentId).executeTakeFirst();
}

export async function userName(db: Kysely<Database>, userId: string): Promise<{ name: string; email: string } | undefined> {
  return db.selectFrom("users").select(["name", "email"]).where("id", "=", userId).executeTakeFirst();
}
