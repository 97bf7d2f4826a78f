import { describe, expect, it } from "vitest";
import { QuestionSchema, type QuestionType } from "@sieve/core";
import { sequentialIds, createNewId } from "./ids";
import { changeType, newQuestion, questionTypeOrder } from "./question-types";

describe("new questions", () => {
  it.each(questionTypeOrder.map((type) => [type]))("a new %s question is valid as it is", (type: QuestionType) => {
    const question = newQuestion(type, sequentialIds());
    expect(QuestionSchema.safeParse(question).success).toBe(true);
    expect(question.type).toBe(type);
  });
});

describe("changing a question's type", () => {
  const single = () => ({
    ...newQuestion("single_choice", sequentialIds()),
    title: "Role?",
    help: "Pick one",
    required: true,
  });

  it("keeps the text, required flag and options between choice types", () => {
    const dropdown = changeType(single(), "dropdown", sequentialIds());
    expect(dropdown).toMatchObject({ type: "dropdown", title: "Role?", help: "Pick one", required: true });
    expect(dropdown.type === "dropdown" && dropdown.options.map((o) => o.label)).toEqual(["Option 1", "Option 2"]);
  });

  it("gives yes/no its fixed options and drops fields the new type does not have", () => {
    const yesNo = changeType(single(), "yes_no", sequentialIds());
    expect(yesNo.type === "yes_no" && yesNo.options.map((o) => o.id)).toEqual(["yes", "no"]);
    expect("randomize" in yesNo).toBe(false);
    expect(QuestionSchema.safeParse(changeType(single(), "number", sequentialIds())).success).toBe(true);
  });
});

describe("ids", () => {
  it("never hands out an id already in use", () => {
    const values = ["a", "a", "b"];
    const newId = createNewId(() => new Set(["q-a"]), () => values.shift() ?? "z");
    expect(newId("q")).toBe("q-b");
  });
});
