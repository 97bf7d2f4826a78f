import { describe, expect, it } from "vitest";
import { WindowCounter } from "./window-counter.js";

describe("WindowCounter", () => {
  it("counts hits per key within a window and starts again in the next", () => {
    const counter = new WindowCounter(60_000);
    const t0 = new Date("2026-11-22T10:00:00.000Z");
    expect(counter.hit("a", t0)).toBe(1);
    expect(counter.hit("a", t0)).toBe(2);
    expect(counter.hit("b", t0)).toBe(1);
    expect(counter.hit("a", new Date(t0.getTime() + 60_000))).toBe(1);
  });
});
