import { randomBytes } from "node:crypto";

// No 0/o/1/l/i: slugs get read aloud and copied from screenshots.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A random, unguessable public code of `length` characters (~4.9 bits each). */
export function randomCode(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = "";
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    const b = bytes[i]!;
    // Reject bytes past the largest multiple of the alphabet size to avoid bias.
    if (b < 256 - (256 % ALPHABET.length)) out += ALPHABET[b % ALPHABET.length];
  }
  return out.length === length ? out : randomCode(length);
}

/** A slug: 12 characters ≈ 59 bits, so published surveys cannot be enumerated. */
export const newSlug = () => randomCode(12);
