/**
 * Small builders that write template definitions in their *parsed* form (every
 * default spelled out), so a template is a plain constant: no parsing at import time,
 * and `SurveyDefinitionSchema.parse(template.definition)` returns an equal object.
 * Internal to templates; not part of the package surface.
 */
import type {
  AnswerCondition,
  AnswerOperator,
  ChannelCondition,
  Condition,
  ConditionGroup,
  ConditionValue,
  EndScreens,
  MatrixItem,
  Option,
  OptionEffect,
  Question,
  QuestionOf,
  Settings,
} from "../survey/definition-schema";

/** Fields every question may set. */
type Common = { help?: string; required?: boolean; showIf?: ConditionGroup };
type ChoiceExtras = Common & { randomize?: boolean; allowOther?: boolean };

/** The base fields with optional keys left out rather than set to undefined (so JSON round-trips). */
function base(id: string, title: string, extras: Common) {
  return {
    id,
    title,
    required: extras.required ?? false,
    ...(extras.help !== undefined ? { help: extras.help } : {}),
    ...(extras.showIf !== undefined ? { showIf: extras.showIf } : {}),
  };
}

function choice(id: string, title: string, options: Option[], extras: ChoiceExtras) {
  return {
    ...base(id, title, extras),
    options,
    randomize: extras.randomize ?? false,
    allowOther: extras.allowOther ?? false,
  };
}

/** A choice option. Example: `option("opt-pm", "Product manager")`. */
export function option(id: string, label: string, effect: OptionEffect = null): Option {
  return { id, label, effect };
}

/** An option that ends the screener for whoever picks it. */
export function disqualifier(id: string, label: string): Option {
  return option(id, label, "disqualify");
}

/** A plausible-sounding fake answer; picking it flags the response. */
export function trap(id: string, label: string): Option {
  return option(id, label, "trap");
}

export function singleChoice(
  id: string,
  title: string,
  options: Option[],
  extras: ChoiceExtras = {},
): QuestionOf<"single_choice"> {
  return { ...choice(id, title, options, extras), type: "single_choice" };
}

export function dropdown(
  id: string,
  title: string,
  options: Option[],
  extras: ChoiceExtras = {},
): QuestionOf<"dropdown"> {
  return { ...choice(id, title, options, extras), type: "dropdown" };
}

export function multipleChoice(
  id: string,
  title: string,
  options: Option[],
  extras: ChoiceExtras & { minSelections?: number; maxSelections?: number } = {},
): QuestionOf<"multiple_choice"> {
  return {
    ...choice(id, title, options, extras),
    type: "multiple_choice",
    ...(extras.minSelections !== undefined ? { minSelections: extras.minSelections } : {}),
    ...(extras.maxSelections !== undefined ? { maxSelections: extras.maxSelections } : {}),
  };
}

export function yesNo(
  id: string,
  title: string,
  extras: Common & { yes?: OptionEffect; no?: OptionEffect; yesLabel?: string; noLabel?: string } = {},
): QuestionOf<"yes_no"> {
  return {
    ...base(id, title, extras),
    type: "yes_no",
    options: [
      { id: "yes", label: extras.yesLabel ?? "Yes", effect: extras.yes ?? null },
      { id: "no", label: extras.noLabel ?? "No", effect: extras.no ?? null },
    ],
  };
}

export function shortText(
  id: string,
  title: string,
  extras: Common & { maxLength?: number } = {},
): QuestionOf<"short_text"> {
  return {
    ...base(id, title, extras),
    type: "short_text",
    ...(extras.maxLength !== undefined ? { maxLength: extras.maxLength } : {}),
  };
}

export function longText(
  id: string,
  title: string,
  extras: Common & { maxLength?: number } = {},
): QuestionOf<"long_text"> {
  return {
    ...base(id, title, extras),
    type: "long_text",
    ...(extras.maxLength !== undefined ? { maxLength: extras.maxLength } : {}),
  };
}

export function email(id: string, title: string, extras: Common = {}): QuestionOf<"email"> {
  return { ...base(id, title, extras), type: "email" };
}

export function numberQuestion(
  id: string,
  title: string,
  extras: Common & { min?: number; max?: number; integer?: boolean; unit?: string } = {},
): QuestionOf<"number"> {
  return {
    ...base(id, title, extras),
    type: "number",
    integer: extras.integer ?? false,
    ...(extras.min !== undefined ? { min: extras.min } : {}),
    ...(extras.max !== undefined ? { max: extras.max } : {}),
    ...(extras.unit !== undefined ? { unit: extras.unit } : {}),
  };
}

export function rating(
  id: string,
  title: string,
  extras: Common & { scale?: number; lowLabel?: string; highLabel?: string } = {},
): QuestionOf<"rating"> {
  return {
    ...base(id, title, extras),
    type: "rating",
    scale: extras.scale ?? 5,
    ...(extras.lowLabel !== undefined ? { lowLabel: extras.lowLabel } : {}),
    ...(extras.highLabel !== undefined ? { highLabel: extras.highLabel } : {}),
  };
}

export function nps(
  id: string,
  title: string,
  extras: Common & { lowLabel?: string; highLabel?: string } = {},
): QuestionOf<"nps"> {
  return {
    ...base(id, title, extras),
    type: "nps",
    ...(extras.lowLabel !== undefined ? { lowLabel: extras.lowLabel } : {}),
    ...(extras.highLabel !== undefined ? { highLabel: extras.highLabel } : {}),
  };
}

export function matrix(
  id: string,
  title: string,
  rows: MatrixItem[],
  columns: MatrixItem[],
  extras: Common = {},
): QuestionOf<"matrix"> {
  return { ...base(id, title, extras), type: "matrix", rows, columns };
}

export function consent(id: string, title: string, text: string, extras: Common = {}): QuestionOf<"consent"> {
  return { ...base(id, title, extras), type: "consent", text };
}

/** A matrix row or column. */
export function item(id: string, label: string): MatrixItem {
  return { id, label };
}

/** A condition on an earlier answer. Example: `answer("q-role", "equals", "opt-pm")`. */
export function answer(questionId: string, operator: AnswerOperator, value?: ConditionValue): AnswerCondition {
  return value === undefined
    ? { source: "answer", questionId, operator }
    : { source: "answer", questionId, operator, value };
}

/** A condition on the respondent's channel code or kind. Example: `channel("is_any_of", ["reddit"])`. */
export function channel(operator: ChannelCondition["operator"], values: string[]): ChannelCondition {
  return { source: "channel", operator, values };
}

export function allOf(...conditions: (Condition | ConditionGroup)[]): ConditionGroup {
  return { op: "and", conditions };
}

export function anyOf(...conditions: (Condition | ConditionGroup)[]): ConditionGroup {
  return { op: "or", conditions };
}

/**
 * The consent statement shared by the templates: what is stored, for what, and how
 * to take it back — the three things a respondent needs before leaving an email.
 */
export const RESEARCH_CONSENT_TEXT =
  "I agree that the research team may store my answers and email address to contact me about this study. " +
  "My email will not be shared, sold or added to marketing lists, and I can ask for my answers and contact " +
  "details to be deleted at any time by replying to any email from the team.";

/** Settings with every field explicit; the templates all collect an email with consent. */
export function researchSettings(linkPreview: { title: string; description: string }): Settings {
  return {
    responseLimit: null,
    closesAt: null,
    onePerPerson: true,
    collectEmail: true,
    consentText: RESEARCH_CONSENT_TEXT,
    language: "en",
    linkPreview,
  };
}

/**
 * End screens in a researcher's voice. Only the qualified screen is study-specific; the
 * others stay deliberately neutral, because telling people *why* they did not qualify
 * teaches the next respondent which answer to give.
 */
export function researchEndScreens(qualified: { title: string; body: string }): EndScreens {
  return {
    qualified,
    disqualified: {
      title: "Thank you for your time",
      body:
        "We really appreciate you taking a few minutes to answer. This round of conversations is with a very " +
        "specific group, so we won't be reaching out about this study — but your answers still help us.",
    },
    over_quota: {
      title: "Thank you — we're fully booked for now",
      body:
        "We've already heard from enough people with a background like yours for this round, so we won't be " +
        "scheduling more calls. Thank you for offering your time.",
    },
    closed: {
      title: "This study has closed",
      body: "We're no longer looking for participants for this study. Thank you for stopping by.",
    },
  };
}

/**
 * The closing page every interview screener shares: "will you talk to us?" (yes qualifies,
 * no disqualifies), the email to schedule it, and consent to be contacted. Only the
 * invitation wording (length, incentive) differs. Example: `interviewContactQuestions("A 30-minute call? $50 thanks.")`.
 */
export function interviewContactQuestions(invitation: string): Question[] {
  return [
    yesNo("q-available", invitation, { required: true, yes: "qualify", no: "disqualify" }),
    email("q-email", "What email should we use to schedule the call?", {
      required: true,
      help: "Only used to arrange this conversation.",
    }),
    consent("q-consent", "Consent to be contacted", RESEARCH_CONSENT_TEXT, { required: true }),
  ];
}
