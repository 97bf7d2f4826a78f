/** Delay before attempt `attempts + 1`: 30 s, 1 min, 2 min … doubling, capped at 2 h. */
export function retryDelayMs(attempts: number, baseMs = 30_000, capMs = 2 * 60 * 60_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
