import { describe, expect, it } from "vitest";
import { ConditionGroupSchema, IdSchema, QuestionSchema, SurveyDefinitionSchema } from "./definition-schema";

const minimal = { schemaVersion: 1, title: "Study", pages: [] };

describe("SurveyDefinitionSchema", () => {
  it("fills sensible defaults for a minimal draft", () => {
    const def = SurveyDefinitionSchema.parse(minimal);
    expect(def).toMatchObject({ description: "", estimatedMinutes: 3, segments: [], quotas: [] });
    expect(def.settings).toEqual({
      responseLimit: null,
      closesAt: null,
      onePerPerson: false,
      collectEmail: false,
      consentText: "",
      language: "en",
      linkPreview: {},
    });
    expect(def.endScreens.over_quota.title).not.toBe("");
    expect(def.endScreens.closed.body).not.toBe("");
  });

  it("trims the title and rejects a blank one", () => {
    expect(SurveyDefinitionSchema.parse({ ...minimal, title: "  Study  " }).title).toBe("Study");
    expect(SurveyDefinitionSchema.safeParse({ ...minimal, title: "   " }).success).toBe(false);
  });

  it("accepts only schemaVersion 1", () => {
    expect(SurveyDefinitionSchema.safeParse({ ...minimal, schemaVersion: 2 }).success).toBe(false);
  });

  it("rejects a redirect that is not http or https", () => {
    const endScreens = { qualified: { title: "Bye", redirectUrl: "javascript:alert(1)" } };
    expect(SurveyDefinitionSchema.safeParse({ ...minimal, endScreens }).success).toBe(false);
  });

  it("accepts an https redirect", () => {
    const endScreens = { qualified: { title: "Bye", redirectUrl: "https://calendly.com/team/interview" } };
    expect(SurveyDefinitionSchema.safeParse({ ...minimal, endScreens }).success).toBe(true);
  });

  it("rejects a segment colour that is not #rrggbb", () => {
    const segments = [{ id: "s", name: "S", color: "red", when: { op: "and", conditions: [] } }];
    expect(SurveyDefinitionSchema.safeParse({ ...minimal, segments }).success).toBe(false);
  });

  it("rejects a closing time that is not an ISO datetime", () => {
    expect(SurveyDefinitionSchema.safeParse({ ...minimal, settings: { closesAt: "tomorrow" } }).success).toBe(false);
    expect(SurveyDefinitionSchema.safeParse({ ...minimal, settings: { closesAt: "2030-01-01T00:00:00Z" } }).success).toBe(true);
  });
});

describe("IdSchema", () => {
  it("accepts letters, digits, '_' and '-' up to 64 characters", () => {
    expect(IdSchema.safeParse("q_role-1").success).toBe(true);
    expect(IdSchema.safeParse("a".repeat(65)).success).toBe(false);
    expect(IdSchema.safeParse("has space").success).toBe(false);
  });

  it("rejects __proto__, which would corrupt answer objects", () => {
    expect(IdSchema.safeParse("__proto__").success).toBe(false);
  });
});

describe("QuestionSchema", () => {
  it("gives yes/no questions real options with ids yes and no", () => {
    const question = QuestionSchema.parse({ id: "q", type: "yes_no", title: "Do you?" });
    expect(question.type === "yes_no" && question.options).toEqual([
      { id: "yes", label: "Yes", effect: null },
      { id: "no", label: "No", effect: null },
    ]);
  });

  it("rejects yes/no options with other ids", () => {
    const options = [
      { id: "y", label: "Y" },
      { id: "n", label: "N" },
    ];
    expect(QuestionSchema.safeParse({ id: "q", type: "yes_no", title: "Do you?", options }).success).toBe(false);
  });

  it("defaults an option's effect to neutral", () => {
    const question = QuestionSchema.parse({ id: "q", type: "dropdown", title: "T", options: [{ id: "a", label: "A" }] });
    expect(question.type === "dropdown" && question.options[0]?.effect).toBeNull();
  });

  it("allows a choice question with no options as a draft", () => {
    expect(QuestionSchema.safeParse({ id: "q", type: "single_choice", title: "T", options: [] }).success).toBe(true);
  });

  it("requires a matrix to have a row and two columns", () => {
    const row = [{ id: "r", label: "R" }];
    const column = (id: string) => ({ id, label: id });
    const matrix = { id: "q", type: "matrix", title: "T", rows: row };
    expect(QuestionSchema.safeParse({ ...matrix, columns: [column("a")] }).success).toBe(false);
    expect(QuestionSchema.safeParse({ ...matrix, columns: [column("a"), column("b")] }).success).toBe(true);
  });

  it("caps text maxLength at 10000", () => {
    expect(QuestionSchema.safeParse({ id: "q", type: "short_text", title: "T", maxLength: 10001 }).success).toBe(false);
  });

  it("requires YYYY-MM-DD date bounds", () => {
    expect(QuestionSchema.safeParse({ id: "q", type: "date", title: "T", min: "2024-02-30" }).success).toBe(false);
    expect(QuestionSchema.safeParse({ id: "q", type: "date", title: "T", min: "2024-02-29" }).success).toBe(true);
  });

  it("rejects an unknown question type", () => {
    expect(QuestionSchema.safeParse({ id: "q", type: "slider", title: "T" }).success).toBe(false);
  });
});

describe("ConditionGroupSchema", () => {
  it("accepts nested groups mixing answer and channel conditions", () => {
    const group = {
      op: "and",
      conditions: [
        { source: "answer", questionId: "role", operator: "includes_any", value: ["pm"] },
        { op: "or", conditions: [{ source: "channel", operator: "is_none_of", values: ["reddit"] }] },
      ],
    };
    expect(ConditionGroupSchema.safeParse(group).success).toBe(true);
  });

  it("rejects an unknown operator", () => {
    const group = { op: "and", conditions: [{ source: "answer", questionId: "q", operator: "matches" }] };
    expect(ConditionGroupSchema.safeParse(group).success).toBe(false);
  });
});
