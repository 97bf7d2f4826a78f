/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made one
 * after another sort one after another, so a B-tree keyed by them grows at its right edge
 * instead of touching a random page per insert: with random (v4) ids every saved response
 * dirtied a handful of scattered index pages that each commit had to write out.
 *
 * `random` supplies the randomness (16 bytes; the first 6 are replaced by the time), so this
 * stays pure: the server passes crypto bytes, the browser getRandomValues.
 */
export function uuidV7(ms: number, random: Uint8Array): string {
  const bytes = random.slice(0, 16);
  let t = Math.max(0, Math.floor(ms));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  let hex = "";
  for (const byte of bytes) hex += (byte < 16 ? "0" : "") + byte.toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
