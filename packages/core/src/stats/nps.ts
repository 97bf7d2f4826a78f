/**
 * Summaries of numeric questions from their histograms (value → count), because the
 * server aggregates answers in SQL and never ships raw rows to the dashboard.
 *
 * Net Promoter Score (Reichheld 2003): on a 0–10 "how likely are you to recommend"
 * question, 9–10 are promoters, 7–8 passives and 0–6 detractors, and the score is
 * % promoters − % detractors, from −100 to 100.
 */

/** A valid answer on the 0–10 NPS scale. */
export type NpsScore = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/**
 * Counts of answers per score: an array of 11 counts indexed by score (what a SQL
 * `GROUP BY score` becomes), or a record keyed by score with missing scores as 0.
 */
export type NpsCounts = readonly number[] | Readonly<Partial<Record<NpsScore, number>>>;

/** A group's size and its share of all answers (0 when there are none). */
export type NpsGroup = { count: number; share: number };

/** NPS groups and the score; score and shares are 0 when n = 0, so check n before showing them. */
export type NpsSummary = { n: number; promoters: NpsGroup; passives: NpsGroup; detractors: NpsGroup; score: number };

const SCORES: readonly NpsScore[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const PROMOTER_MIN = 9;
const PASSIVE_MIN = 7;

/**
 * Summarises NPS answers from counts per score (an array is always 11 counts, never raw
 * scores, since both are number[]) or from raw scores wrapped as `{ scores }`.
 * Example: `npsSummary([1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]).score === 25`; `npsSummary({ scores: [10, 9, 8, 3] }).score === 25`.
 */
export function npsSummary(input: NpsCounts | { readonly scores: readonly number[] }): NpsSummary {
  const counts = "scores" in input ? countScores(input.scores) : countsPerScore(input);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  counts.forEach((count, score) => {
    if (score >= PROMOTER_MIN) promoters += count;
    else if (score >= PASSIVE_MIN) passives += count;
    else detractors += count;
  });
  const n = promoters + passives + detractors;
  const share = (count: number) => (n === 0 ? 0 : count / n);
  return {
    n,
    promoters: { count: promoters, share: share(promoters) },
    passives: { count: passives, share: share(passives) },
    detractors: { count: detractors, share: share(detractors) },
    score: n === 0 ? 0 : (100 * (promoters - detractors)) / n,
  };
}

// Scores and counts come from validated answers and our own SQL, so anything off the
// 0–10 scale is a bug in the caller: fail loudly rather than skew the score.
function countScores(scores: readonly number[]): number[] {
  const counts = SCORES.map(() => 0);
  for (const score of scores) {
    if (!Number.isInteger(score) || score < 0 || score > 10) {
      throw new RangeError(`npsSummary needs integer scores 0–10, got ${score}`);
    }
    counts[score]! += 1;
  }
  return counts;
}

function countsPerScore(counts: NpsCounts): number[] {
  if (Array.isArray(counts) && counts.length !== SCORES.length) {
    throw new RangeError(`npsSummary needs 11 counts (scores 0–10), got ${counts.length}`);
  }
  const byScore: Readonly<Record<number, number | undefined>> = counts;
  for (const key of Object.keys(counts)) {
    if (!/^(?:[0-9]|10)$/.test(key)) throw new RangeError(`npsSummary got a count for score ${key}, outside 0–10`);
  }
  return SCORES.map((score) => {
    const count = byScore[score] ?? 0;
    if (!(count >= 0) || !Number.isFinite(count)) {
      throw new RangeError(`npsSummary needs finite non-negative counts, got ${count} for score ${score}`);
    }
    return count;
  });
}

/** Count, mean, median and range of the observations in a histogram. */
export type HistogramSummary = { n: number; mean: number; median: number; min: number; max: number };

/**
 * Summarises a histogram given as a Map or as [value, count] pairs (repeated values add up,
 * zero counts are ignored); null when it holds no observations, since then there is no mean.
 * The median of an even number of observations is the mean of the two middle ones.
 * Example: `histogramSummary([[1, 2], [4, 2]])` → { n: 4, mean: 2.5, median: 2.5, min: 1, max: 4 }.
 */
export function histogramSummary(
  counts: ReadonlyMap<number, number> | readonly (readonly [value: number, count: number])[],
): HistogramSummary | null {
  const merged = new Map<number, number>();
  for (const [value, count] of counts) {
    // Counts are row counts from our own queries; anything else is a caller bug.
    if (!Number.isFinite(value)) throw new RangeError(`histogramSummary needs finite values, got ${value}`);
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`histogramSummary needs non-negative integer counts, got ${count} for ${value}`);
    }
    if (count > 0) merged.set(value, (merged.get(value) ?? 0) + count);
  }
  const bins = [...merged].sort(([a], [b]) => a - b);
  const first = bins[0];
  const last = bins.at(-1);
  if (first === undefined || last === undefined) return null;

  const n = bins.reduce((acc, [, count]) => acc + count, 0);
  const total = bins.reduce((acc, [value, count]) => acc + value * count, 0);
  return {
    n,
    mean: total / n,
    median: (valueAtRank(bins, Math.floor((n - 1) / 2)) + valueAtRank(bins, Math.floor(n / 2))) / 2,
    min: first[0],
    max: last[0],
  };
}

// The value of the observation at 0-based `rank` in sorted order, walking cumulative counts.
function valueAtRank(bins: readonly (readonly [number, number])[], rank: number): number {
  let seen = 0;
  for (const [value, count] of bins) {
    seen += count;
    if (rank < seen) return value;
  }
  throw new RangeError(`rank ${rank} is past the ${seen} observations`);
}
