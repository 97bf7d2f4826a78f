import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shuffleOptions } from "./shuffle-options";

const letters = ["a", "b", "c", "d", "e", "f", "g", "h"];

describe("shuffleOptions", () => {
  it("gives the same order for the same seed", () => {
    expect(shuffleOptions(letters, "resp-1:q1")).toEqual(shuffleOptions(letters, "resp-1:q1"));
  });

  it("gives different respondents different orders", () => {
    const orders = new Set(["r1", "r2", "r3", "r4", "r5"].map((seed) => shuffleOptions(letters, seed).join("")));
    expect(orders.size).toBeGreaterThan(1);
  });

  it("does not change the input", () => {
    const input = [...letters];
    shuffleOptions(input, "seed");
    expect(input).toEqual(letters);
  });

  it("property: returns a permutation of the options", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        expect([...shuffleOptions(items, seed)].sort()).toEqual([...items].sort());
      }),
    );
  });
});
