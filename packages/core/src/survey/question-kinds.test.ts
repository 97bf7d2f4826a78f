import { describe, expect, it } from "vitest";
import { choice, survey } from "../testing/fixtures";
import { allQuestions } from "./all-questions";
import { choiceOptions, isAnswerable, isChoiceQuestion } from "./question-kinds";

const [single, yesNo, statement] = allQuestions(
  survey([
    choice("a", ["x", "y"]),
    { id: "b", type: "yes_no", title: "B" },
    { id: "c", type: "statement", title: "C", body: "Hello" },
  ]),
).map((p) => p.question);

describe("question kinds", () => {
  it("treats yes/no as a choice question with options yes and no", () => {
    expect(yesNo && isChoiceQuestion(yesNo)).toBe(true);
    expect(yesNo && choiceOptions(yesNo).map((o) => o.id)).toEqual(["yes", "no"]);
  });

  it("gives non-choice questions no options", () => {
    expect(statement && choiceOptions(statement)).toEqual([]);
  });

  it("statements are the only questions that take no answer", () => {
    expect([single, yesNo, statement].map((q) => q !== undefined && isAnswerable(q))).toEqual([true, true, false]);
  });
});
