import { describe, expect, it } from "vitest";
import { planReminder } from "./reminder-schedule.js";

const start = new Date("2026-11-30T15:00:00.000Z");
const hoursBefore = (h: number) => new Date(start.getTime() - h * 3_600_000);

describe("planReminder", () => {
  it("reminds the day before when the booking was made days ahead", () => {
    expect(planReminder(start, hoursBefore(4 * 24))).toEqual({ kind: "day_before", at: new Date("2026-11-29T15:00:00.000Z") });
  });

  it("keeps the day-before reminder only when it comes at least 12 h after booking", () => {
    expect(planReminder(start, hoursBefore(36))?.kind).toBe("day_before");
    expect(planReminder(start, hoursBefore(35.9))).toEqual({ kind: "soon", at: new Date("2026-11-30T14:00:00.000Z") });
    expect(planReminder(start, hoursBefore(25))?.kind).toBe("soon");
  });

  it("sends a short reminder 1 h before for bookings made a few hours ahead", () => {
    expect(planReminder(start, hoursBefore(5))).toEqual({ kind: "soon", at: new Date("2026-11-30T14:00:00.000Z") });
    expect(planReminder(start, hoursBefore(3.01))?.kind).toBe("soon");
  });

  it("sends nothing when the interview is imminent (3 h or less) or already started", () => {
    expect(planReminder(start, hoursBefore(3))).toBeNull();
    expect(planReminder(start, hoursBefore(0.5))).toBeNull();
    expect(planReminder(start, hoursBefore(-1))).toBeNull();
  });
});
