import { describe, expect, it } from "vitest";
import { SurveyDefinitionSchema } from "../survey/definition-schema";
import { exportColumns, groupAnswers, type StoredAnswer } from "./export-columns";

const def = SurveyDefinitionSchema.parse({
  schemaVersion: 1,
  title: "Columns",
  pages: [
    {
      id: "p1",
      questions: [
        { id: "role", type: "single_choice", title: "Role", options: [{ id: "me", label: "I do", effect: null }], allowOther: true },
        { id: "tools", type: "multiple_choice", title: "Tools", options: [{ id: "a", label: "A", effect: null }, { id: "b", label: "B", effect: null }], allowOther: true },
        { id: "grid", type: "matrix", title: "Grid", rows: [{ id: "r1", label: "Row 1" }, { id: "r2", label: "Row 2" }], columns: [{ id: "c1", label: "Yes" }, { id: "c2", label: "No" }] },
        { id: "ok", type: "consent", title: "Consent", text: "I agree" },
        { id: "email", type: "email", title: "Email" },
      ],
    },
  ],
  settings: { consentText: "I agree to be contacted." },
});

const answer = (question_id: string, option_id: string | null, value_text: string | null = null, value_number: number | null = null): StoredAnswer => ({
  question_id, option_id, value_text, value_number,
});

const row = (answers: StoredAnswer[], includeEmails = false) => {
  const columns = exportColumns(def, { includeEmails });
  const grouped = groupAnswers(answers);
  return Object.fromEntries(columns.map((c) => [c.header, c.value(grouped)]));
};

describe("exportColumns", () => {
  it("gives a multiple-choice question a 0/1 column per option and one for its Other text", () => {
    expect(row([answer("tools", "b"), answer("tools", "__other__", "Notes app")])).toMatchObject({
      "Tools [A]": 0, "Tools [B]": 1, "Tools [Other]": "Notes app",
    });
  });

  it("leaves every column of an unanswered question empty rather than 0", () => {
    expect(row([])).toMatchObject({ Role: null, "Tools [A]": null, "Tools [Other]": null, "Grid [Row 1]": null, Consent: null });
  });

  it("reads choices as labels, Other as its text, grids per row and consent as yes/no", () => {
    expect(row([answer("role", "__other__", "Founder"), answer("grid", "c1", "r2"), answer("ok", null, null, 1)])).toMatchObject({
      Role: "Other: Founder", "Grid [Row 1]": null, "Grid [Row 2]": "Yes", Consent: "yes",
    });
    expect(row([answer("role", "me")]).Role).toBe("I do");
  });

  it("has an email column only when emails are asked for", () => {
    expect(row([answer("email", null, "a@example.com")])).not.toHaveProperty("Email");
    expect(row([answer("email", null, "a@example.com")], true)).toMatchObject({ Email: "a@example.com" });
  });
});

describe("groupAnswers", () => {
  it("groups by question and keeps the stored order within each", () => {
    const grouped = groupAnswers([answer("tools", "b"), answer("role", "me"), answer("tools", "a")]);
    expect(grouped.get("tools")?.map((a) => a.option_id)).toEqual(["b", "a"]);
    expect(grouped.get("role")).toHaveLength(1);
    expect(grouped.get("grid")).toBeUndefined();
  });
});
