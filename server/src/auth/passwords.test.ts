import { describe, expect, it } from "vitest";
import { createPasswordHasher } from "./passwords.js";

describe("password hashing", () => {
  it("uses scrypt with N=2^17, r=8, p=1 by default and a random salt", async () => {
    const hasher = createPasswordHasher();
    const a = await hasher.hash("correct horse battery");
    const b = await hasher.hash("correct horse battery");
    expect(a).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await hasher.verify("correct horse battery", a)).toBe(true);
    expect(await hasher.verify("correct horse batterx", a)).toBe(false);
  });

  it("verifies hashes made with another cost, so the cost can be raised later", async () => {
    const cheap = await createPasswordHasher(10).hash("pw with old cost");
    expect(await createPasswordHasher(17).verify("pw with old cost", cheap)).toBe(true);
  });

  it("treats a malformed stored hash as a mismatch", async () => {
    expect(await createPasswordHasher(10).verify("x", "md5$abc")).toBe(false);
  });
});
