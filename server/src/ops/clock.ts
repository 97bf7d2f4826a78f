import { randomBytes } from "node:crypto";
import { uuidV7 } from "@sieve/core";

/** Time and ids come through these so tests can be deterministic. */
export type Clock = { now(): Date };
export type IdGenerator = { newId(): string };

export const systemClock: Clock = { now: () => new Date() };
// Random bytes drawn 4 KB at a time: one system call per 256 ids.
let pool = Buffer.alloc(0);
let offset = 0;
function random16(): Uint8Array {
  if (offset + 16 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  return pool.subarray(offset, (offset += 16));
}

/** Time-ordered UUIDs (v7), so new rows land at the end of their primary-key index. */
export const uuidIds: IdGenerator = { newId: () => uuidV7(Date.now(), random16()) };
