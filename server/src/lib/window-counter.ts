/**
 * Per-instance rate counters for cheap abuse limits on hot public paths. Unlike login
 * throttling (kept in the database so every instance agrees), a submit limit may be
 * approximate: with N instances a client gets at most N× the limit, and no write is spent
 * on every public save.
 *
 * A sliding window, estimated the usual way from two fixed windows: the current window's
 * hits plus the previous window's, weighted by how much of it still lies within the last
 * `windowMs`. A plain fixed window lets a client spend its limit at the end of one window and
 * again at the start of the next: twice the limit in a moment.
 */
export class WindowCounter {
  private window = -1;
  private counts = new Map<string, number>();
  private previous = new Map<string, number>();
  constructor(private readonly windowMs: number) {}

  /** Count a hit for `key` at `now`; returns the hits within the last window, this one included. */
  hit(key: string, now: Date): number {
    const t = now.getTime();
    const window = Math.floor(t / this.windowMs);
    if (window !== this.window) {
      this.previous = window === this.window + 1 ? this.counts : new Map();
      this.counts = new Map();
      this.window = window;
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    const stillInside = 1 - (t - window * this.windowMs) / this.windowMs;
    return n + Math.floor((this.previous.get(key) ?? 0) * stillInside);
  }
}
