import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalQuantile } from "./normal-quantile";
import { regularizedGammaQ } from "./regularized-gamma";

describe("normalQuantile", () => {
  // Two-sided critical values as tabulated in Abramowitz & Stegun (1964), Table 26.5,
  // to the 10 significant digits given there.
  it("matches the tabulated critical values for 90, 95, 99 and 99.8 % confidence", () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.644853627, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 9);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829304, 9);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306, 9);
  });

  // Wichura (1988) designed AS 241 for ~1e-16 relative accuracy right out to p ≈ 1e-300.
  it("stays accurate deep in the tails", () => {
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902, 9);
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.0471, 4);
  });

  it("is 0 at the median and ±Infinity at p = 0 and p = 1", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it("rejects probabilities outside [0, 1]", () => {
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(1.1)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });

  // Drawing q ≥ ½ makes 1 − q exact in floating point, so both sides see the same point.
  it("is antisymmetric about p = 1/2", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, maxExcluded: true, noNaN: true }), (q) => {
        const z = normalQuantile(q);
        expect(Math.abs(z + normalQuantile(1 - q))).toBeLessThanOrEqual(1e-14 * Math.max(1, z));
      }),
    );
  });

  // Φ(z) = ½·erfc(−z/√2) = ½·Q(½, z²/2) for z < 0, so the incomplete gamma function is an
  // independent check that the quantile inverts the CDF.
  it("inverts the normal CDF", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.4999, noNaN: true }), (p) => {
        const z = normalQuantile(p);
        expect(Math.abs(0.5 * regularizedGammaQ(0.5, (z * z) / 2) - p) / p).toBeLessThan(1e-12);
      }),
    );
  });
});
