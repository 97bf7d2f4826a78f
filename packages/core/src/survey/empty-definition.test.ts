import { describe, expect, it } from "vitest";
import { SurveyDefinitionSchema } from "./definition-schema";
import { emptyDefinition } from "./empty-definition";
import { validateDefinition } from "./validate-definition";

describe("emptyDefinition", () => {
  it("is a schema-valid draft with one empty page", () => {
    const def = emptyDefinition("Onboarding study");
    expect(SurveyDefinitionSchema.parse(def)).toEqual(def);
    expect(def.title).toBe("Onboarding study");
    expect(def.pages).toEqual([{ id: "page-1", questions: [] }]);
  });

  it("names a blank title 'Untitled survey' instead of failing", () => {
    expect(emptyDefinition("   ").title).toBe("Untitled survey");
  });

  it("is not yet publishable: it has no questions", () => {
    expect(validateDefinition(emptyDefinition("x")).map((i) => i.code)).toContain("no_questions");
  });
});
