/** The built-in template catalogue, in the order the template picker shows it. */
import { communityRecruitTemplate } from "./community-recruit";
import { customerVsUserTemplate } from "./customer-vs-user";
import { jtbdSwitchTemplate } from "./jtbd-switch";
import { personaValidationTemplate } from "./persona-validation";
import { productFeedbackNpsTemplate } from "./product-feedback-nps";
import type { SurveyTemplate } from "./survey-template";

/** Every built-in template. Example: `surveyTemplates.map((t) => t.id)`. */
export const surveyTemplates: readonly SurveyTemplate[] = [
  customerVsUserTemplate,
  jtbdSwitchTemplate,
  personaValidationTemplate,
  productFeedbackNpsTemplate,
  communityRecruitTemplate,
];

/** The template with this id, or undefined. Example: `findTemplate("jtbd-switch")?.definition`. */
export function findTemplate(id: string): SurveyTemplate | undefined {
  return surveyTemplates.find((template) => template.id === id);
}
