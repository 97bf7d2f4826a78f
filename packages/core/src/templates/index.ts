// Survey templates: re-exports only.
export type { SurveyTemplate } from "./survey-template";
export { surveyTemplates, findTemplate } from "./survey-templates";
export { customerVsUserTemplate } from "./customer-vs-user";
export { jtbdSwitchTemplate } from "./jtbd-switch";
export { personaValidationTemplate } from "./persona-validation";
export { productFeedbackNpsTemplate } from "./product-feedback-nps";
export { communityRecruitTemplate } from "./community-recruit";
