import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerOf } from "../survey/answers-schema";
import { choiceOptions } from "../survey/question-kinds";
import { answersArb, contextArb, definitionArb } from "../testing/arbitraries";
import { choice, multi, noChannel, survey } from "../testing/fixtures";
import { evaluateScreener } from "./evaluate-screener";
import { selectedIds } from "./operators";
import { visibility } from "./visible-questions";

const complete = { complete: true };
const partial = { complete: false };

const def = survey([
  choice("role", ["pm:qualify", "designer:qualify", "student:disqualify", "other"]),
  multi("tools", ["figma", "jira", "blorbo:trap"]),
  choice("size", ["small", "large"]),
]);

describe("evaluateScreener", () => {
  it("a trap answer flags the respondent even when another answer qualifies", () => {
    const result = evaluateScreener(def, { role: "pm", tools: ["figma", "blorbo"] }, noChannel, complete);
    expect(result).toEqual({ outcome: "flagged", reason: { questionId: "tools", optionId: "blorbo", rule: "trap" } });
  });

  it("a trap flags even when a disqualifying answer came first", () => {
    const result = evaluateScreener(def, { role: "student", tools: ["blorbo"] }, noChannel, complete);
    expect(result.outcome).toBe("flagged");
  });

  it("a disqualifying option disqualifies and names the option", () => {
    const result = evaluateScreener(def, { role: "student" }, noChannel, partial);
    expect(result).toEqual({
      outcome: "disqualified",
      reason: { questionId: "role", optionId: "student", rule: "disqualify" },
    });
  });

  it("a disqualifying option wins over a qualifying one in the same multiple choice", () => {
    const both = survey([multi("m", ["yes:qualify", "no:disqualify"])]);
    expect(evaluateScreener(both, { m: ["yes", "no"] }, noChannel, complete).outcome).toBe("disqualified");
  });

  it("answering a question with qualify options without picking one disqualifies (missing_qualifier)", () => {
    const result = evaluateScreener(def, { role: "other" }, noChannel, partial);
    expect(result).toEqual({ outcome: "disqualified", reason: { questionId: "role", rule: "missing_qualifier" } });
  });

  it("an 'Other' answer does not count as a qualifying option", () => {
    const withOther = survey([choice("role", ["pm:qualify"], { allowOther: true })]);
    expect(evaluateScreener(withOther, { role: { other: "pm" } }, noChannel, complete).outcome).toBe("disqualified");
  });

  it("a partial response with a qualifier question still unanswered is undecided", () => {
    expect(evaluateScreener(def, { size: "small" }, noChannel, partial)).toEqual({ outcome: "undecided", reason: null });
  });

  it("a complete response that skipped a visible qualifier question is disqualified", () => {
    const result = evaluateScreener(def, { size: "small" }, noChannel, complete);
    expect(result).toEqual({ outcome: "disqualified", reason: { questionId: "role", rule: "missing_qualifier" } });
  });

  it("a partial response that passed every rule so far is undecided, not qualified", () => {
    expect(evaluateScreener(def, { role: "pm" }, noChannel, partial).outcome).toBe("undecided");
  });

  it("a complete response that passed every rule is qualified", () => {
    expect(evaluateScreener(def, { role: "pm", tools: ["figma"] }, noChannel, complete)).toEqual({
      outcome: "qualified",
      reason: null,
    });
  });

  it("a survey without screener effects qualifies every complete response", () => {
    const plain = survey([choice("a", ["x", "y"])]);
    expect(evaluateScreener(plain, {}, noChannel, complete).outcome).toBe("qualified");
  });

  it("answers to hidden questions are ignored, even traps", () => {
    const gated = survey([
      choice("role", ["pm", "dev"]),
      choice("trap", ["real", "fake:trap"], {
        showIf: { op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "pm" }] },
      }),
    ]);
    expect(evaluateScreener(gated, { role: "dev", trap: "fake" }, noChannel, complete).outcome).toBe("qualified");
  });

  it("a hidden qualifier question is not required to qualify", () => {
    const gated = survey([
      choice("role", ["pm", "dev"]),
      choice("seniority", ["senior:qualify", "junior"], {
        showIf: { op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "pm" }] },
      }),
    ]);
    expect(evaluateScreener(gated, { role: "dev" }, noChannel, complete).outcome).toBe("qualified");
  });

  it("property: evaluateScreener never qualifies a response that selected a visible trap", () => {
    const scenario = definitionArb().chain((generated) =>
      contextArb.chain((ctx) =>
        fc.record({ def: fc.constant(generated), ctx: fc.constant(ctx), answers: answersArb(generated, ctx), complete: fc.boolean() }),
      ),
    );
    fc.assert(
      fc.property(scenario, ({ def: generated, ctx, answers, complete: isComplete }) => {
        const visible = visibility(generated, answers, ctx);
        const selectedTrap = visible.questions.some((question) => {
          const selected = selectedIds(answerOf(visible.answers, question.id));
          return choiceOptions(question).some((o) => o.effect === "trap" && selected.includes(o.id));
        });
        const result = evaluateScreener(generated, answers, ctx, { complete: isComplete });
        if (selectedTrap) expect(result.outcome).toBe("flagged");
        expect(result.outcome === "qualified" && selectedTrap).toBe(false);
        if (!isComplete) expect(result.outcome).not.toBe("qualified");
      }),
    );
  });
});
