import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answersArb, anyAnswersArb, contextArb, definitionArb } from "../testing/arbitraries";
import { choice, multi, noChannel, redditChannel, survey, type QuestionInput } from "../testing/fixtures";
import { isAnswered } from "./answers-schema";
import type { SurveyDefinition } from "./definition-schema";
import { validateAnswers } from "./validate-answers";

const complete = { ctx: noChannel, partial: false };
const partial = { ctx: noChannel, partial: true };

/** The issues of one call, as [code, path] pairs. */
function issuesOf(def: SurveyDefinition, answers: unknown, options = complete) {
  const result = validateAnswers(def, answers, options);
  return result.ok ? [] : result.issues.map((i) => [i.code, i.path]);
}
const one = (question: QuestionInput) => survey([question]);

describe("validateAnswers", () => {
  it("returns normalized answers on success: text trimmed, blank answers dropped", () => {
    const def = survey([{ id: "t", type: "short_text", title: "T" }, choice("c", ["a"])]);
    expect(validateAnswers(def, { t: "  hi  ", c: "" }, complete)).toEqual({ ok: true, value: { t: "hi" } });
  });

  it("reports answers that are not an object of answer values (invalid_type)", () => {
    expect(issuesOf(one(choice("c", ["a"])), { c: { deep: { er: 1 } } })[0]).toEqual(["invalid_type", ["answers", "c"]]);
    expect(issuesOf(one(choice("c", ["a"])), "nope")).toEqual([["invalid_type", ["answers"]]]);
  });

  it("reports an answer to an unknown question (unknown_question)", () => {
    expect(issuesOf(one(choice("c", ["a"])), { ghost: "a" })).toEqual([["unknown_question", ["answers", "ghost"]]]);
  });

  it("reports a missing answer to a required visible question (required)", () => {
    expect(issuesOf(one(choice("c", ["a"], { required: true })), {})).toEqual([["required", ["answers", "c"]]]);
  });

  it("skips required checks for a partial save", () => {
    expect(issuesOf(one(choice("c", ["a"], { required: true })), {}, partial)).toEqual([]);
  });

  it("does not require a hidden question", () => {
    const def = survey([
      choice("role", ["pm", "dev"]),
      choice("tools", ["a"], {
        required: true,
        showIf: { op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "pm" }] },
      }),
    ]);
    expect(issuesOf(def, { role: "dev" })).toEqual([]);
    expect(issuesOf(def, { role: "pm" })).toEqual([["required", ["answers", "tools"]]]);
  });

  it("reports an answer to a question hidden by logic (hidden_question)", () => {
    const def = survey([
      choice("role", ["pm", "dev"]),
      choice("tools", ["a"], {
        showIf: { op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "pm" }] },
      }),
    ]);
    expect(issuesOf(def, { role: "dev", tools: "a" }, partial)).toEqual([["hidden_question", ["answers", "tools"]]]);
  });

  it("evaluates channel conditions against the context", () => {
    const def = one(
      choice("sub", ["a"], {
        showIf: { op: "and", conditions: [{ source: "channel", operator: "is_any_of", values: ["reddit"] }] },
      }),
    );
    expect(validateAnswers(def, { sub: "a" }, { ctx: redditChannel, partial: false }).ok).toBe(true);
    expect(issuesOf(def, { sub: "a" })).toEqual([["hidden_question", ["answers", "sub"]]]);
  });

  it("reports a wrong answer type for the question (invalid_type)", () => {
    expect(issuesOf(one({ id: "n", type: "number", title: "N" }), { n: "12" })).toEqual([["invalid_type", ["answers", "n"]]]);
  });

  it("reports a number outside min and max (out_of_range)", () => {
    const def = one({ id: "n", type: "number", title: "N", min: 18, max: 99 });
    expect(issuesOf(def, { n: 17 })).toEqual([["out_of_range", ["answers", "n"]]]);
    expect(issuesOf(def, { n: 99 })).toEqual([]);
  });

  it("reports a fraction for an integer number question (not_integer)", () => {
    expect(issuesOf(one({ id: "n", type: "number", title: "N", integer: true }), { n: 2.5 })).toEqual([
      ["not_integer", ["answers", "n"]],
    ]);
  });

  it("accepts ratings from 1 to the scale only", () => {
    const def = one({ id: "r", type: "rating", title: "R", scale: 5 });
    expect(issuesOf(def, { r: 5 })).toEqual([]);
    expect(issuesOf(def, { r: 0 })).toEqual([["out_of_range", ["answers", "r"]]]);
    expect(issuesOf(def, { r: 6 })).toEqual([["out_of_range", ["answers", "r"]]]);
    expect(issuesOf(def, { r: 2.5 })).toEqual([["not_integer", ["answers", "r"]]]);
  });

  it("accepts NPS answers as integers from 0 to 10 only", () => {
    const def = one({ id: "nps", type: "nps", title: "NPS" });
    expect(issuesOf(def, { nps: 0 })).toEqual([]);
    expect(issuesOf(def, { nps: 11 })).toEqual([["out_of_range", ["answers", "nps"]]]);
    expect(issuesOf(def, { nps: 9.5 })).toEqual([["not_integer", ["answers", "nps"]]]);
  });

  it("reports a malformed or overlong email (invalid_email)", () => {
    const def = one({ id: "e", type: "email", title: "E" });
    expect(issuesOf(def, { e: " ada@example.com " })).toEqual([]);
    expect(issuesOf(def, { e: "ada@localhost" })).toEqual([["invalid_email", ["answers", "e"]]]);
    expect(issuesOf(def, { e: "not an email" })).toEqual([["invalid_email", ["answers", "e"]]]);
    expect(issuesOf(def, { e: `${"a".repeat(250)}@example.com` })).toEqual([["invalid_email", ["answers", "e"]]]);
  });

  it("reports an option id the question does not have (unknown_option)", () => {
    expect(issuesOf(one(choice("c", ["a"])), { c: "z" })).toEqual([["unknown_option", ["answers", "c"]]]);
    expect(issuesOf(one({ id: "y", type: "yes_no", title: "Y" }), { y: "maybe" })).toEqual([["unknown_option", ["answers", "y"]]]);
  });

  it("accepts 'Other' text only when the question allows it (other_not_allowed)", () => {
    expect(issuesOf(one(choice("c", ["a"])), { c: { other: "x" } })).toEqual([["other_not_allowed", ["answers", "c"]]]);
    expect(validateAnswers(one(choice("c", ["a"], { allowOther: true })), { c: { other: " x " } }, complete)).toEqual({
      ok: true,
      value: { c: { other: "x" } },
    });
  });

  it("reports blank 'Other' text (empty_other)", () => {
    expect(issuesOf(one(choice("c", ["a"], { allowOther: true })), { c: { other: "  " } })).toEqual([
      ["empty_other", ["answers", "c"]],
    ]);
  });

  it("reports too few or too many selections", () => {
    const def = one(multi("m", ["a", "b", "c", "d"], { minSelections: 2, maxSelections: 3 }));
    expect(issuesOf(def, { m: ["a"] })).toEqual([["too_few_selections", ["answers", "m"]]]);
    expect(issuesOf(def, { m: ["a", "b", "c", "d"] })).toEqual([["too_many_selections", ["answers", "m"]]]);
    expect(issuesOf(def, { m: ["a", "b"] })).toEqual([]);
  });

  it("reports an option selected twice, and 'Other' given twice (duplicate_selection)", () => {
    const def = one(multi("m", ["a", "b"], { allowOther: true }));
    expect(issuesOf(def, { m: ["a", "a"] })).toEqual([["duplicate_selection", ["answers", "m", 1]]]);
    expect(issuesOf(def, { m: [{ other: "x" }, { other: "y" }] })).toEqual([["duplicate_selection", ["answers", "m", 1]]]);
  });

  it("reports each unknown option in a multiple choice at its index", () => {
    expect(issuesOf(one(multi("m", ["a"])), { m: ["a", "z"] })).toEqual([["unknown_option", ["answers", "m", 1]]]);
  });

  it("reports unknown matrix rows and columns (unknown_row, unknown_column)", () => {
    const matrix: QuestionInput = {
      id: "m",
      type: "matrix",
      title: "M",
      rows: [{ id: "price", label: "Price" }],
      columns: [
        { id: "agree", label: "Agree" },
        { id: "disagree", label: "Disagree" },
      ],
    };
    expect(issuesOf(one(matrix), { m: { price: "meh" } })).toEqual([["unknown_column", ["answers", "m", "price"]]]);
    expect(issuesOf(one(matrix), { m: { speed: "agree" } })).toEqual([["unknown_row", ["answers", "m", "speed"]]]);
    expect(issuesOf(one(matrix), { m: { price: "agree" } })).toEqual([]);
  });

  it("requires every row of a required matrix", () => {
    const matrix: QuestionInput = {
      id: "m",
      type: "matrix",
      title: "M",
      required: true,
      rows: [
        { id: "price", label: "Price" },
        { id: "speed", label: "Speed" },
      ],
      columns: [
        { id: "agree", label: "Agree" },
        { id: "disagree", label: "Disagree" },
      ],
    };
    expect(issuesOf(one(matrix), { m: { price: "agree" } })).toEqual([["required", ["answers", "m", "speed"]]]);
    expect(issuesOf(one(matrix), { m: { price: "agree" } }, partial)).toEqual([]);
  });

  it("reports a date that is not YYYY-MM-DD or not a real day (invalid_date)", () => {
    const def = one({ id: "d", type: "date", title: "D" });
    expect(issuesOf(def, { d: "03/04/2024" })).toEqual([["invalid_date", ["answers", "d"]]]);
    expect(issuesOf(def, { d: "2023-02-29" })).toEqual([["invalid_date", ["answers", "d"]]]);
  });

  it("reports a date outside min and max (out_of_range)", () => {
    const def = one({ id: "d", type: "date", title: "D", min: "2024-01-01", max: "2024-12-31" });
    expect(issuesOf(def, { d: "2023-12-31" })).toEqual([["out_of_range", ["answers", "d"]]]);
    expect(issuesOf(def, { d: "2024-06-01" })).toEqual([]);
  });

  it("requires a required consent to be true (must_consent)", () => {
    const def = one({ id: "ok", type: "consent", title: "Consent", text: "I agree", required: true });
    expect(issuesOf(def, { ok: false })).toEqual([["must_consent", ["answers", "ok"]]]);
    expect(issuesOf(def, { ok: true })).toEqual([]);
  });

  it("accepts a declined optional consent", () => {
    expect(issuesOf(one({ id: "ok", type: "consent", title: "Consent", text: "I agree" }), { ok: false })).toEqual([]);
  });

  it("reports text longer than the question's maxLength (too_long)", () => {
    const def = one({ id: "t", type: "long_text", title: "T", maxLength: 5 });
    expect(issuesOf(def, { t: "123456" })).toEqual([["too_long", ["answers", "t"]]]);
    expect(issuesOf(def, { t: "12345" })).toEqual([]);
  });

  it("caps text at 10000 characters even without a maxLength (too_long)", () => {
    const def = one({ id: "t", type: "long_text", title: "T" });
    expect(issuesOf(def, { t: "x".repeat(10001) })).toEqual([["too_long", ["answers", "t"]]]);
  });

  it("reports an answer to a statement (no_answer_expected)", () => {
    expect(issuesOf(one({ id: "s", type: "statement", title: "S", body: "" }), { s: "hi" })).toEqual([
      ["no_answer_expected", ["answers", "s"]],
    ]);
  });

  it("returns every issue at once", () => {
    const def = survey([choice("a", ["x"], { required: true }), { id: "n", type: "nps", title: "N" }]);
    expect(issuesOf(def, { n: 12, ghost: 1 }).map(([code]) => code).sort()).toEqual([
      "out_of_range",
      "required",
      "unknown_question",
    ]);
  });

  it("property: accepts answers generated to fit the definition", () => {
    const scenario = definitionArb().chain((def) =>
      contextArb.chain((ctx) => fc.record({ def: fc.constant(def), ctx: fc.constant(ctx), answers: answersArb(def, ctx) })),
    );
    fc.assert(
      fc.property(scenario, ({ def, ctx, answers }) => {
        const result = validateAnswers(def, answers, { ctx, partial: false });
        expect(result.ok ? [] : result.issues).toEqual([]);
        // Normalization keeps every real answer and drops only blank ones (an empty multiple choice).
        const answered = Object.entries(answers).filter(([, value]) => isAnswered(value));
        expect(result.ok && Object.keys(result.value).sort()).toEqual(answered.map(([id]) => id).sort());
      }),
    );
  });

  it("property: never throws on any structurally valid answers", () => {
    const scenario = definitionArb().chain((def) =>
      fc.record({ def: fc.constant(def), answers: anyAnswersArb(def), ctx: contextArb, partial: fc.boolean() }),
    );
    fc.assert(
      fc.property(scenario, ({ def, answers, ctx, partial: isPartial }) => {
        const result = validateAnswers(def, answers, { ctx, partial: isPartial });
        if (!result.ok) for (const issue of result.issues) expect(issue.path[0]).toBe("answers");
      }),
    );
  });
});
