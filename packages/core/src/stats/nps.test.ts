import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { histogramSummary, npsSummary } from "./nps";

const npsScore = fc.integer({ min: 0, max: 10 });
const countsOf = (scores: number[]) => Array.from({ length: 11 }, (_, v) => scores.filter((s) => s === v).length);

// Definitions from Reichheld FF (2003), "The One Number You Need to Grow", Harvard Business
// Review 81(12): promoters 9–10, passives 7–8, detractors 0–6; NPS = % promoters − % detractors.
describe("npsSummary", () => {
  it("counts 9–10 as promoters, 7–8 as passives and 0–6 as detractors", () => {
    const summary = npsSummary({ scores: [0, 6, 7, 8, 9, 10, 10] });
    expect(summary.promoters.count).toBe(3);
    expect(summary.passives.count).toBe(2);
    expect(summary.detractors.count).toBe(2);
    expect(summary.n).toBe(7);
  });

  // 100 answers: 60 promoters, 25 passives, 15 detractors → 60 % − 15 % = 45.
  it("scores % promoters minus % detractors, with each group's share", () => {
    const summary = npsSummary([5, 0, 0, 0, 10, 0, 0, 5, 20, 25, 35]);
    expect(summary.score).toBeCloseTo(45, 12);
    expect(summary.promoters.share).toBeCloseTo(0.6, 12);
    expect(summary.passives.share).toBeCloseTo(0.25, 12);
    expect(summary.detractors.share).toBeCloseTo(0.15, 12);
  });

  it("ranges from −100 with only detractors to 100 with only promoters", () => {
    expect(npsSummary({ scores: [0, 3, 6] }).score).toBe(-100);
    expect(npsSummary({ scores: [9, 10] }).score).toBe(100);
    expect(npsSummary({ scores: [7, 8] }).score).toBe(0);
  });

  it("reads counts keyed by score, treating missing scores as none", () => {
    expect(npsSummary({ 10: 3, 8: 1, 2: 1 })).toEqual(npsSummary({ scores: [10, 10, 10, 8, 2] }));
  });

  it("reports n = 0 with score and shares of 0 when nobody answered", () => {
    const empty = { count: 0, share: 0 };
    expect(npsSummary({ scores: [] })).toEqual({ n: 0, promoters: empty, passives: empty, detractors: empty, score: 0 });
  });

  it("rejects scores off the 0–10 scale, negative counts and count arrays not of length 11", () => {
    expect(() => npsSummary({ scores: [11] })).toThrow(RangeError);
    expect(() => npsSummary({ scores: [7.5] })).toThrow(RangeError);
    expect(() => npsSummary([1, 2, 3])).toThrow(RangeError);
    expect(() => npsSummary([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1])).toThrow(RangeError);
  });

  it("gives the same summary from counts as from the raw scores", () => {
    fc.assert(
      fc.property(fc.array(npsScore), (scores) => {
        expect(npsSummary(countsOf(scores))).toEqual(npsSummary({ scores }));
      }),
    );
  });

  it("keeps the score within −100..100 and the shares summing to 1", () => {
    fc.assert(
      fc.property(fc.array(npsScore, { minLength: 1 }), (scores) => {
        const { score, promoters, passives, detractors } = npsSummary({ scores });
        expect(score >= -100 && score <= 100).toBe(true);
        expect(promoters.share + passives.share + detractors.share).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe("histogramSummary", () => {
  it("takes the median of an even count as the mean of the two middle observations", () => {
    // Observations 1, 1, 4, 4 → median (1 + 4) / 2.
    expect(histogramSummary([[1, 2], [4, 2]])).toEqual({ n: 4, mean: 2.5, median: 2.5, min: 1, max: 4 });
  });

  it("takes the median of an odd count as the middle observation", () => {
    // Observations 1, 2, 2, 5, 10 → median 2, mean 4.
    expect(histogramSummary(new Map([[10, 1], [2, 2], [1, 1], [5, 1]]))).toEqual({ n: 5, mean: 4, median: 2, min: 1, max: 10 });
  });

  it("adds up repeated values and ignores values counted zero times", () => {
    expect(histogramSummary([[3, 1], [0, 0], [3, 2], [9, 0]])).toEqual({ n: 3, mean: 3, median: 3, min: 3, max: 3 });
  });

  it("returns null when there are no observations", () => {
    expect(histogramSummary([])).toBeNull();
    expect(histogramSummary(new Map([[4, 0]]))).toBeNull();
  });

  it("rejects negative or fractional counts and non-finite values", () => {
    expect(() => histogramSummary([[1, -1]])).toThrow(RangeError);
    expect(() => histogramSummary([[1, 0.5]])).toThrow(RangeError);
    expect(() => histogramSummary([[Number.NaN, 1]])).toThrow(RangeError);
  });

  it("agrees with the statistics of the expanded list of observations", () => {
    const histogram = fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 20 })));
    fc.assert(
      fc.property(histogram, (pairs) => {
        const values = pairs.flatMap(([value, count]) => Array<number>(count).fill(value)).sort((a, b) => a - b);
        const summary = histogramSummary(pairs);
        if (values.length === 0) {
          expect(summary).toBeNull();
          return;
        }
        const middle = values.length / 2;
        const median = values.length % 2 === 1 ? values[Math.floor(middle)]! : (values[middle - 1]! + values[middle]!) / 2;
        expect(summary).toEqual({
          n: values.length,
          mean: expect.closeTo(values.reduce((a, b) => a + b, 0) / values.length, 10),
          median,
          min: values[0],
          max: values.at(-1),
        });
      }),
    );
  });
});
