/**
 * When to remind a respondent of a booked interview. One reminder per booking, chosen from
 * how far ahead it was booked (or moved):
 *
 * - booked at least 36 h ahead: the day before (24 h before). Closer than that, a "tomorrow"
 *   reminder would land within hours of the confirmation and tell them nothing new;
 * - booked more than 3 h ahead: a short "starting soon" reminder 1 h before;
 * - booked within 3 h: none — the confirmation has just arrived.
 *
 * The reminder is an outbox row with `send_after` (so it survives restarts); rescheduling
 * cancels it and schedules a new one from the new time, cancelling cancels it.
 */

export type ReminderKind = "day_before" | "soon";
export type ReminderPlan = { kind: ReminderKind; at: Date };

const HOUR = 60 * 60_000;
export const DAY_BEFORE_MS = 24 * HOUR;
export const SOON_BEFORE_MS = 1 * HOUR;
/** The day-before reminder only when it comes at least this long after the booking. */
export const DAY_BEFORE_MIN_GAP_MS = 12 * HOUR;
/** Bookings made closer to the start than this get no reminder. */
export const SHORT_NOTICE_MS = 3 * HOUR;

/** Example: booked 5 h ahead → `{ kind: "soon", at: start − 1 h }`; 2 h ahead → null. */
export function planReminder(start: Date, bookedAt: Date): ReminderPlan | null {
  const lead = start.getTime() - bookedAt.getTime();
  if (lead >= DAY_BEFORE_MS + DAY_BEFORE_MIN_GAP_MS) return { kind: "day_before", at: new Date(start.getTime() - DAY_BEFORE_MS) };
  if (lead > SHORT_NOTICE_MS) return { kind: "soon", at: new Date(start.getTime() - SOON_BEFORE_MS) };
  return null;
}
