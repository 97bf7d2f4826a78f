import { describe, expect, it } from "vitest";
import { expandWeeklyPattern, singleSlot, type WeeklyPattern } from "./slot-pattern";

const base: WeeklyPattern = {
  from: "2026-11-30",
  to: "2026-12-06",
  weekdays: [1, 3],
  startTime: "09:00",
  endTime: "12:00",
  durationMinutes: 45,
  bufferMinutes: 15,
  timeZone: "Europe/Berlin",
};
const iso = (r: ReturnType<typeof expandWeeklyPattern>) => (r.ok ? r.value.map((s) => s.start.toISOString()) : r.issues);

describe("slot patterns", () => {
  it("makes one slot at a local time in its zone", () => {
    const r = singleSlot({ date: "2026-12-01", time: "10:00", durationMinutes: 30, timeZone: "America/New_York" });
    expect(r).toEqual({ ok: true, value: { start: new Date("2026-12-01T15:00:00Z"), end: new Date("2026-12-01T15:30:00Z") } });
  });

  it("expands weekdays × a daily window with duration and buffer", () => {
    expect(iso(expandWeeklyPattern(base))).toEqual([
      "2026-11-30T08:00:00.000Z", "2026-11-30T09:00:00.000Z", "2026-11-30T10:00:00.000Z",
      "2026-12-02T08:00:00.000Z", "2026-12-02T09:00:00.000Z", "2026-12-02T10:00:00.000Z",
    ]);
  });

  it("keeps local times across a DST change and skips times that do not exist", () => {
    const r = expandWeeklyPattern({ ...base, from: "2026-03-28", to: "2026-03-29", weekdays: [6, 7], startTime: "02:00", endTime: "04:00", durationMinutes: 60, bufferMinutes: 0 });
    // Saturday 02:00 and 03:00 CET; Sunday 02:00 does not exist, 03:00 is CEST.
    expect(iso(r)).toEqual(["2026-03-28T01:00:00.000Z", "2026-03-28T02:00:00.000Z", "2026-03-29T01:00:00.000Z"]);
  });

  it("reports every bad field at once", () => {
    const r = expandWeeklyPattern({ ...base, from: "2026-02-30", to: "x", weekdays: [0], startTime: "9am", endTime: "12:00", durationMinutes: 2, bufferMinutes: -1, timeZone: "Nowhere/City" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path[0]).sort()).toEqual(["bufferMinutes", "durationMinutes", "from", "startTime", "timeZone", "to", "weekdays"]);
  });

  it("refuses reversed or over-long ranges and patterns with too many slots", () => {
    const reversed = expandWeeklyPattern({ ...base, from: "2026-12-06", to: "2026-11-30" });
    expect(!reversed.ok && reversed.issues[0]!.code).toBe("range_reversed");
    const long = expandWeeklyPattern({ ...base, to: "2028-01-01" });
    expect(!long.ok && long.issues[0]!.code).toBe("range_too_long");
    const many = expandWeeklyPattern({ ...base, to: "2027-11-01", weekdays: [1, 2, 3, 4, 5], startTime: "08:00", endTime: "18:00", durationMinutes: 30, bufferMinutes: 0 });
    expect(!many.ok && many.issues[0]!.code).toBe("too_many_slots");
  });

  it("needs a window that fits a slot and a day in range", () => {
    const short = expandWeeklyPattern({ ...base, endTime: "09:30" });
    expect(!short.ok && short.issues[0]!.code).toBe("window_too_short");
    const none = expandWeeklyPattern({ ...base, from: "2026-12-01", to: "2026-12-01", weekdays: [1] });
    expect(!none.ok && none.issues[0]!.code).toBe("no_slots");
  });
});
