import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConditionGroupSchema, type ConditionGroup } from "./definition-schema";
import { definitionArb, looseDefinitionArb } from "../testing/arbitraries";
import { choice, multi, survey, type QuestionInput } from "../testing/fixtures";
import { validateDefinition } from "./validate-definition";

const ask = choice("role", ["pm", "dev"]);
const issuesOf = (...args: Parameters<typeof survey>) => validateDefinition(survey(...args));
const codes = (...args: Parameters<typeof survey>) => issuesOf(...args).map((i) => i.code);
// Tests write conditions loosely (wrong operators on purpose); parsing keeps them schema-valid.
const groupFrom = (input: unknown): ConditionGroup => ConditionGroupSchema.parse(input);
const when = (questionId: string, operator: string, value?: unknown): ConditionGroup =>
  groupFrom({ op: "and", conditions: [{ source: "answer", questionId, operator, value }] });

describe("validateDefinition", () => {
  it("a survey with one answerable question is publishable", () => {
    expect(issuesOf([ask])).toEqual([]);
  });

  it("reports a survey without answerable questions (no_questions)", () => {
    expect(codes([{ id: "s", type: "statement", title: "Hello", body: "" }])).toContain("no_questions");
  });

  it("reports a page without questions (empty_page)", () => {
    const pages = [
      { id: "p1", questions: [ask] },
      { id: "p2", questions: [] },
    ];
    expect(issuesOf([], { pages })).toEqual([expect.objectContaining({ code: "empty_page", path: ["pages", 1, "questions"] })]);
  });

  it("reports duplicate question ids across pages, at the later question", () => {
    const pages = [
      { id: "p1", questions: [ask] },
      { id: "p2", questions: [choice("role", ["x"])] },
    ];
    expect(issuesOf([], { pages })).toContainEqual(
      expect.objectContaining({ code: "duplicate_id", path: ["pages", 1, "questions", 0, "id"] }),
    );
  });

  it("reports duplicate page ids", () => {
    const pages = [
      { id: "p", questions: [ask] },
      { id: "p", questions: [choice("b", ["x"])] },
    ];
    expect(issuesOf([], { pages })).toContainEqual(expect.objectContaining({ code: "duplicate_id", path: ["pages", 1, "id"] }));
  });

  it("reports duplicate option ids within a question", () => {
    expect(issuesOf([choice("q", ["a", "a"])])).toContainEqual(
      expect.objectContaining({ code: "duplicate_id", path: ["pages", 0, "questions", 0, "options", 1, "id"] }),
    );
  });

  it("reports duplicate matrix row and column ids", () => {
    const matrix: QuestionInput = {
      id: "m",
      type: "matrix",
      title: "Rate",
      rows: [
        { id: "r", label: "R1" },
        { id: "r", label: "R2" },
      ],
      columns: [
        { id: "c", label: "C1" },
        { id: "c", label: "C2" },
      ],
    };
    const paths = issuesOf([matrix]).filter((i) => i.code === "duplicate_id").map((i) => i.path);
    expect(paths).toEqual([
      ["pages", 0, "questions", 0, "rows", 1, "id"],
      ["pages", 0, "questions", 0, "columns", 1, "id"],
    ]);
  });

  it("reports duplicate segment and quota ids", () => {
    const segment = { id: "s", name: "S", color: "#112233", when: when("role", "equals", "pm") };
    const quota = { id: "q", name: "Q", segmentId: null, cap: 5 };
    const found = issuesOf([ask], { segments: [segment, segment], quotas: [quota, { ...quota, segmentId: "s" }] });
    expect(found.filter((i) => i.code === "duplicate_id").map((i) => i.path)).toEqual([
      ["segments", 1, "id"],
      ["quotas", 1, "id"],
    ]);
  });

  it("reports a choice question without options (empty_options)", () => {
    expect(issuesOf([ask, choice("q", [])])).toContainEqual(
      expect.objectContaining({ code: "empty_options", path: ["pages", 0, "questions", 1, "options"] }),
    );
  });

  it("allows a choice question with a single option", () => {
    expect(codes([choice("q", ["only"])])).toEqual([]);
  });

  it("reports a question every option of which rejects (no_passing_option)", () => {
    expect(codes([choice("q", ["a:disqualify", "b:trap"])])).toContain("no_passing_option");
  });

  it("an 'Other' choice is a way through, so all-rejecting options plus Other pass", () => {
    expect(codes([choice("q", ["a:disqualify"], { allowOther: true })])).not.toContain("no_passing_option");
  });

  it("reports two options with the same label (duplicate_label)", () => {
    const options = [
      { id: "a", label: "Same" },
      { id: "b", label: "same" },
    ];
    expect(codes([{ id: "q", type: "single_choice", title: "Q", options }])).toEqual(["duplicate_label"]);
  });

  it("reports a show-if on an unknown question (dangling_reference)", () => {
    expect(issuesOf([ask, choice("q", ["x"], { showIf: when("ghost", "answered") })])).toContainEqual(
      expect.objectContaining({
        code: "dangling_reference",
        path: ["pages", 0, "questions", 1, "showIf", "conditions", 0, "questionId"],
      }),
    );
  });

  it("reports a show-if on the question itself (forward_reference)", () => {
    expect(codes([choice("q", ["x"], { showIf: when("q", "answered") })])).toContain("forward_reference");
  });

  it("reports a show-if on a later question (forward_reference)", () => {
    expect(codes([choice("q", ["x"], { showIf: when("role", "answered") }), ask])).toContain("forward_reference");
  });

  it("finds references inside nested groups", () => {
    const nested = groupFrom({
      op: "or",
      conditions: [{ op: "and", conditions: [{ source: "answer", questionId: "ghost", operator: "answered" }] }],
    });
    const path = ["pages", 0, "questions", 1, "showIf", "conditions", 0, "conditions", 0, "questionId"];
    expect(issuesOf([ask, choice("q", ["x"], { showIf: nested })])[0]?.path).toEqual(path);
  });

  it("reports an operator that does not apply to the question type (operator_mismatch)", () => {
    expect(issuesOf([ask, choice("q", ["x"], { showIf: when("role", "gt", 3) })])).toContainEqual(
      expect.objectContaining({ code: "operator_mismatch", path: ["pages", 0, "questions", 1, "showIf", "conditions", 0, "operator"] }),
    );
  });

  it("reports an option id that the referenced question does not have (operator_mismatch)", () => {
    expect(codes([ask, choice("q", ["x"], { showIf: when("role", "equals", "ceo") })])).toEqual(["operator_mismatch"]);
    expect(codes([ask, choice("q", ["x"], { showIf: when("role", "includes_any", ["pm", "ceo"]) })])).toEqual([
      "operator_mismatch",
    ]);
  });

  it("reports a value of the wrong kind for the question type (operator_mismatch)", () => {
    const age: QuestionInput = { id: "age", type: "number", title: "Age" };
    expect(codes([age, choice("q", ["x"], { showIf: when("age", "gte", "18") })])).toEqual(["operator_mismatch"]);
    expect(codes([age, choice("q", ["x"], { showIf: when("age", "gte", 18) })])).toEqual([]);
  });

  it("reports a condition on a statement, which has no answer (operator_mismatch)", () => {
    const statement: QuestionInput = { id: "s", type: "statement", title: "Hi", body: "" };
    expect(codes([statement, choice("q", ["x"], { showIf: when("s", "answered") })])).toEqual(["operator_mismatch"]);
  });

  it("reports a channel condition with no values (empty_condition)", () => {
    const showIf = groupFrom({ op: "and", conditions: [{ source: "channel", operator: "is_any_of", values: [] }] });
    expect(codes([choice("q", ["x"], { showIf })])).toEqual(["empty_condition"]);
  });

  it("reports number min above max (invalid_range)", () => {
    expect(codes([{ id: "n", type: "number", title: "N", min: 10, max: 1 }])).toEqual(["invalid_range"]);
  });

  it("reports date min after max (invalid_range)", () => {
    expect(codes([{ id: "d", type: "date", title: "D", min: "2024-02-01", max: "2024-01-01" }])).toEqual(["invalid_range"]);
  });

  it("reports minSelections above maxSelections (invalid_range)", () => {
    expect(codes([multi("m", ["a", "b", "c"], { minSelections: 3, maxSelections: 2 })])).toEqual(["invalid_range"]);
  });

  it("reports minSelections above the number of options (invalid_range)", () => {
    expect(codes([multi("m", ["a", "b"], { minSelections: 3 })])).toEqual(["invalid_range"]);
    expect(codes([multi("m", ["a", "b"], { minSelections: 3, allowOther: true })])).toEqual([]);
  });

  it("reports a segment rule on an unknown question (dangling_reference)", () => {
    const segments = [{ id: "s", name: "S", color: "#112233", when: when("ghost", "answered") }];
    expect(issuesOf([ask], { segments })).toEqual([
      expect.objectContaining({ code: "dangling_reference", path: ["segments", 0, "when", "conditions", 0, "questionId"] }),
    ]);
  });

  it("reports a segment with an empty rule, which would match everyone (empty_condition)", () => {
    const segments = [{ id: "s", name: "S", color: "#112233", when: { op: "and" as const, conditions: [] } }];
    expect(codes([ask], { segments })).toEqual(["empty_condition"]);
  });

  it("reports a quota on an unknown segment (dangling_reference)", () => {
    expect(issuesOf([ask], { quotas: [{ id: "q", name: "Q", segmentId: "ghost", cap: 5 }] })).toEqual([
      expect.objectContaining({ code: "dangling_reference", path: ["quotas", 0, "segmentId"] }),
    ]);
  });

  it("reports two quotas on the same audience (duplicate_quota)", () => {
    const quotas = [
      { id: "a", name: "A", segmentId: null, cap: 5 },
      { id: "b", name: "B", segmentId: null, cap: 9 },
    ];
    expect(codes([ask], { quotas })).toEqual(["duplicate_quota"]);
  });

  it("requires consent text when the survey collects emails via settings (consent_required)", () => {
    expect(issuesOf([ask], { settings: { collectEmail: true } })).toEqual([
      expect.objectContaining({ code: "consent_required", path: ["settings", "consentText"] }),
    ]);
  });

  it("requires consent text when the survey has an email question (consent_required)", () => {
    expect(codes([{ id: "e", type: "email", title: "Email" }])).toEqual(["consent_required"]);
    expect(codes([{ id: "e", type: "email", title: "Email" }], { settings: { consentText: "We may email you." } })).toEqual([]);
  });

  it("property: generated well-formed definitions have no issues beyond missing questions or passing options", () => {
    fc.assert(
      fc.property(definitionArb(), (def) => {
        const found = validateDefinition(def).map((i) => i.code);
        expect(found.filter((code) => code !== "no_questions" && code !== "no_passing_option")).toEqual([]);
      }),
    );
  });

  it("property: validateDefinition of a schema-valid generated definition never throws", () => {
    fc.assert(
      fc.property(looseDefinitionArb(), (def) => {
        const found = validateDefinition(def);
        for (const issue of found) expect(issue.code).toMatch(/^[a-z_]+$/);
      }),
    );
  });
});
