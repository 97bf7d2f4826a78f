import { describe, expect, it } from "vitest";
import type { ConditionGroup, Question } from "@sieve/core";
import {
  appendTo,
  channelCondition,
  conditionOn,
  countConditions,
  itemAt,
  pruneOption,
  pruneQuestion,
  removeAt,
  setGroupOp,
  updateAt,
  withOperator,
} from "./condition-tree";
import { newQuestion } from "./question-types";
import { sequentialIds } from "./ids";
import { deepFreeze, fixture } from "./test-fixtures";

const questions = () => fixture().pages.flatMap((page) => page.questions);
const question = (id: string): Question => questions().find((q) => q.id === id)!;
const tree = (): ConditionGroup =>
  deepFreeze({
    op: "and",
    conditions: [
      { source: "answer", questionId: "role", operator: "equals", value: "me" },
      {
        op: "or",
        conditions: [
          { source: "answer", questionId: "apps", operator: "includes_any", value: ["paprika", "fake"] },
          { source: "channel", operator: "is_any_of", values: ["reddit"] },
        ],
      },
    ],
  });

describe("addressing items by path", () => {
  it("finds the root, a condition and a nested condition", () => {
    expect(itemAt(tree(), [])).toEqual(tree());
    expect(itemAt(tree(), [0])).toMatchObject({ questionId: "role" });
    expect(itemAt(tree(), [1, 1])).toMatchObject({ source: "channel" });
    expect(itemAt(tree(), [0, 0])).toBeUndefined();
    expect(itemAt(tree(), [5])).toBeUndefined();
  });

  it("replaces a nested item without touching its neighbours", () => {
    const next = updateAt(tree(), [1, 1], () => ({ source: "channel", operator: "is_none_of", values: ["x"] }));
    expect(itemAt(next, [1, 1])).toEqual({ source: "channel", operator: "is_none_of", values: ["x"] });
    expect(itemAt(next, [0])).toEqual(itemAt(tree(), [0]));
  });

  it("removes a nested item, appends to a nested group and flips and/or", () => {
    expect(countConditions(removeAt(tree(), [1, 0]))).toBe(2);
    expect(removeAt(tree(), [1]).conditions).toHaveLength(1);
    const appended = appendTo(tree(), [1], channelCondition());
    expect(itemAt(appended, [1, 2])).toEqual({ source: "channel", operator: "is_any_of", values: [] });
    expect(setGroupOp(tree(), [1], "and").conditions[1]).toMatchObject({ op: "and" });
    expect(setGroupOp(tree(), [], "or").op).toBe("or");
  });
});

describe("new rules start out valid where they can", () => {
  it("a choice question: 'is' its first option", () => {
    expect(conditionOn(question("role"))).toEqual({ source: "answer", questionId: "role", operator: "equals", value: "me" });
  });

  it("a multiple choice: 'includes any of' its first option", () => {
    expect(conditionOn(question("apps"))).toEqual({
      source: "answer",
      questionId: "apps",
      operator: "includes_any",
      value: ["paprika"],
    });
  });

  it("a number: 'is at least' its minimum", () => {
    expect(conditionOn(question("age"))).toEqual({ source: "answer", questionId: "age", operator: "gte", value: 18 });
  });

  it("text: 'contains' (with text still to fill in); matrix: 'is answered'", () => {
    expect(conditionOn(question("why"))).toMatchObject({ operator: "contains", value: "" });
    const matrix = newQuestion("matrix", sequentialIds());
    expect(conditionOn(matrix)).toEqual({ source: "answer", questionId: matrix.id, operator: "answered" });
  });

  it("consent: 'is' agreed", () => {
    const consent = newQuestion("consent", sequentialIds());
    expect(conditionOn(consent)).toMatchObject({ operator: "equals", value: true });
  });
});

describe("changing a rule's operator", () => {
  const role = () => question("role");
  it("turns one option into a list and back", () => {
    const listed = withOperator(conditionOn(role()), "includes_any", role());
    expect(listed.value).toEqual(["me"]);
    expect(withOperator(listed, "not_equals", role()).value).toBe("me");
  });

  it("drops the value for 'is answered'", () => {
    const answered = withOperator(conditionOn(role()), "answered", role());
    expect(answered).toEqual({ source: "answer", questionId: "role", operator: "answered" });
    expect(withOperator(answered, "equals", role()).value).toBe("me");
  });

  it("keeps a number between 'is' and 'is at least'", () => {
    const age = question("age");
    const rule = { ...conditionOn(age), value: 30 };
    expect(withOperator(rule, "equals", age).value).toBe(30);
  });
});

describe("fix-ups when questions and options go", () => {
  it("prunes rules on a question and the nested groups they leave empty", () => {
    const pruned = pruneQuestion(tree(), "apps");
    expect(pruned.conditions[1]).toEqual({ op: "or", conditions: [{ source: "channel", operator: "is_any_of", values: ["reddit"] }] });
    const only: ConditionGroup = { op: "and", conditions: [{ op: "or", conditions: [conditionOn(question("role"))] }] };
    expect(pruneQuestion(only, "role")).toEqual({ op: "and", conditions: [] });
  });

  it("prunes an option from lists and drops scalar comparisons with it", () => {
    expect(itemAt(pruneOption(tree(), "apps", "fake"), [1, 0])).toMatchObject({ value: ["paprika"] });
    expect(pruneOption(tree(), "role", "me").conditions).toHaveLength(1);
    expect(pruneOption(tree(), "role", "partner")).toEqual(tree());
  });
});
