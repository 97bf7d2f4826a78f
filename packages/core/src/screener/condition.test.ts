import { describe, expect, it } from "vitest";
import type { Condition, ConditionGroup } from "../survey/definition-schema";
import { questionsById } from "../survey/all-questions";
import { choice, noChannel, redditChannel, survey } from "../testing/fixtures";
import { evaluateCondition } from "./condition";

const def = survey([choice("role", ["pm", "dev"]), choice("size", ["small", "large"])]);
const byId = questionsById(def);
const roleIs = (value: string): Condition => ({ source: "answer", questionId: "role", operator: "equals", value });
const sizeIs = (value: string): Condition => ({ source: "answer", questionId: "size", operator: "equals", value });

describe("evaluateCondition", () => {
  it("an 'and' group holds only when every condition holds", () => {
    const group: ConditionGroup = { op: "and", conditions: [roleIs("pm"), sizeIs("large")] };
    expect(evaluateCondition(group, { role: "pm", size: "large" }, noChannel, byId)).toBe(true);
    expect(evaluateCondition(group, { role: "pm", size: "small" }, noChannel, byId)).toBe(false);
  });

  it("an 'or' group holds when any condition holds", () => {
    const group: ConditionGroup = { op: "or", conditions: [roleIs("pm"), sizeIs("large")] };
    expect(evaluateCondition(group, { role: "dev", size: "large" }, noChannel, byId)).toBe(true);
    expect(evaluateCondition(group, { role: "dev", size: "small" }, noChannel, byId)).toBe(false);
  });

  it("nested groups combine: pm AND (large OR reddit)", () => {
    const group: ConditionGroup = {
      op: "and",
      conditions: [
        roleIs("pm"),
        { op: "or", conditions: [sizeIs("large"), { source: "channel", operator: "is_any_of", values: ["reddit"] }] },
      ],
    };
    expect(evaluateCondition(group, { role: "pm", size: "small" }, redditChannel, byId)).toBe(true);
    expect(evaluateCondition(group, { role: "pm", size: "small" }, noChannel, byId)).toBe(false);
  });

  it("an empty group holds whatever its operator", () => {
    expect(evaluateCondition({ op: "and", conditions: [] }, {}, noChannel, byId)).toBe(true);
    expect(evaluateCondition({ op: "or", conditions: [] }, {}, noChannel, byId)).toBe(true);
  });

  it("a condition on an unknown question treats it as unanswered", () => {
    const group: ConditionGroup = {
      op: "and",
      conditions: [{ source: "answer", questionId: "ghost", operator: "not_answered" }],
    };
    expect(evaluateCondition(group, { ghost: "x" }, noChannel, byId)).toBe(true);
  });

  it("a blank answer counts as unanswered", () => {
    const group: ConditionGroup = {
      op: "and",
      conditions: [{ source: "answer", questionId: "role", operator: "answered" }],
    };
    expect(evaluateCondition(group, { role: "  " }, noChannel, byId)).toBe(false);
  });

  it("a channel condition matches the response's channel kind", () => {
    const group: ConditionGroup = {
      op: "and",
      conditions: [{ source: "channel", operator: "is_any_of", values: ["reddit"] }],
    };
    expect(evaluateCondition(group, {}, redditChannel, byId)).toBe(true);
    expect(evaluateCondition(group, {}, noChannel, byId)).toBe(false);
  });
});
