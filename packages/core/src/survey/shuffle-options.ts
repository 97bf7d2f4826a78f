/**
 * Deterministic shuffling for `randomize`: the same seed (say `${responseId}:${questionId}`)
 * always gives the same order, so a reload shows the respondent the order they saw.
 */

/** A 32-bit FNV-1a hash of a string, as the PRNG seed. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: tiny, fast and well distributed for shuffling a list of options. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A new array with the items in a seed-determined order. Example: `shuffleOptions(q.options, "resp-1:role")`. */
export function shuffleOptions<T>(options: readonly T[], seed: string): T[] {
  const random = mulberry32(hashString(seed));
  const pool = [...options];
  const result: T[] = [];
  // Draw from the remaining pool: uniform like Fisher–Yates, with no index juggling (lists are ≤ 100).
  while (pool.length > 0) result.push(...pool.splice(Math.floor(random() * pool.length), 1));
  return result;
}
