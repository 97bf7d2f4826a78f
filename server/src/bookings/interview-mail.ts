/**
 * The emails around a booked interview: a confirmation with an .ics invite (METHOD:REQUEST;
 * the same UID with a higher SEQUENCE when it moves), one reminder scheduled as an outbox
 * row (so it survives restarts) — the day before, or 1 h before for bookings made at short
 * notice, none when it is imminent (see reminder-schedule.ts) — a METHOD:CANCEL invite when
 * it is called off, and a notice to the researcher who sent the invitation. The reminder
 * carries the interview's start as its `send_before`: held up past it (mail worker down,
 * SMTP retrying), it is cancelled, never sent late.
 */
import type { Kysely } from "kysely";
import { buildIcs, firstNameOf } from "@sieve/core";
import type { Database, SlotRow } from "../db/database.js";
import type { IdGenerator } from "../ops/clock.js";
import { cancelPendingEmail } from "../mail/outbox-repository.js";
import { queueEmail } from "../mail/outbox.js";
import type { LoadedInvitation } from "../invitations/invitation-repository.js";
import { planReminder } from "./reminder-schedule.js";

export type InterviewMailContext = {
  invitation: LoadedInvitation;
  workspaceName: string;
  origin: string;
  /** The respondent's booking page; known only in requests that carry the token. */
  bookingUrl: string | null;
  now: Date;
};

type SlotTimes = Pick<SlotRow, "starts_at" | "ends_at" | "time_zone" | "location" | "meeting_url">;

/** "Tuesday 1 December 2026, 10:00–10:45 (Europe/Berlin)". */
export function describeSlotTime(slot: Pick<SlotRow, "starts_at" | "ends_at" | "time_zone">): string {
  // Assembled from parts: ICU versions differ in the punctuation of their long date formats.
  const parts = (date: Date, options: Intl.DateTimeFormatOptions) =>
    Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone: slot.time_zone, ...options }).formatToParts(date).map((p) => [p.type, p.value]));
  const start = new Date(slot.starts_at);
  const d = parts(start, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const clock = (date: Date) => {
    const t = parts(date, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    return `${t.hour}:${t.minute}`;
  };
  return `${d.weekday} ${d.day} ${d.month} ${d.year}, ${clock(start)}–${clock(new Date(slot.ends_at))} (${slot.time_zone})`;
}

const where = (slot: SlotTimes) => [slot.location, slot.meeting_url].filter(Boolean).join(" — ");

function calendar(ctx: InterviewMailContext, slot: SlotTimes, method: "REQUEST" | "CANCEL", sequence: number): string {
  const inv = ctx.invitation;
  const researcher = inv.createdBy;
  return buildIcs({
    method,
    uid: `${inv.id}@sieve`,
    sequence,
    stamp: ctx.now,
    start: new Date(slot.starts_at),
    end: new Date(slot.ends_at),
    summary: `Interview: ${inv.surveyTitle}`,
    description: [
      `A research interview with ${researcher?.name || ctx.workspaceName}.`,
      slot.meeting_url ? `Join: ${slot.meeting_url}` : "",
      ctx.bookingUrl ? `Reschedule or cancel: ${ctx.bookingUrl}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
    location: where(slot) || null,
    url: slot.meeting_url,
    organizer: { name: researcher?.name || ctx.workspaceName, email: researcher?.email ?? "no-reply@sieve.invalid" },
    attendee: { name: inv.respondent.name, email: inv.respondent.email ?? "" },
  });
}

function respondentBase(ctx: InterviewMailContext) {
  const inv = ctx.invitation;
  return {
    workspaceId: inv.workspaceId,
    to: { address: inv.respondent.email ?? "", name: inv.respondent.name },
    replyTo: inv.createdBy?.email ?? null,
    reason: `You get this because you agreed to an interview with ${ctx.workspaceName} about "${inv.surveyTitle}".`,
    origin: ctx.origin,
    respondentId: inv.respondent.id,
    invitationId: inv.id,
    now: ctx.now,
  };
}

async function notifyResearcher(db: Kysely<Database>, ids: IdGenerator, ctx: InterviewMailContext, subject: string, body: string) {
  const researcher = ctx.invitation.createdBy;
  if (!researcher) return;
  await queueEmail(db, ids, {
    workspaceId: ctx.invitation.workspaceId,
    kind: "researcher_notice",
    to: { address: researcher.email, name: researcher.name || null },
    replyTo: ctx.invitation.respondent.email,
    subject,
    body,
    reason: `You get this because you invited people to interviews in ${ctx.workspaceName} on Sieve.`,
    origin: ctx.origin,
    respondentId: null,
    invitationId: ctx.invitation.id,
    calendar: null,
    sendAfter: ctx.now,
    now: ctx.now,
  });
}

const who = (inv: LoadedInvitation) => (inv.respondent.name ? `${inv.respondent.name} <${inv.respondent.email}>` : (inv.respondent.email ?? "A respondent"));

/**
 * Confirmation (+ .ics), researcher notice and the reminder that suits how far ahead this
 * was booked. Returns the reminder's email id (null when none is due).
 */
export async function queueBookedEmails(
  db: Kysely<Database>,
  ids: IdGenerator,
  ctx: InterviewMailContext,
  slot: SlotTimes,
  o: { sequence: number; rescheduled: boolean },
): Promise<string | null> {
  const inv = ctx.invitation;
  const name = firstNameOf(inv.respondent.name);
  const when = describeSlotTime(slot);
  const place = where(slot);
  const manage = ctx.bookingUrl ? `\n\nNeed to change it? Reschedule or cancel here:\n${ctx.bookingUrl}` : "";
  await queueEmail(db, ids, {
    ...respondentBase(ctx),
    kind: "confirmation",
    subject: `${o.rescheduled ? "Moved" : "Confirmed"}: interview on ${when}`,
    body: `Hi ${name || "there"},\n\n${o.rescheduled ? "Your interview has moved to" : "Your interview is booked for"} ${when}.${place ? `\nWhere: ${place}` : ""}\n\nThe attached invitation adds it to your calendar.${manage}\n\nThanks,\n${inv.createdBy?.name || ctx.workspaceName}`,
    calendar: { method: "REQUEST", content: calendar(ctx, slot, "REQUEST", o.sequence) },
    sendAfter: ctx.now,
  });
  await notifyResearcher(
    db,
    ids,
    ctx,
    `${o.rescheduled ? "Rescheduled" : "New booking"}: ${who(inv)} — ${when}`,
    `${who(inv)} ${o.rescheduled ? "moved their interview to" : "booked an interview for"} "${inv.surveyTitle}" on ${when}.${place ? `\nWhere: ${place}` : ""}`,
  );
  const reminder = planReminder(new Date(slot.starts_at), ctx.now);
  if (!reminder) return null;
  const soon = reminder.kind === "soon";
  return queueEmail(db, ids, {
    ...respondentBase(ctx),
    kind: "reminder",
    subject: soon ? `Starting in 1 hour: your interview on ${when}` : `Reminder: your interview on ${when}`,
    body: `Hi ${name || "there"},\n\n${soon ? `Your interview about "${inv.surveyTitle}" starts in an hour:` : `A reminder of your interview about "${inv.surveyTitle}" on`} ${when}.${place ? `\nWhere: ${place}` : ""}${manage}\n\nSee you then,\n${inv.createdBy?.name || ctx.workspaceName}`,
    calendar: null,
    sendAfter: reminder.at,
    sendBefore: new Date(slot.starts_at),
  });
}

/** The METHOD:CANCEL invite to the respondent, and a notice to the researcher when the respondent cancelled. */
export async function queueCancelledEmails(
  db: Kysely<Database>,
  ids: IdGenerator,
  ctx: InterviewMailContext,
  slot: SlotTimes,
  o: { sequence: number; by: "respondent" | "researcher" },
) {
  const inv = ctx.invitation;
  const when = describeSlotTime(slot);
  if (inv.reminderEmailId) await cancelPendingEmail(db, inv.reminderEmailId);
  const rebook = ctx.bookingUrl ? `\n\nIf you like, pick another time here:\n${ctx.bookingUrl}` : "";
  await queueEmail(db, ids, {
    ...respondentBase(ctx),
    kind: "cancellation",
    subject: `Cancelled: interview on ${when}`,
    body: `Hi ${firstNameOf(inv.respondent.name) || "there"},\n\nYour interview about "${inv.surveyTitle}" on ${when} is cancelled.${rebook}\n\nThanks,\n${inv.createdBy?.name || ctx.workspaceName}`,
    calendar: { method: "CANCEL", content: calendar(ctx, slot, "CANCEL", o.sequence) },
    sendAfter: ctx.now,
  });
  if (o.by === "respondent") {
    await notifyResearcher(db, ids, ctx, `Cancelled: ${who(inv)} — ${when}`, `${who(inv)} cancelled their interview for "${inv.surveyTitle}" on ${when}. The slot is free again.`);
  }
}
