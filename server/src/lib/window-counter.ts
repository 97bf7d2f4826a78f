/**
 * Per-instance fixed-window counters for cheap abuse limits on hot public paths. Unlike
 * login throttling (kept in the database so every instance agrees), a submit limit may be
 * approximate: with N instances a client gets at most N× the limit, and no write is spent
 * on every public save.
 */
export class WindowCounter {
  private window = -1;
  private counts = new Map<string, number>();
  constructor(private readonly windowMs: number) {}

  /** Count a hit for `key` at `now`; returns the hits in the current window, this one included. */
  hit(key: string, now: Date): number {
    const window = Math.floor(now.getTime() / this.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n;
  }
}
