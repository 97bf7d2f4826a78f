// Numbers in words: percentages with their intervals, p-values, and the plain-language
// reading of a chi-square test that sits under each split question.
import type { ChiSquare } from "@sieve/core";

const pctFormat = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 });
const pct1Format = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });

/** 0.4213 → "42%"; below 1% (but not 0) one decimal, so a rare answer does not read as none. */
export function formatPct(share: number): string {
  return share > 0 && share < 0.01 ? pct1Format.format(share) : pctFormat.format(share);
}

/** "35–49%": a 95% interval as whole percentages. */
export function formatInterval(interval: { lower: number; upper: number }): string {
  const lo = Math.round(interval.lower * 100);
  const hi = Math.round(interval.upper * 100);
  return `${lo}–${hi}%`;
}

/** "p < 0.001", "p = 0.03", "p = 0.42". */
export function formatP(p: number): string {
  if (p < 0.001) return "p < 0.001";
  if (p < 0.01) return `p = ${p.toFixed(3)}`;
  return `p = ${p.toFixed(2)}`;
}

/** Effect size in words (Cohen's rough bands for Cramér's V). */
export function strength(cramersV: number): "negligible" | "weak" | "moderate" | "strong" {
  if (cramersV < 0.1) return "negligible";
  if (cramersV < 0.3) return "weak";
  if (cramersV < 0.5) return "moderate";
  return "strong";
}

export type TestReading = {
  /** "χ²(3) = 12.4, p = 0.006, Cramér's V = 0.21", or "" when no test could be run. */
  line: string;
  /** One sentence a non-statistician can act on. */
  reading: string;
  significant: boolean;
  /** Present when the test's approximation is doubtful. */
  warning?: string;
};

export const SMALL_SAMPLE_WARNING = "Fewer than 5 expected in some cells — treat as indicative.";

/**
 * Reads a chi-square test of a question split by `noun` ("segment", "channel", …).
 * `multi`: respondents could pick several options, so the counts are not independent
 * observations and the test is only approximate. `overlap`: some respondents sit in more than
 * one column (segments may overlap), which breaks the test's one-person-one-column premise too.
 */
export function describeTest(test: ChiSquare, options: { noun: string; multi: boolean; overlap?: boolean }): TestReading {
  if (test.df === 0) {
    return {
      line: "",
      reading: `Not enough answers in at least two ${options.noun} groups and two options to test for a difference.`,
      significant: false,
    };
  }
  const line = `χ²(${test.df}) = ${test.statistic.toFixed(1)}, ${formatP(test.pValue)}, Cramér's V = ${test.cramersV.toFixed(2)}`;
  const significant = test.pValue < 0.05;
  const reading = significant
    ? `Answers differ by ${options.noun}: a difference this large would be unlikely (${formatP(test.pValue)}) if ${options.noun} made no difference. The association is ${strength(test.cramersV)}.`
    : `No clear difference by ${options.noun}: differences this size could well be chance (${formatP(test.pValue)}).`;
  const warnings = [
    ...(test.smallSample ? [SMALL_SAMPLE_WARNING] : []),
    ...(options.multi ? ["Respondents could choose several options, so the test is approximate."] : []),
    ...(options.overlap ? [`Some respondents are in more than one ${options.noun}, so they are counted in several columns and the test is approximate.`] : []),
  ];
  return { line, reading, significant, ...(warnings.length ? { warning: warnings.join(" ") } : {}) };
}

/** "1 h 5 min", "4 min 20 s", "35 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "—";
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A mean or median: at most one decimal. */
export function formatStat(value: number): string {
  return decimal.format(value);
}

/** NPS score as "+32" / "−12" / "0". */
export function formatScore(score: number): string {
  const rounded = Math.round(score);
  if (rounded > 0) return `+${rounded}`;
  if (rounded < 0) return `−${Math.abs(rounded)}`;
  return "0";
}
