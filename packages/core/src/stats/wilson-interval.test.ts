import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalQuantile } from "./normal-quantile";
import { wilsonInterval } from "./wilson-interval";

const countAndN = fc
  .integer({ min: 1, max: 100_000 })
  .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99, 0.999);

describe("wilsonInterval", () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion:
  // comparison of seven methods", Stat Med 17:857–872, Table II, method 3 (score, no
  // continuity correction), examples (a)–(e), printed to 4 decimals.
  it("reproduces Newcombe's published 95 % score intervals", () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
      [29, 29, 0.883, 1],
    ];
    for (const [x, n, lower, upper] of cases) {
      const interval = wilsonInterval(x, n);
      expect(interval.lower).toBeCloseTo(lower, 4);
      expect(interval.upper).toBeCloseTo(upper, 4);
    }
  });

  it("estimates the observed proportion", () => {
    expect(wilsonInterval(81, 263).estimate).toBe(81 / 263);
  });

  it("returns estimate 0 and the whole of [0, 1] when n = 0", () => {
    expect(wilsonInterval(0, 0)).toEqual({ estimate: 0, lower: 0, upper: 1 });
  });

  it("has a lower bound of exactly 0 with no successes and an upper bound of exactly 1 with all", () => {
    expect(wilsonInterval(0, 7).lower).toBe(0);
    expect(wilsonInterval(7, 7).upper).toBe(1);
  });

  it("rejects impossible counts and confidence levels", () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 1)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 95)).toThrow(RangeError);
  });

  it("stays within [0, 1] and contains the estimate", () => {
    fc.assert(
      fc.property(countAndN, level, ([x, n], confidence) => {
        const { estimate, lower, upper } = wilsonInterval(x, n, confidence);
        expect(0 <= lower && lower <= estimate && estimate <= upper && upper <= 1).toBe(true);
      }),
    );
  });

  // Wilson (1927) defines the bounds as the p where the score statistic equals ±z:
  // (p̂ − p)² = z² p(1 − p) / n.
  it("puts each bound where the score test statistic equals the critical value", () => {
    fc.assert(
      fc.property(countAndN, level, ([x, n], confidence) => {
        const z = normalQuantile(1 - (1 - confidence) / 2);
        const p = x / n;
        const { lower, upper } = wilsonInterval(x, n, confidence);
        for (const bound of [lower, upper]) {
          expect((p - bound) ** 2).toBeCloseTo((z * z * bound * (1 - bound)) / n, 12);
        }
      }),
    );
  });

  it("mirrors successes and failures", () => {
    fc.assert(
      fc.property(countAndN, ([x, n]) => {
        const a = wilsonInterval(x, n);
        const b = wilsonInterval(n - x, n);
        expect(a.lower).toBeCloseTo(1 - b.upper, 12);
        expect(a.upper).toBeCloseTo(1 - b.lower, 12);
      }),
    );
  });

  it("widens as the confidence level rises from 90 to 95 to 99 %", () => {
    fc.assert(
      fc.property(countAndN, ([x, n]) => {
        const [i90, i95, i99] = [0.9, 0.95, 0.99].map((c) => wilsonInterval(x, n, c));
        expect(i99!.lower <= i95!.lower && i95!.lower <= i90!.lower).toBe(true);
        expect(i90!.upper <= i95!.upper && i95!.upper <= i99!.upper).toBe(true);
      }),
    );
  });
});
