/**
 * Interview slots a researcher offers: one slot, or a weekly pattern over a date range
 * (weekdays, a daily window, slot length and a buffer between slots) in one IANA time zone.
 * Slots keep their real length across DST changes; a start time skipped by a DST change
 * produces no slot.
 */
import { isValidTimeZone, isoWeekday, wallTimeToUtc } from "../calendar/zoned-time";
import { fail, issue, ok, type Issue, type Result } from "../result";

export type SlotTime = { start: Date; end: Date };

export type SingleSlotInput = { date: string; time: string; durationMinutes: number; timeZone: string };

export type WeeklyPattern = {
  from: string;
  to: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  startTime: string;
  endTime: string;
  durationMinutes: number;
  bufferMinutes: number;
  timeZone: string;
};

export const MAX_SLOTS_PER_PATTERN = 500;
const MAX_RANGE_DAYS = 366;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const realDate = (date: string) => DATE.test(date) && dateOf(dayNumber(date)) === date;

function commonIssues(timeZone: string, durationMinutes: number): Issue[] {
  const issues: Issue[] = [];
  if (!isValidTimeZone(timeZone)) issues.push(issue(["timeZone"], "invalid_time_zone", `"${timeZone}" is not a known IANA time zone`));
  if (!Number.isInteger(durationMinutes) || durationMinutes < 5 || durationMinutes > 480) {
    issues.push(issue(["durationMinutes"], "invalid_duration", "A slot lasts 5 to 480 minutes"));
  }
  return issues;
}

/** One slot at local `date` `time` in `timeZone`. Example: `singleSlot({ date: "2026-12-01", time: "10:00", durationMinutes: 45, timeZone: "Europe/Berlin" })`. */
export function singleSlot(input: SingleSlotInput): Result<SlotTime> {
  const issues = commonIssues(input.timeZone, input.durationMinutes);
  if (!realDate(input.date)) issues.push(issue(["date"], "invalid_date", "Use a real date as YYYY-MM-DD"));
  if (!TIME.test(input.time)) issues.push(issue(["time"], "invalid_time", "Use a time as HH:MM (24-hour)"));
  if (issues.length) return fail(issues);
  const start = wallTimeToUtc(input.date, input.time, input.timeZone);
  if (!start) return fail([issue(["time"], "nonexistent_time", `${input.date} ${input.time} does not exist in ${input.timeZone} (clocks go forward)`)]);
  return ok({ start, end: new Date(start.getTime() + input.durationMinutes * 60_000) });
}

/**
 * Every slot of a weekly pattern, in time order. Example: Mondays and Wednesdays in December,
 * 09:00–12:00, 45 minutes + 15 minutes buffer → 09:00, 10:00, 11:00 on each of those days.
 */
export function expandWeeklyPattern(p: WeeklyPattern, limit = MAX_SLOTS_PER_PATTERN): Result<SlotTime[]> {
  const issues = commonIssues(p.timeZone, p.durationMinutes);
  if (!realDate(p.from)) issues.push(issue(["from"], "invalid_date", "Use a real date as YYYY-MM-DD"));
  if (!realDate(p.to)) issues.push(issue(["to"], "invalid_date", "Use a real date as YYYY-MM-DD"));
  if (realDate(p.from) && realDate(p.to)) {
    const days = dayNumber(p.to) - dayNumber(p.from);
    if (days < 0) issues.push(issue(["to"], "range_reversed", "The range ends before it starts"));
    else if (days >= MAX_RANGE_DAYS) issues.push(issue(["to"], "range_too_long", `A pattern covers at most ${MAX_RANGE_DAYS} days`));
  }
  if (p.weekdays.length === 0 || p.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    issues.push(issue(["weekdays"], "invalid_weekdays", "Pick weekdays as 1 (Monday) to 7 (Sunday)"));
  }
  if (!TIME.test(p.startTime)) issues.push(issue(["startTime"], "invalid_time", "Use a time as HH:MM (24-hour)"));
  if (!TIME.test(p.endTime)) issues.push(issue(["endTime"], "invalid_time", "Use a time as HH:MM (24-hour)"));
  else if (TIME.test(p.startTime) && minutesOf(p.endTime) - minutesOf(p.startTime) < p.durationMinutes) {
    issues.push(issue(["endTime"], "window_too_short", "The daily window must fit at least one slot"));
  }
  if (!Number.isInteger(p.bufferMinutes) || p.bufferMinutes < 0 || p.bufferMinutes > 240) {
    issues.push(issue(["bufferMinutes"], "invalid_buffer", "A buffer is 0 to 240 minutes"));
  }
  if (issues.length) return fail(issues);

  const weekdays = new Set(p.weekdays);
  const slots: SlotTime[] = [];
  const last = minutesOf(p.endTime) - p.durationMinutes;
  for (let day = dayNumber(p.from); day <= dayNumber(p.to); day++) {
    const date = dateOf(day);
    if (!weekdays.has(isoWeekday(date))) continue;
    for (let m = minutesOf(p.startTime); m <= last; m += p.durationMinutes + p.bufferMinutes) {
      const start = wallTimeToUtc(date, timeOf(m), p.timeZone);
      if (!start) continue;
      slots.push({ start, end: new Date(start.getTime() + p.durationMinutes * 60_000) });
      if (slots.length > limit) return fail([issue([], "too_many_slots", `A pattern makes at most ${limit} slots; shorten the range or widen the spacing`)]);
    }
  }
  if (slots.length === 0) return fail([issue(["weekdays"], "no_slots", "No day in the range falls on the chosen weekdays")]);
  return ok(slots);
}
