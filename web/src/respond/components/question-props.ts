import type { AnswerValue, PublicQuestion } from "@sieve/core";
import type { Strings } from "../i18n";

export type PublicQuestionOf<T extends PublicQuestion["type"]> = Extract<PublicQuestion, { type: T }>;

/** What every question component takes. Pure props in, onChange out: the builder preview reuses them. */
export interface QuestionProps<Q extends PublicQuestion = PublicQuestion> {
  question: Q;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  error: string | undefined;
  strings: Strings;
  /** Seeds randomized option order so one respondent always sees the same order. */
  seed: string;
}

/** DOM ids for a question's parts, shared by label, help, input and error. */
export function questionIds(questionId: string) {
  const base = `q-${questionId}`;
  return { root: base, input: `${base}-input`, help: `${base}-help`, error: `${base}-error` };
}

/** aria-describedby for a question: its help (if any) and its error (if any). */
export function describedBy(props: QuestionProps): string | undefined {
  const ids = questionIds(props.question.id);
  const parts = [props.question.help ? ids.help : undefined, props.error ? ids.error : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : undefined;
}

export function isOtherAnswer(value: unknown): value is { other: string } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "other" in value;
}

export const OTHER = "__other__";
