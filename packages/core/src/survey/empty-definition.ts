/** The starting point of a new survey. */
import { SurveyDefinitionSchema, type SurveyDefinition } from "./definition-schema";

/**
 * A draft with one empty page and every default applied; a blank title becomes
 * "Untitled survey" so creating a survey never fails. Example: `emptyDefinition("Onboarding study")`.
 */
export function emptyDefinition(title: string): SurveyDefinition {
  return SurveyDefinitionSchema.parse({
    schemaVersion: 1,
    title: title.trim().slice(0, 200) || "Untitled survey",
    pages: [{ id: "page-1", questions: [] }],
  });
}
