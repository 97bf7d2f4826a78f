/**
 * Wall-clock time in an IANA time zone ↔ UTC instants, with nothing but `Intl`.
 * Node ships full ICU, so every zone and its DST rules are already here; a time-zone
 * library would only add bytes. A wall time that does not exist (the hour skipped when
 * clocks go forward) has no instant; one that happens twice (clocks go back) maps to the
 * earlier instant.
 */

export type WallTime = { date: string; time: string; weekday: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows. Example: `isValidTimeZone("Europe/Berlin") === true`. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === "") return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch (error) {
    // The documented way Intl says "unknown zone"; anything else is a real failure.
    if (error instanceof RangeError) return false;
    throw error;
  }
}

type Fields = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function fieldsIn(instant: number, timeZone: string): Fields {
  const out: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") out[part.type] = Number(part.value);
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute!, second: out.second! };
}

/** Minutes `timeZone` is ahead of UTC at `instant`. Example: `zoneOffsetMinutes(new Date("2026-07-01T00:00:00Z"), "Europe/Berlin") === 120`. */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  const f = fieldsIn(ms, timeZone);
  return Math.round((Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - ms) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. Example: `isoWeekday("2026-11-23") === 1`. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** The wall clock in `timeZone` at `instant`. Example: `wallTimeAt(new Date("2026-12-01T09:00:00Z"), "Europe/Berlin").time === "10:00"`. */
export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const f = fieldsIn(instant.getTime(), timeZone);
  const date = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
  return { date, time: `${pad(f.hour)}:${pad(f.minute)}`, weekday: isoWeekday(date) };
}

/**
 * The UTC instant of wall time `date` `time` (YYYY-MM-DD, HH:MM) in `timeZone`, or null when
 * that wall time is skipped by a DST change. Example: `wallTimeToUtc("2026-12-01", "10:00", "Europe/Berlin")` → 09:00Z.
 */
export function wallTimeToUtc(date: string, time: string, timeZone: string): Date | null {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset near that moment is one of at most two values (before/after a change).
  const offsets = new Set([-1, 0, 1].map((days) => zoneOffsetMinutes(new Date(naive + days * 86_400_000), timeZone)));
  const matches = [...offsets]
    .map((offset) => naive - offset * 60_000)
    .filter((t) => {
      const wall = wallTimeAt(new Date(t), timeZone);
      return wall.date === date && wall.time === time;
    })
    .sort((a, b) => a - b);
  return matches[0] === undefined ? null : new Date(matches[0]);
}
