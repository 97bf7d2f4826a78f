import { describe, expect, it } from "vitest";
import { dayKey, groupByDay, timeLabel } from "./time-zones";

describe("booking times", () => {
  it("shows a slot on the respondent's own calendar day and clock", () => {
    const iso = "2026-11-25T23:30:00.000Z";
    expect(dayKey(iso, "UTC")).toBe("2026-11-25");
    expect(dayKey(iso, "Asia/Tokyo")).toBe("2026-11-26");
    expect(timeLabel(iso, "Asia/Tokyo", "en-GB")).toMatch(/^0?8:30$/);
    expect(timeLabel(iso, "America/New_York", "en-GB")).toBe("18:30");
  });

  it("groups slots by day in the chosen zone, in time order", () => {
    const slots = [{ startsAt: "2026-11-26T09:00:00.000Z" }, { startsAt: "2026-11-25T23:30:00.000Z" }, { startsAt: "2026-11-25T10:00:00.000Z" }];
    expect(groupByDay(slots, "UTC").map((g) => [g.key, g.slots.length])).toEqual([["2026-11-25", 2], ["2026-11-26", 1]]);
    expect(groupByDay(slots, "Asia/Tokyo").map((g) => [g.key, g.slots.length])).toEqual([["2026-11-25", 1], ["2026-11-26", 2]]);
  });
});
