/**
 * The respondent's booking API behind `/b/:token` — no account, the link is the credential
 * (a 256-bit token, stored only as its hash). Book, reschedule, cancel or decline; each
 * change is one write transaction that locks the invitation and claims the slot with a
 * conditional UPDATE, so a slot is never booked twice, whatever the concurrency.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { isBookable, wallTimeAt } from "@sieve/core";
import type { AppDeps, AppEnv } from "../app-env.js";
import type { SlotRow } from "../db/database.js";
import { AppError, badRequest, conflict, notFound } from "../errors.js";
import { jsonBody } from "../lib/validate.js";
import { hashToken } from "../auth/secrets.js";
import { requestOrigin } from "../auth/session-cookie.js";
import { writeTransaction } from "../db/transactions.js";
import { cancelWaitingInvitationEmails, findInvitationByTokenHash, lockInvitation, updateInvitation, type LoadedInvitation } from "../invitations/invitation-repository.js";
import { claimSlot, findRawSlot, listBookableSlots, releaseSlotOf } from "../slots/slot-repository.js";
import { cancelPendingEmail } from "../mail/outbox-repository.js";
import { queueBookedEmails, queueCancelledEmails, type InterviewMailContext } from "./interview-mail.js";
import { workspaceName } from "./booking-repository.js";

export const BookSlotBodySchema = z.object({ slotId: z.string().min(1).max(100) });

const TOKEN = /^[A-Za-z0-9_-]{40,64}$/;

export const PublicSlotSchema = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  /** Wall-clock start in the slot's own zone (the page converts to the respondent's). */
  local: z.object({ date: z.string(), time: z.string() }),
  location: z.string(),
});

export const BookingViewSchema = z.object({
  booking: z.object({
    status: z.enum(["invited", "booked", "completed", "no_show", "declined", "cancelled"]),
    surveyTitle: z.string(),
    researcherName: z.string(),
    workspaceName: z.string(),
    firstName: z.string().nullable(),
    slot: PublicSlotSchema.extend({ meetingUrl: z.string().nullable() }).nullable(),
    canBook: z.boolean(),
    canChange: z.boolean(),
  }),
  slots: z.array(PublicSlotSchema),
});

const publicSlot = (s: Pick<SlotRow, "id" | "starts_at" | "ends_at" | "time_zone" | "location">) => {
  const local = wallTimeAt(new Date(s.starts_at), s.time_zone);
  return { id: s.id, startsAt: s.starts_at, endsAt: s.ends_at, timeZone: s.time_zone, local: { date: local.date, time: local.time }, location: s.location };
};

export function bookingRoutes(deps: AppDeps) {
  const { db, clock, ids } = deps;

  const load = async (c: Context<AppEnv>): Promise<{ invitation: LoadedInvitation; token: string }> => {
    const token = c.req.param("token") ?? "";
    const invitation = TOKEN.test(token) ? await findInvitationByTokenHash(db, hashToken(token)) : undefined;
    // An erased respondent's link is dead too.
    if (!invitation || !invitation.respondent.email) throw notFound("Booking link");
    return { invitation, token };
  };

  const view = async (c: Context<AppEnv>, invitation: LoadedInvitation) => {
    const now = clock.now();
    const slots = isBookable(invitation.status) || invitation.status === "booked" ? await listBookableSlots(db, invitation.workspaceId, invitation.surveyId, now) : [];
    const held = invitation.status === "booked" ? invitation.slot : null;
    const future = held !== null && Date.parse(held.startsAt) > now.getTime();
    c.header("Cache-Control", "no-store");
    c.header("X-Robots-Tag", "noindex");
    return {
      booking: {
        status: invitation.status,
        surveyTitle: invitation.surveyTitle,
        researcherName: invitation.createdBy?.name ?? "",
        workspaceName: await workspaceName(db, invitation.workspaceId),
        firstName: invitation.respondent.name?.split(/\s+/)[0] ?? null,
        slot: held
          ? { ...publicSlot({ id: held.id, starts_at: held.startsAt, ends_at: held.endsAt, time_zone: held.timeZone, location: held.location }), meetingUrl: held.meetingUrl }
          : null,
        canBook: isBookable(invitation.status),
        canChange: invitation.status === "booked" && future,
      },
      slots: slots.map(publicSlot),
    };
  };

  /** Why a claim failed: unknown slot (404) or taken / past (409). */
  const claimFailure = async (trx: typeof db, invitation: LoadedInvitation, slotId: string, now: Date): Promise<AppError> => {
    const slot = await findRawSlot(trx, invitation.workspaceId, slotId);
    if (!slot || (slot.survey_id !== null && slot.survey_id !== invitation.surveyId)) return notFound("Slot");
    if (Date.parse(slot.starts_at) <= now.getTime()) return conflict("slot_past", "This time has already passed; pick another");
    return conflict("slot_taken", "Someone just booked this time; pick another");
  };

  const mailContext = async (c: Context<AppEnv>, invitation: LoadedInvitation, token: string, now: Date): Promise<InterviewMailContext> => {
    const origin = requestOrigin(c, deps.config);
    return { invitation, workspaceName: await workspaceName(db, invitation.workspaceId), origin, bookingUrl: `${origin}/b/${token}`, now };
  };

  const reload = async (token: string) => (await findInvitationByTokenHash(db, hashToken(token)))!;

  return new Hono<AppEnv>()
    .get("/public/bookings/:token", async (c) => {
      const { invitation } = await load(c);
      return c.json(await view(c, invitation));
    })
    .post("/public/bookings/:token", jsonBody(BookSlotBodySchema), async (c) => {
      const { invitation, token } = await load(c);
      const { slotId } = c.req.valid("json");
      const now = clock.now();
      const ctx = await mailContext(c, invitation, token, now);
      await writeTransaction(db, async (trx) => {
        const row = await lockInvitation(trx, invitation.id);
        if (!row) throw notFound("Booking link");
        if (row.status === "booked") throw conflict("already_booked", "You already have a time; reschedule it instead");
        if (!isBookable(row.status)) throw conflict("not_bookable", `This interview is ${row.status.replace("_", " ")}; it cannot be booked`);
        // A slot (and its reminder) kept from an earlier round — a no-show invited again — is let go first.
        await releaseSlotOf(trx, invitation.id);
        if (row.reminder_email_id) await cancelPendingEmail(trx, row.reminder_email_id);
        if (!(await claimSlot(trx, { slotId, workspaceId: invitation.workspaceId, surveyId: invitation.surveyId, invitationId: invitation.id, now }))) {
          throw await claimFailure(trx, invitation, slotId, now);
        }
        const slot = (await findRawSlot(trx, invitation.workspaceId, slotId))!;
        const reminderId = await queueBookedEmails(trx, ids, { ...ctx, invitation: { ...invitation, reminderEmailId: row.reminder_email_id } }, slot, {
          sequence: row.sequence,
          rescheduled: false,
        });
        await updateInvitation(trx, invitation.id, { status: "booked", booked_at: now.toISOString(), sequence: row.sequence + 1, reminder_email_id: reminderId, updated_at: now.toISOString() });
        // The end-screen offer's follow-up email with the link is moot now.
        await cancelWaitingInvitationEmails(trx, invitation.id, now);
      });
      return c.json(await view(c, await reload(token)));
    })
    .post("/public/bookings/:token/reschedule", jsonBody(BookSlotBodySchema), async (c) => {
      const { invitation, token } = await load(c);
      const { slotId } = c.req.valid("json");
      const now = clock.now();
      const ctx = await mailContext(c, invitation, token, now);
      await writeTransaction(db, async (trx) => {
        const row = await lockInvitation(trx, invitation.id);
        if (!row) throw notFound("Booking link");
        if (row.status !== "booked") throw conflict("not_booked", "There is no booked time to move; book one instead");
        const old = await releaseSlotOf(trx, invitation.id);
        if (old?.id === slotId) throw badRequest("same_slot", "That is the time you already have");
        if (old && Date.parse(old.starts_at) <= now.getTime()) throw conflict("interview_started", "This interview has already started and cannot be moved");
        if (!(await claimSlot(trx, { slotId, workspaceId: invitation.workspaceId, surveyId: invitation.surveyId, invitationId: invitation.id, now }))) {
          throw await claimFailure(trx, invitation, slotId, now);
        }
        if (row.reminder_email_id) await cancelPendingEmail(trx, row.reminder_email_id);
        const slot = (await findRawSlot(trx, invitation.workspaceId, slotId))!;
        const reminderId = await queueBookedEmails(trx, ids, ctx, slot, { sequence: row.sequence, rescheduled: true });
        await updateInvitation(trx, invitation.id, { booked_at: now.toISOString(), sequence: row.sequence + 1, reminder_email_id: reminderId, updated_at: now.toISOString() });
      });
      return c.json(await view(c, await reload(token)));
    })
    .post("/public/bookings/:token/cancel", async (c) => {
      const { invitation, token } = await load(c);
      const now = clock.now();
      const ctx = await mailContext(c, invitation, token, now);
      await writeTransaction(db, async (trx) => {
        const row = await lockInvitation(trx, invitation.id);
        if (!row) throw notFound("Booking link");
        if (row.status !== "booked") throw conflict("not_booked", "There is no booked time to cancel");
        const old = await releaseSlotOf(trx, invitation.id);
        if (old && Date.parse(old.starts_at) <= now.getTime()) throw conflict("interview_started", "This interview has already started");
        if (old) {
          await queueCancelledEmails(trx, ids, { ...ctx, invitation: { ...invitation, reminderEmailId: row.reminder_email_id } }, old, { sequence: row.sequence, by: "respondent" });
        }
        await updateInvitation(trx, invitation.id, { status: "cancelled", sequence: row.sequence + 1, reminder_email_id: null, updated_at: now.toISOString() });
      });
      return c.json(await view(c, await reload(token)));
    })
    .post("/public/bookings/:token/decline", async (c) => {
      const { invitation, token } = await load(c);
      const now = clock.now();
      await writeTransaction(db, async (trx) => {
        const row = await lockInvitation(trx, invitation.id);
        if (!row) throw notFound("Booking link");
        if (row.status === "booked") throw conflict("already_booked", "Cancel your booked time first");
        if (row.status !== "invited" && row.status !== "cancelled") throw conflict("not_declinable", `This interview is ${row.status.replace("_", " ")}`);
        await updateInvitation(trx, invitation.id, { status: "declined", updated_at: now.toISOString() });
      });
      return c.json(await view(c, await reload(token)));
    });
}
