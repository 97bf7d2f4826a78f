import { describe, expect, it } from "vitest";
import { AnswersSchema, answerOf, isAnswered } from "./answers-schema";

describe("AnswersSchema", () => {
  it("accepts every answer shape", () => {
    const answers = { a: "x", b: 3, c: true, d: ["x", { other: "y" }], e: { other: "z" }, f: { row: "col" } };
    expect(AnswersSchema.safeParse(answers).success).toBe(true);
  });

  it("rejects nested structures no question produces", () => {
    expect(AnswersSchema.safeParse({ a: { row: { deep: 1 } } }).success).toBe(false);
    expect(AnswersSchema.safeParse({ a: [[1]] }).success).toBe(false);
    expect(AnswersSchema.safeParse({ a: null }).success).toBe(false);
  });

  it("rejects non-finite numbers", () => {
    expect(AnswersSchema.safeParse({ a: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(AnswersSchema.safeParse({ a: Number.NaN }).success).toBe(false);
  });
});

describe("isAnswered", () => {
  it("treats blank text, empty lists and empty matrices as no answer", () => {
    expect([undefined, "", "  ", [], {}].map(isAnswered)).toEqual([false, false, false, false, false]);
  });

  it("treats zero and false as answers", () => {
    expect(isAnswered(0)).toBe(true);
    expect(isAnswered(false)).toBe(true);
  });
});

describe("answerOf", () => {
  it("reads only own properties, so an id like 'constructor' is safe", () => {
    expect(answerOf({}, "constructor")).toBeUndefined();
    expect(answerOf({ constructor: "x" }, "constructor")).toBe("x");
  });
});
