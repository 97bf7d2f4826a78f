import { describe, expect, it } from "vitest";
import type { QuestionResult } from "@sieve/core";
import { answerLines, formatAnswer, textAnswer } from "./answer-format";
import { choiceQuestion } from "./test-fixtures";

const matrix: QuestionResult = {
  id: "grid",
  type: "matrix",
  title: "Rate these",
  kind: "matrix",
  n: 1,
  rows: [{ id: "speed", label: "Speed", options: [{ id: "good", label: "Good", overall: { count: 1, pct: 1, interval: { estimate: 1, lower: 0.2, upper: 1 } }, columns: [] }] }],
};

describe("answers in words", () => {
  it("turns option ids into labels, keeps Other's text, and reads matrix rows", () => {
    const role = choiceQuestion(false);
    expect(formatAnswer(role, "me")).toEqual(["I do"]);
    expect(formatAnswer(role, ["me", { other: "The CTO" }])).toEqual(["I do", "Other: The CTO"]);
    expect(formatAnswer(matrix, { speed: "good" })).toEqual(["Speed: Good"]);
    expect(formatAnswer(undefined, true)).toEqual(["Yes, agreed"]);
    expect(formatAnswer(undefined, 7)).toEqual(["7"]);
  });

  it("lists answers in the survey's order, then unknown questions by id", () => {
    const lines = answerLines([choiceQuestion(false), matrix], { extra: "hi", grid: { speed: "good" }, role: "boss" });
    expect(lines.map((l) => [l.title, l.text])).toEqual([
      ["Who decides?", ["My manager"]],
      ["Rate these", ["Speed: Good"]],
      ["extra", ["hi"]],
    ]);
  });

  it("reads free text, treating blanks and non-text as no answer", () => {
    expect(textAnswer("  ")).toBeNull();
    expect(textAnswer(undefined)).toBeNull();
    expect(textAnswer("Too many clicks")).toBe("Too many clicks");
    expect(textAnswer(["a"])).toBeNull();
  });
});
