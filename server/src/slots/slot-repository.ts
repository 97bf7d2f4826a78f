/**
 * Interview slots. A slot is booked by setting `invitation_id` with a conditional UPDATE
 * (`… WHERE invitation_id IS NULL`): of any number of concurrent bookings exactly one
 * changes the row — Postgres re-checks the condition after the row lock, SQLite runs
 * writers one at a time — and the unique index stops one invitation holding two slots.
 */
import type { Kysely } from "kysely";
import type { Database, SlotRow } from "../db/database.js";

export type Slot = {
  id: string;
  surveyId: string | null;
  seriesId: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: string;
  meetingUrl: string | null;
  booking: { invitationId: string; bookedAt: string | null; status: string; respondent: { id: string; email: string | null; name: string | null } } | null;
  createdAt: string;
};

function slotQuery(db: Kysely<Database>) {
  return db
    .selectFrom("slots as sl")
    .leftJoin("invitations as i", "i.id", "sl.invitation_id")
    .leftJoin("respondents as p", "p.id", "i.respondent_id")
    .selectAll("sl")
    .select(["i.status as invitation_status", "p.id as respondent_id", "p.email", "p.name"]);
}

type JoinedSlot = SlotRow & { invitation_status: string | null; respondent_id: string | null; email: string | null; name: string | null };

function toSlot(r: JoinedSlot): Slot {
  return {
    id: r.id,
    surveyId: r.survey_id,
    seriesId: r.series_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timeZone: r.time_zone,
    location: r.location,
    meetingUrl: r.meeting_url,
    booking:
      r.invitation_id && r.respondent_id
        ? { invitationId: r.invitation_id, bookedAt: r.booked_at, status: r.invitation_status ?? "booked", respondent: { id: r.respondent_id, email: r.email, name: r.name } }
        : null,
    createdAt: r.created_at,
  };
}

export async function listSlots(
  db: Kysely<Database>,
  workspaceId: string,
  f: { surveyId?: string | undefined; from?: string | undefined; to?: string | undefined; state: "free" | "booked" | "all" },
): Promise<Slot[]> {
  let q = slotQuery(db).where("sl.workspace_id", "=", workspaceId);
  if (f.surveyId) q = q.where((eb) => eb.or([eb("sl.survey_id", "=", f.surveyId!), eb("sl.survey_id", "is", null)]));
  if (f.from) q = q.where("sl.starts_at", ">=", f.from);
  if (f.to) q = q.where("sl.starts_at", "<", f.to);
  if (f.state === "free") q = q.where("sl.invitation_id", "is", null);
  if (f.state === "booked") q = q.where("sl.invitation_id", "is not", null);
  const rows = await q.orderBy("sl.starts_at").orderBy("sl.id").limit(2000).execute();
  return rows.map(toSlot);
}

export async function findSlot(db: Kysely<Database>, workspaceId: string, id: string): Promise<Slot | undefined> {
  const row = await slotQuery(db).where("sl.workspace_id", "=", workspaceId).where("sl.id", "=", id).executeTakeFirst();
  return row ? toSlot(row) : undefined;
}

export async function findSlotsByIds(db: Kysely<Database>, workspaceId: string, ids: string[]): Promise<Slot[]> {
  if (ids.length === 0) return [];
  const rows = await slotQuery(db).where("sl.workspace_id", "=", workspaceId).where("sl.id", "in", ids).orderBy("sl.starts_at").execute();
  return rows.map(toSlot);
}

/** Start times (ISO) already offered in this scope, to skip exact duplicates. */
export async function existingStarts(db: Kysely<Database>, workspaceId: string, surveyId: string | null, starts: string[]): Promise<Set<string>> {
  if (starts.length === 0) return new Set();
  let q = db.selectFrom("slots").select("starts_at").where("workspace_id", "=", workspaceId).where("starts_at", "in", starts);
  q = surveyId === null ? q.where("survey_id", "is", null) : q.where("survey_id", "=", surveyId);
  return new Set((await q.execute()).map((r) => r.starts_at));
}

export async function insertSlots(
  db: Kysely<Database>,
  slots: {
    id: string;
    workspaceId: string;
    surveyId: string | null;
    seriesId: string | null;
    start: Date;
    end: Date;
    timeZone: string;
    location: string;
    meetingUrl: string | null;
    createdBy: string;
    now: Date;
  }[],
) {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < slots.length; i += 50) {
    await db
      .insertInto("slots")
      .values(
        slots.slice(i, i + 50).map((s) => ({
          id: s.id,
          workspace_id: s.workspaceId,
          survey_id: s.surveyId,
          series_id: s.seriesId,
          starts_at: s.start.toISOString(),
          ends_at: s.end.toISOString(),
          time_zone: s.timeZone,
          location: s.location,
          meeting_url: s.meetingUrl,
          invitation_id: null,
          booked_at: null,
          created_by: s.createdBy,
          created_at: s.now.toISOString(),
        })),
      )
      .execute();
  }
}

export async function deleteFreeSlot(db: Kysely<Database>, workspaceId: string, id: string): Promise<boolean> {
  const res = await db.deleteFrom("slots").where("workspace_id", "=", workspaceId).where("id", "=", id).where("invitation_id", "is", null).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Free, future slots an invitation to `surveyId` may book: the survey's own and workspace-wide ones. */
export async function listBookableSlots(db: Kysely<Database>, workspaceId: string, surveyId: string, now: Date) {
  const rows = await db
    .selectFrom("slots")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where((eb) => eb.or([eb("survey_id", "=", surveyId), eb("survey_id", "is", null)]))
    .where("invitation_id", "is", null)
    .where("starts_at", ">", now.toISOString())
    .orderBy("starts_at")
    .orderBy("id")
    .limit(500)
    .execute();
  return rows;
}

/** Books `slotId` for the invitation if, at this instant, it is free, future and in scope. True when this call got it. */
export async function claimSlot(db: Kysely<Database>, c: { slotId: string; workspaceId: string; surveyId: string; invitationId: string; now: Date }): Promise<boolean> {
  const res = await db
    .updateTable("slots")
    .set({ invitation_id: c.invitationId, booked_at: c.now.toISOString() })
    .where("id", "=", c.slotId)
    .where("workspace_id", "=", c.workspaceId)
    .where((eb) => eb.or([eb("survey_id", "=", c.surveyId), eb("survey_id", "is", null)]))
    .where("invitation_id", "is", null)
    .where("starts_at", ">", c.now.toISOString())
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Frees whatever slot the invitation holds; returns it (for the cancellation invite). */
export async function releaseSlotOf(db: Kysely<Database>, invitationId: string): Promise<SlotRow | undefined> {
  const held = await db.selectFrom("slots").selectAll().where("invitation_id", "=", invitationId).executeTakeFirst();
  if (held) await db.updateTable("slots").set({ invitation_id: null, booked_at: null }).where("id", "=", held.id).execute();
  return held;
}

export async function findRawSlot(db: Kysely<Database>, workspaceId: string, id: string) {
  return db.selectFrom("slots").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
}
