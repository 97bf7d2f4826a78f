import { describe, expect, it } from "vitest";
import { canonicalJson, hashJson } from "./canonical-json.js";

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined members, as JSON.stringify would", () => {
    const value = { b: [3, { z: 1, a: "x" }, null], a: { d: undefined, c: true }, "é": 1, A: 2 };
    expect(canonicalJson(value)).toBe('{"A":2,"a":{"c":true},"b":[3,{"a":"x","z":1},null],"é":1}');
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it("hashes equal values equally whatever their key order, and different values differently", () => {
    expect(hashJson({ survey: "s", answers: { role: "me", tools: ["a", "b"] } })).toBe(hashJson({ answers: { tools: ["a", "b"], role: "me" }, survey: "s" }));
    expect(hashJson({ answers: { tools: ["a", "b"] } })).not.toBe(hashJson({ answers: { tools: ["b", "a"] } }));
    expect(canonicalJson([undefined, "x\u2028"])).toBe(JSON.stringify([undefined, "x\u2028"]));
  });
});
