import { describe, expect, it } from "vitest";
import { isValidTimeZone, isoWeekday, wallTimeAt, wallTimeToUtc, zoneOffsetMinutes } from "./zoned-time";

describe("zoned time", () => {
  it("knows IANA zones and rejects made-up ones", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("gives the offset in summer and winter", () => {
    expect(zoneOffsetMinutes(new Date("2026-07-01T12:00:00Z"), "Europe/Berlin")).toBe(120);
    expect(zoneOffsetMinutes(new Date("2026-12-01T12:00:00Z"), "Europe/Berlin")).toBe(60);
    expect(zoneOffsetMinutes(new Date("2026-12-01T12:00:00Z"), "Asia/Kolkata")).toBe(330);
    expect(zoneOffsetMinutes(new Date("2026-12-01T12:00:00Z"), "America/New_York")).toBe(-300);
  });

  it("turns a wall time into the UTC instant", () => {
    expect(wallTimeToUtc("2026-12-01", "10:00", "Europe/Berlin")?.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(wallTimeToUtc("2026-07-01", "10:00", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect(wallTimeToUtc("2026-12-01", "09:30", "Asia/Kolkata")?.toISOString()).toBe("2026-12-01T04:00:00.000Z");
    expect(wallTimeToUtc("2026-12-31", "23:00", "America/Los_Angeles")?.toISOString()).toBe("2027-01-01T07:00:00.000Z");
  });

  it("has no instant for a wall time skipped when clocks go forward", () => {
    expect(wallTimeToUtc("2026-03-29", "02:30", "Europe/Berlin")).toBeNull();
    expect(wallTimeToUtc("2026-03-29", "03:00", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("takes the earlier instant of a wall time that happens twice when clocks go back", () => {
    expect(wallTimeToUtc("2026-10-25", "02:30", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("reads the wall clock and weekday at an instant", () => {
    expect(wallTimeAt(new Date("2026-12-01T09:00:00Z"), "Europe/Berlin")).toEqual({ date: "2026-12-01", time: "10:00", weekday: 2 });
    expect(wallTimeAt(new Date("2026-12-01T02:00:00Z"), "America/New_York")).toEqual({ date: "2026-11-30", time: "21:00", weekday: 1 });
    expect(isoWeekday("2026-11-29")).toBe(7);
  });
});
