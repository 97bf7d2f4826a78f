import { describe, expect, it } from "vitest";
import { createCardCache, type CardKey } from "./card-cache.js";

const key = (surveyId: string, version = 1, language: CardKey["language"] = "en"): CardKey => ({ surveyId, version, language });
const png = (label: string) => Buffer.from(label);

describe("createCardCache", () => {
  it("renders a card once and serves repeats from the cache", async () => {
    const cache = createCardCache();
    let renders = 0;
    const render = async () => png(`card ${++renders}`);
    expect((await cache(key("s1"), render)).toString()).toBe("card 1");
    expect((await cache(key("s1"), render)).toString()).toBe("card 1");
    expect(renders).toBe(1);
  });

  it("keeps survey, version and language apart", async () => {
    const cache = createCardCache();
    const keys = [key("s1"), key("s2"), key("s1", 2), key("s1", 1, "de")];
    for (const k of keys) await cache(k, async () => png(JSON.stringify(k)));
    for (const k of keys) expect((await cache(k, async () => png("re-rendered"))).toString()).toBe(JSON.stringify(k));
  });

  it("shares one render between concurrent requests for the same card", async () => {
    const cache = createCardCache();
    let renders = 0;
    let finish!: (value: Buffer) => void;
    const render = () => {
      renders++;
      return new Promise<Buffer>((resolve) => (finish = resolve));
    };
    const first = cache(key("s1"), render);
    const second = cache(key("s1"), render);
    finish(png("card"));
    expect(await first).toBe(await second);
    expect(renders).toBe(1);
  });

  it("does not keep a failed render, so the next request tries again", async () => {
    const cache = createCardCache();
    await expect(cache(key("s1"), async () => Promise.reject(new Error("font missing")))).rejects.toThrow("font missing");
    await expect(
      cache(key("s1"), () => {
        throw new Error("sync failure");
      }),
    ).rejects.toThrow("sync failure");
    expect((await cache(key("s1"), async () => png("card"))).toString()).toBe("card");
  });

  it("evicts the least recently used card beyond its capacity", async () => {
    const cache = createCardCache(2);
    let renders = 0;
    const render = async () => png(`card ${++renders}`);
    await cache(key("a"), render); // 1
    await cache(key("b"), render); // 2
    await cache(key("a"), render); // hit: a is now the most recent
    await cache(key("c"), render); // 3, evicts b
    expect(renders).toBe(3);
    expect((await cache(key("a"), render)).toString()).toBe("card 1");
    expect((await cache(key("b"), render)).toString()).toBe("card 4");
  });
});
