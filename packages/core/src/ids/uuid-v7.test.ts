import { describe, expect, it } from "vitest";
import { uuidV7 } from "./uuid-v7";

const bytes = (fill: number) => new Uint8Array(16).fill(fill);

describe("uuidV7", () => {
  it("puts the milliseconds first, then version 7 and the RFC variant", () => {
    const id = uuidV7(Date.UTC(2026, 10, 22, 12, 0, 0, 5), bytes(0xff));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 22, 12, 0, 0, 5));
    expect(id.slice(14, 18)).toBe("7fff");
    expect(id.slice(19, 23)).toBe("bfff");
  });

  it("sorts as text in time order, whatever the random part", () => {
    const ids = [1_000, 1_001, 65_536, 2 ** 40, 2 ** 47 - 1].map((ms, i) => uuidV7(ms, bytes(255 - i * 40)));
    expect([...ids].sort()).toEqual(ids);
  });

  it("keeps the random bits it was given and does not change its input", () => {
    const random = Uint8Array.from({ length: 16 }, (_, i) => i * 16 + 1);
    const id = uuidV7(0, random).replace(/-/g, "");
    expect(id).toBe("000000000000" + "7171" + "81" + "91a1b1c1d1e1f1");
    expect(random[0]).toBe(1);
  });
});
