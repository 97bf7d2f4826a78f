/**
 * A small seeded random source for demo data: the same seed always gives the same
 * sequence, so demo responses are reproducible and tests can pin them. Never used for
 * anything secret.
 */

/** A 32-bit FNV-1a hash. Example: `hashString("r-ux")`. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A stable number in [0, 1) for a string: for traits that must not depend on the seed (option popularity). */
export function hashUnit(text: string): number {
  // One mulberry32 step spreads FNV's weak low bits.
  return mulberry32(hashString(text))();
}

/** mulberry32: a tiny generator with a 32-bit state, plenty for demo data. */
function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded draws. Example: `const random = createRandom("demo:1"); random.chance(0.15)`. */
export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One item, uniformly. The list must not be empty. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn in proportion to non-negative weights (uniform when they sum to 0). */
  weighted(weights: readonly number[]): number;
  /** A normal draw (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** An exponential draw with this mean. */
  exponential(mean: number): number;
};

/** A seeded random source. Example: `createRandom(42).int(1, 6)`. */
export function createRandom(seed: string | number): Random {
  const next = mulberry32(hashString(String(seed)));
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError("pick() needs a non-empty list");
      return item;
    },
    weighted: (weights) => {
      const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
      if (total <= 0) return Math.floor(next() * weights.length);
      let target = next() * total;
      for (let i = 0; i < weights.length; i++) {
        target -= Math.max(0, weights[i] ?? 0);
        if (target < 0) return i;
      }
      return weights.length - 1;
    },
    normal: (mean, sd) => {
      const u = 1 - next(); // (0, 1]: log(0) would be -Infinity
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
  };
  return random;
}
