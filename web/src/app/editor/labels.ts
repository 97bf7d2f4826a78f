/** Words for the builder's pickers: operators, channel kinds, option effects. */
import { ChannelKindSchema, type AnswerOperator, type ChannelKind, type ChannelOperator, type OptionEffect, type QuestionType } from "@sieve/core";

const answerOperatorLabels: Record<AnswerOperator, string> = {
  answered: "is answered",
  not_answered: "is not answered",
  equals: "is",
  not_equals: "is not",
  includes_any: "includes any of",
  includes_all: "includes all of",
  includes_none: "includes none of",
  gt: "is more than",
  gte: "is at least",
  lt: "is less than",
  lte: "is at most",
  contains: "contains",
};

const dateOperatorLabels: Partial<Record<AnswerOperator, string>> = {
  gt: "is after",
  gte: "is on or after",
  lt: "is before",
  lte: "is on or before",
};

/** An operator in words for a question type. Example: `operatorLabel("gt", "date")` → `"is after"`. */
export function operatorLabel(operator: AnswerOperator, type: QuestionType): string {
  return (type === "date" ? dateOperatorLabels[operator] : undefined) ?? answerOperatorLabels[operator];
}

export const channelOperatorLabels: Record<ChannelOperator, string> = {
  is_any_of: "is any of",
  is_none_of: "is none of",
};

export const channelKindLabels: Record<ChannelKind, string> = {
  reddit: "Reddit",
  facebook: "Facebook",
  linkedin: "LinkedIn",
  x: "X (Twitter)",
  "google-group": "Google Group",
  newsletter: "Newsletter",
  email: "Email",
  other: "Other",
};

export const channelKinds: readonly ChannelKind[] = ChannelKindSchema.options;

/** The screener effects in the order the picker offers them; "none" stands for null. */
export type EffectChoice = "none" | "qualify" | "disqualify" | "trap";

export const effectChoices: readonly EffectChoice[] = ["none", "qualify", "disqualify", "trap"];

export const effectLabels: Record<EffectChoice, string> = {
  none: "No effect",
  qualify: "Qualifies",
  disqualify: "Disqualifies",
  trap: "Trap (flags fakers)",
};

/** What each effect does, for hints. */
export const effectHints: Record<EffectChoice, string> = {
  none: "Picking it neither qualifies nor disqualifies.",
  qualify: "Respondents must pick a qualifying option on this question to qualify.",
  disqualify: "Picking it ends the survey with the disqualified screen.",
  trap: "A fake answer: picking it flags the response as likely fraud.",
};

export function effectChoice(effect: OptionEffect): EffectChoice {
  return effect ?? "none";
}

export function effectFromChoice(choice: EffectChoice): OptionEffect {
  return choice === "none" ? null : choice;
}
