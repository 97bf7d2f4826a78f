import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createRandom, hashString, hashUnit } from "./random";

describe("createRandom", () => {
  it("repeats its sequence for the same seed", () => {
    const a = createRandom("seed");
    const b = createRandom("seed");
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
  });

  it("treats a number seed like its string form", () => {
    expect(createRandom(7).next()).toBe(createRandom("7").next());
  });

  it("keeps draws inside their ranges", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), (seed, min, width) => {
        const random = createRandom(seed);
        const u = random.next();
        const n = random.int(min, min + width);
        const e = random.exponential(3);
        expect(u >= 0 && u < 1).toBe(true);
        expect(Number.isInteger(n) && n >= min && n <= min + width).toBe(true);
        expect(e >= 0 && Number.isFinite(e)).toBe(true);
        expect(Number.isFinite(random.normal(0, 1))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("draws weighted indexes in proportion and never picks a zero weight", () => {
    const random = createRandom(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[random.weighted([3, 0, 1])]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[0]! / counts[2]!).toBeGreaterThan(2.5);
    expect(counts[0]! / counts[2]!).toBeLessThan(3.5);
  });

  it("falls back to uniform when every weight is zero", () => {
    const random = createRandom(2);
    const seen = new Set(Array.from({ length: 200 }, () => random.weighted([0, 0, 0, 0])));
    expect(seen).toEqual(new Set([0, 1, 2, 3]));
  });
});

describe("hashString and hashUnit", () => {
  it("are stable and spread", () => {
    expect(hashString("abc")).toBe(hashString("abc"));
    expect(hashString("abc")).not.toBe(hashString("abd"));
    const units = Array.from({ length: 1000 }, (_, i) => hashUnit(`k${i}`));
    expect(units.every((u) => u >= 0 && u < 1)).toBe(true);
    const mean = units.reduce((s, u) => s + u, 0) / units.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
});
