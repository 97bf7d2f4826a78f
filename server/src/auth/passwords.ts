/**
 * scrypt password hashes, self-describing so the cost can be raised later without
 * invalidating old hashes: `scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>`.
 * N=2^17, r=8, p=1 is OWASP's recommendation; it needs 128 MiB, so maxmem is raised.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize("NFKC"), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

function options(logN: number, r: number, p: number): ScryptOptions {
  const N = 2 ** logN;
  return { N, r, p, maxmem: 128 * N * r * p + 16 * 1024 * 1024 };
}

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  /** Spend the same time as a real verify, for unknown accounts (no enumeration by timing). */
  verifyDummy(password: string): Promise<void>;
};

export function createPasswordHasher(logN = 17): PasswordHasher {
  const r = 8;
  const p = 1;
  let dummy: Promise<string> | null = null;
  const hash = async (password: string) => {
    const salt = randomBytes(16);
    const key = await scrypt(password, salt, options(logN, r, p));
    return `scrypt$${logN}$${r}$${p}$${salt.toString("base64")}$${key.toString("base64")}`;
  };
  const verify = async (password: string, stored: string) => {
    const parts = stored.split("$");
    if (parts.length !== 6 || parts[0] !== "scrypt") return false;
    const [, n, rr, pp, salt, expected] = parts as [string, string, string, string, string, string];
    const key = await scrypt(password, Buffer.from(salt, "base64"), options(Number(n), Number(rr), Number(pp)));
    const want = Buffer.from(expected, "base64");
    return want.length === key.length && timingSafeEqual(want, key);
  };
  return {
    hash,
    verify,
    async verifyDummy(password) {
      dummy ??= hash("not-a-real-password");
      await verify(password, await dummy);
    },
  };
}
