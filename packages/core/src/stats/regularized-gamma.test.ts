import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logGamma, regularizedGammaP, regularizedGammaQ } from "./regularized-gamma";

// Q(n, x) = e^(−x) Σ_{k<n} x^k / k! for integer n: the Poisson tail, exact in closed form.
function poissonTail(n: number, x: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < n; k++) {
    term *= x / k;
    sum += term;
  }
  return Math.exp(-x) * sum;
}

describe("logGamma", () => {
  it("gives ln √π at 1/2 and ln (n − 1)! at integers", () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14);
    expect(logGamma(21)).toBeCloseTo(Math.log(2432902008176640000), 12);
  });
});

describe("regularizedGammaQ", () => {
  // Q(½, x) = erfc(√x); erf(1) = 0.8427007929497149 and erf(2) = 0.9953222650189527
  // (Abramowitz & Stegun 1964, Table 7.1).
  it("equals erfc(√x) for a = 1/2", () => {
    expect(regularizedGammaQ(0.5, 1)).toBeCloseTo(1 - 0.8427007929497149, 14);
    expect(regularizedGammaQ(0.5, 4)).toBeCloseTo(1 - 0.9953222650189527, 15);
  });

  it("equals the Poisson tail for integer a, in both the series and the continued-fraction regions", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 1e-6, max: 150, noNaN: true }), (a, x) => {
        const exact = poissonTail(a, x);
        expect(Math.abs(regularizedGammaQ(a, x) - exact) / exact).toBeLessThan(1e-10);
      }),
    );
  });

  it("is the complement of P", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 500, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), (a, x) => {
        expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 12);
      }),
    );
  });

  // The method switches from series to continued fraction at x = a + 1; both must agree there.
  it("is continuous where it switches method at x = a + 1", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 2000, noNaN: true }), (a) => {
        const below = regularizedGammaQ(a, a + 1 - 1e-9);
        const above = regularizedGammaQ(a, a + 1);
        expect(Math.abs(below - above)).toBeLessThan(1e-9);
      }),
    );
  });

  it("is 1 at x = 0 and 0 at x = ∞", () => {
    expect(regularizedGammaQ(3, 0)).toBe(1);
    expect(regularizedGammaQ(3, Infinity)).toBe(0);
    expect(regularizedGammaP(3, 0)).toBe(0);
  });

  it("rejects a ≤ 0 and negative x", () => {
    expect(() => regularizedGammaQ(0, 1)).toThrow(RangeError);
    expect(() => regularizedGammaQ(1, -1)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow(RangeError);
  });
});
