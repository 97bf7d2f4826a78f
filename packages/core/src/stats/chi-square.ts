/**
 * Pearson's chi-square test of independence for an r × c contingency table, as the
 * results dashboard shows it for a cross-tab of two choice questions.
 */
import { regularizedGammaQ } from "./regularized-gamma";

/** The outcome of a chi-square test of independence. */
export type ChiSquareResult = {
  /** Pearson's X² = Σ (observed − expected)² / expected. */
  statistic: number;
  /** Degrees of freedom (r − 1)(c − 1) of the table after empty rows/columns are dropped. */
  df: number;
  /** P(χ²_df ≥ statistic) under independence. */
  pValue: number;
  /** The smallest expected count; 0 when no test could be run. */
  expectedMin: number;
  /** Whether any expected count is below 5, the classic rule for when the χ² approximation is doubtful. */
  smallSample: boolean;
  /** Cramér's V = √(X² / (N · (min(r, c) − 1))), an effect size from 0 (independent) to 1. */
  cramersV: number;
};

const SMALL_EXPECTED = 5;

/**
 * The upper tail P(χ²_df ≥ x) of the chi-square distribution, as Q(df/2, x/2).
 * Example: `chiSquareSurvival(3.841458820694124, 1) ≈ 0.05`.
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chiSquareSurvival needs df > 0, got ${df}`);
  if (!(x >= 0)) throw new RangeError(`chiSquareSurvival needs x ≥ 0, got ${x}`);
  return regularizedGammaQ(df / 2, x / 2);
}

/**
 * Pearson's chi-square test of independence (no continuity correction, as R's
 * `chisq.test(correct = FALSE)`) on a table of non-negative counts, rows × columns.
 * Tables with fewer than two non-empty rows or columns return statistic 0, df 0, pValue 1.
 * Example: `chiSquareTest([[762, 327, 468], [484, 239, 477]])` → statistic ≈ 30.07, df 2, pValue ≈ 2.95e-7.
 */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareResult {
  checkTable(table);
  // An all-zero row or column (an option nobody chose, a segment with no responses)
  // has expected counts of 0, so it would divide 0 by 0 and inflate df without
  // carrying any information; the test is about the categories that occurred.
  const rows = table.filter((row) => row.some((count) => count > 0));
  const columnCount = table[0]?.length ?? 0;
  const keptColumns = range(columnCount).filter((j) => rows.some((row) => row[j]! > 0));
  const observed = rows.map((row) => keptColumns.map((j) => row[j]!));

  const r = observed.length;
  const c = keptColumns.length;
  if (r < 2 || c < 2) {
    return { statistic: 0, df: 0, pValue: 1, expectedMin: 0, smallSample: true, cramersV: 0 };
  }

  const rowTotals = observed.map(sum);
  const columnTotals = range(c).map((j) => sum(observed.map((row) => row[j]!)));
  const total = sum(rowTotals);

  let statistic = 0;
  let expectedMin = Infinity;
  observed.forEach((row, i) => {
    row.forEach((count, j) => {
      const expected = (rowTotals[i]! * columnTotals[j]!) / total;
      statistic += (count - expected) ** 2 / expected;
      expectedMin = Math.min(expectedMin, expected);
    });
  });

  const df = (r - 1) * (c - 1);
  return {
    statistic,
    df,
    pValue: chiSquareSurvival(statistic, df),
    expectedMin,
    smallSample: expectedMin < SMALL_EXPECTED,
    // Clamped because rounding can nudge X² a hair past its bound N·(min(r,c) − 1).
    cramersV: Math.min(1, Math.sqrt(statistic / (total * (Math.min(r, c) - 1)))),
  };
}

// Tables come from our own SQL aggregates, so a ragged or negative table is a bug in
// the caller rather than respondent input; fail loudly instead of returning a result.
function checkTable(table: readonly (readonly number[])[]): void {
  const width = table[0]?.length ?? 0;
  for (const row of table) {
    if (row.length !== width) throw new RangeError("chiSquareTest needs a rectangular table");
    for (const count of row) {
      if (!(count >= 0) || !Number.isFinite(count)) {
        throw new RangeError(`chiSquareTest needs finite non-negative counts, got ${count}`);
      }
    }
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, v) => acc + v, 0);
}
