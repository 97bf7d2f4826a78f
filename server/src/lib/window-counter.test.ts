import { describe, expect, it } from "vitest";
import { WindowCounter } from "./window-counter.js";

const t0 = Date.parse("2026-11-22T10:00:00.000Z");
const at = (ms: number) => new Date(t0 + ms);

describe("WindowCounter", () => {
  it("counts hits per key", () => {
    const counter = new WindowCounter(60_000);
    expect(counter.hit("a", at(0))).toBe(1);
    expect(counter.hit("a", at(1_000))).toBe(2);
    expect(counter.hit("b", at(2_000))).toBe(1);
  });

  it("slides: hits at the end of one window still count at the start of the next, less and less", () => {
    const counter = new WindowCounter(60_000);
    for (let i = 0; i < 100; i++) counter.hit("a", at(59_000));
    // A fixed window would say 1 here, letting 100 more through at once.
    expect(counter.hit("a", at(60_000))).toBe(101);
    expect(counter.hit("a", at(90_000))).toBe(52);
    expect(counter.hit("a", at(119_999))).toBe(3);
    // Two windows later the old hits are gone.
    expect(counter.hit("a", at(180_000))).toBe(1);
  });
});
