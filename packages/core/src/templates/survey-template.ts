/** What a survey template is: a ready-made definition plus the text the template picker shows. */
import type { SurveyDefinition } from "../survey/definition-schema";

/**
 * A starting point a researcher can publish as-is or edit. `definition` is shared:
 * clone it before changing it. Example: `structuredClone(findTemplate("jtbd-switch")!.definition)`.
 */
export type SurveyTemplate = {
  /** Stable kebab-case id, used in URLs and `POST /surveys { templateId }`. */
  id: string;
  name: string;
  description: string;
  /** Groups templates in the picker, e.g. "Recruiting screener". */
  category: string;
  definition: SurveyDefinition;
};
