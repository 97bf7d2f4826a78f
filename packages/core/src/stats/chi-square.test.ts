import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chiSquareSurvival, chiSquareTest } from "./chi-square";

const count = fc.integer({ min: 0, max: 500 });
// r × c tables with every row and column non-empty, so no reduction changes their shape.
const fullTable = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }))
  .chain(([r, c]) => fc.array(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
const anyTable = fc
  .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }))
  .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

const transpose = (table: number[][]) => (table[0] ?? []).map((_, j) => table.map((row) => row[j]!));

describe("chiSquareSurvival", () => {
  // Upper 5 % points of χ² (NIST/SEMATECH e-Handbook §1.3.6.7.4, to 3 decimals):
  // 3.841 (df 1), 5.991 (df 2), 18.307 (df 10).
  it("gives 5 % at the tabulated critical values", () => {
    expect(chiSquareSurvival(3.841, 1)).toBeCloseTo(0.05, 4);
    expect(chiSquareSurvival(5.991, 2)).toBeCloseTo(0.05, 4);
    expect(chiSquareSurvival(18.307, 10)).toBeCloseTo(0.05, 5);
  });

  // χ²₁ is Z², so its upper 5 % and 1 % points are the squared normal quantiles
  // 1.959963984540054² and 2.5758293035489004².
  it("gives 5 % and 1 % at the squared normal critical values for df = 1, to 1e-10", () => {
    expect(Math.abs(chiSquareSurvival(1.959963984540054 ** 2, 1) - 0.05)).toBeLessThan(1e-10);
    expect(Math.abs(chiSquareSurvival(2.5758293035489004 ** 2, 1) - 0.01)).toBeLessThan(1e-10);
  });

  // For even df = 2k, P(χ² > x) = e^(−x/2) Σ_{j<k} (x/2)^j / j! exactly.
  it("matches the closed form for even degrees of freedom", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 200, noNaN: true }), (k, x) => {
        let term = 1;
        let sum = 1;
        for (let j = 1; j < k; j++) sum += term *= x / 2 / j;
        const exact = Math.exp(-x / 2) * sum;
        expect(Math.abs(chiSquareSurvival(x, 2 * k) - exact)).toBeLessThan(1e-10 * Math.max(exact, 1e-300) + 1e-300);
      }),
    );
  });
});

describe("chiSquareTest", () => {
  // Agresti (2007), An Introduction to Categorical Data Analysis, 2nd ed., p. 39: gender ×
  // party identification. R's ?chisq.test runs this table: X-squared = 30.07, df = 2,
  // p-value = 2.954e-07.
  it("reproduces R's chisq.test on Agresti's party identification table", () => {
    const result = chiSquareTest([
      [762, 327, 468],
      [484, 239, 477],
    ]);
    expect(result.statistic).toBeCloseTo(30.07, 2);
    expect(result.df).toBe(2);
    expect(result.pValue).toBeCloseTo(2.954e-7, 10);
    expect(result.smallSample).toBe(false);
  });

  // Physicians' Health Study, aspirin vs placebo × myocardial infarction (Agresti 2007,
  // ch. 2): chisq.test(matrix(c(189, 104, 10845, 10933), 2), correct = FALSE) gives
  // X-squared = 25.014, df = 1, p-value = 5.692e-07.
  it("reproduces R's uncorrected chisq.test on the aspirin 2 × 2 table", () => {
    const result = chiSquareTest([
      [189, 10845],
      [104, 10933],
    ]);
    expect(result.statistic).toBeCloseTo(25.014, 3);
    expect(result.df).toBe(1);
    expect(result.pValue).toBeCloseTo(5.692e-7, 10);
  });

  it("ignores rows and columns with no counts, in statistic and in df", () => {
    const table = [
      [10, 20],
      [30, 40],
    ];
    const padded = [
      [10, 0, 20],
      [0, 0, 0],
      [30, 0, 40],
    ];
    expect(chiSquareTest(padded)).toEqual(chiSquareTest(table));
  });

  it("returns no evidence (statistic 0, df 0, p 1, small sample) for fewer than two non-empty rows or columns", () => {
    const none = { statistic: 0, df: 0, pValue: 1, expectedMin: 0, smallSample: true, cramersV: 0 };
    expect(chiSquareTest([])).toEqual(none);
    expect(chiSquareTest([[5, 7, 9]])).toEqual(none);
    expect(chiSquareTest([[5, 0], [7, 0]])).toEqual(none);
    expect(chiSquareTest([[0, 0], [0, 0]])).toEqual(none);
  });

  it("flags a small sample when any expected count is below 5, reporting the smallest", () => {
    const small = chiSquareTest([
      [3, 1],
      [1, 3],
    ]);
    expect(small.expectedMin).toBe(2);
    expect(small.smallSample).toBe(true);
    const large = chiSquareTest([
      [762, 327, 468],
      [484, 239, 477],
    ]);
    expect(large.expectedMin).toBeCloseTo((1200 * 566) / 2757, 10);
    expect(large.smallSample).toBe(false);
  });

  it("gives Cramér's V of 1 for a perfect association", () => {
    expect(chiSquareTest([[10, 0], [0, 10]]).cramersV).toBeCloseTo(1, 12);
    expect(chiSquareTest([[4, 0, 0], [0, 9, 0], [0, 0, 2]]).cramersV).toBeCloseTo(1, 12);
  });

  it("rejects ragged tables and negative counts", () => {
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(RangeError);
    expect(() => chiSquareTest([[1, -2], [3, 4]])).toThrow(RangeError);
  });

  // For 2 × 2, X² = N(ad − bc)² / (r₁r₂c₁c₂) and V = |φ| = |ad − bc| / √(r₁r₂c₁c₂).
  it("matches the shortcut formula and φ for 2 × 2 tables", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (a, b, c, d) => {
        const margins = (a + b) * (c + d) * (a + c) * (b + d);
        const result = chiSquareTest([[a, b], [c, d]]);
        const expected = ((a + b + c + d) * (a * d - b * c) ** 2) / margins;
        expect(result.statistic).toBeCloseTo(expected, 8);
        expect(result.cramersV).toBeCloseTo(Math.abs(a * d - b * c) / Math.sqrt(margins), 12);
      }),
    );
  });

  it("gives p-values and Cramér's V within [0, 1]", () => {
    fc.assert(
      fc.property(anyTable, (table) => {
        const { pValue, cramersV } = chiSquareTest(table);
        expect(pValue >= 0 && pValue <= 1).toBe(true);
        expect(cramersV >= 0 && cramersV <= 1).toBe(true);
      }),
    );
  });

  it("finds no association when every row is a multiple of the same profile", () => {
    const profile = fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 2, maxLength: 6 });
    const multiples = fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(profile, multiples, (base, factors) => {
        const result = chiSquareTest(factors.map((k) => base.map((v) => k * v)));
        expect(result.statistic).toBeCloseTo(0, 9);
        expect(result.pValue).toBeCloseTo(1, 9);
        expect(result.cramersV).toBeCloseTo(0, 4);
      }),
    );
  });

  it("is symmetric under transposition", () => {
    fc.assert(
      fc.property(fullTable, (table) => {
        const a = chiSquareTest(table);
        const b = chiSquareTest(transpose(table));
        expect(b.df).toBe(a.df);
        expect(b.statistic).toBeCloseTo(a.statistic, 8);
        expect(b.pValue).toBeCloseTo(a.pValue, 10);
        expect(b.expectedMin).toBeCloseTo(a.expectedMin, 9);
        expect(b.smallSample).toBe(a.smallSample);
        expect(b.cramersV).toBeCloseTo(a.cramersV, 10);
      }),
    );
  });
});
