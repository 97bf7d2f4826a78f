import { describe, expect, it } from "vitest";
import { choice, survey } from "../testing/fixtures";
import { allQuestions, questionsById } from "./all-questions";

const def = survey([], {
  pages: [
    { id: "p1", questions: [choice("a", ["x"]), choice("b", ["x"])] },
    { id: "p2", questions: [choice("c", ["x"])] },
  ],
});

describe("allQuestions", () => {
  it("flattens questions in order with their page and in-page index", () => {
    expect(allQuestions(def).map(({ question, pageIndex, questionIndex }) => [question.id, pageIndex, questionIndex])).toEqual([
      ["a", 0, 0],
      ["b", 0, 1],
      ["c", 1, 0],
    ]);
  });
});

describe("questionsById", () => {
  it("keeps the first question when ids clash", () => {
    const clash = survey([choice("a", ["first"]), choice("a", ["second"])]);
    const first = questionsById(clash).get("a");
    expect(first?.type === "single_choice" && first.options[0]?.id).toBe("first");
  });
});
