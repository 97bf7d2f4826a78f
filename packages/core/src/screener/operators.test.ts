import { describe, expect, it } from "vitest";
import { answerOperators, channelOperators, operatorsByQuestionType } from "./operators";

describe("answer operators", () => {
  it("answered holds for any answer and not for a missing one", () => {
    expect(answerOperators.answered("a", undefined)).toBe(true);
    expect(answerOperators.answered(undefined, undefined)).toBe(false);
  });

  it("not_answered holds only for a missing answer", () => {
    expect(answerOperators.not_answered(undefined, undefined)).toBe(true);
    expect(answerOperators.not_answered(0, undefined)).toBe(false);
  });

  it("equals compares scalars of the same type exactly", () => {
    expect(answerOperators.equals("pm", "pm")).toBe(true);
    expect(answerOperators.equals(5, 5)).toBe(true);
    expect(answerOperators.equals(true, true)).toBe(true);
    expect(answerOperators.equals("5", 5)).toBe(false);
    expect(answerOperators.equals("PM", "pm")).toBe(false);
  });

  it("not_equals needs an answer: an unanswered question is not 'not equal'", () => {
    expect(answerOperators.not_equals("dev", "pm")).toBe(true);
    expect(answerOperators.not_equals("pm", "pm")).toBe(false);
    expect(answerOperators.not_equals(undefined, "pm")).toBe(false);
  });

  it("includes_any holds when any listed option is selected, in a list or a single choice", () => {
    expect(answerOperators.includes_any(["a", "b"], ["b", "z"])).toBe(true);
    expect(answerOperators.includes_any("a", ["a"])).toBe(true);
    expect(answerOperators.includes_any(["a"], ["z"])).toBe(false);
  });

  it("includes_all holds when every listed option is selected and never for an empty list", () => {
    expect(answerOperators.includes_all(["a", "b", "c"], ["a", "c"])).toBe(true);
    expect(answerOperators.includes_all(["a"], ["a", "c"])).toBe(false);
    expect(answerOperators.includes_all(["a"], [])).toBe(false);
  });

  it("includes_none holds for an answer selecting none of the options, not for a missing answer", () => {
    expect(answerOperators.includes_none(["a"], ["b"])).toBe(true);
    expect(answerOperators.includes_none([{ other: "x" }], ["b"])).toBe(true);
    expect(answerOperators.includes_none(["a", "b"], ["b"])).toBe(false);
    expect(answerOperators.includes_none(undefined, ["b"])).toBe(false);
  });

  it("an 'Other' answer selects no option", () => {
    expect(answerOperators.includes_any({ other: "a" }, ["a"])).toBe(false);
    expect(answerOperators.equals({ other: "a" }, "a")).toBe(false);
  });

  it("gt, gte, lt and lte compare numbers", () => {
    expect(answerOperators.gt(5, 4)).toBe(true);
    expect(answerOperators.gt(4, 4)).toBe(false);
    expect(answerOperators.gte(4, 4)).toBe(true);
    expect(answerOperators.lt(3, 4)).toBe(true);
    expect(answerOperators.lte(4, 4)).toBe(true);
    expect(answerOperators.lte(5, 4)).toBe(false);
  });

  it("ordering operators compare ISO dates as dates", () => {
    expect(answerOperators.gt("2024-02-01", "2024-01-31")).toBe(true);
    expect(answerOperators.lt("2023-12-31", "2024-01-01")).toBe(true);
  });

  it("ordering operators are false for incomparable values", () => {
    expect(answerOperators.gt("10", 5)).toBe(false);
    expect(answerOperators.lt(undefined, 5)).toBe(false);
  });

  it("contains matches text case-insensitively", () => {
    expect(answerOperators.contains("I use Figma daily", "figma")).toBe(true);
    expect(answerOperators.contains("Sketch", "figma")).toBe(false);
    expect(answerOperators.contains(undefined, "figma")).toBe(false);
  });
});

describe("channel operators", () => {
  const channel = { code: "r-ux", kind: "reddit" };

  it("is_any_of matches the channel code or the channel kind", () => {
    expect(channelOperators.is_any_of(channel, ["r-ux"])).toBe(true);
    expect(channelOperators.is_any_of(channel, ["reddit"])).toBe(true);
    expect(channelOperators.is_any_of(channel, ["linkedin"])).toBe(false);
  });

  it("a response without a channel is none of any list", () => {
    expect(channelOperators.is_any_of(null, ["reddit"])).toBe(false);
    expect(channelOperators.is_none_of(null, ["reddit"])).toBe(true);
  });

  it("is_none_of rejects a matching code or kind", () => {
    expect(channelOperators.is_none_of(channel, ["reddit"])).toBe(false);
    expect(channelOperators.is_none_of(channel, ["email"])).toBe(true);
  });
});

describe("operators by question type", () => {
  it("statements take no operator and matrices only answered/not_answered", () => {
    expect(operatorsByQuestionType.statement).toEqual([]);
    expect(operatorsByQuestionType.matrix).toEqual(["answered", "not_answered"]);
  });

  it("multiple choice uses includes_* rather than equals", () => {
    expect(operatorsByQuestionType.multiple_choice).not.toContain("equals");
    expect(operatorsByQuestionType.multiple_choice).toContain("includes_all");
  });
});
