/**
 * Reading answers, without zod: the respondent page imports this (through
 * `@sieve/core/logic`) and must not pay for building schemas.
 */
import type { Answers, AnswerValue } from "./answers-schema";

/** The answer to a question, reading own properties only (ids like `constructor` are legal). */
export function answerOf(answers: Answers, questionId: string): AnswerValue | undefined {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

/** Whether a value counts as an answer: blank text, empty lists and empty matrices do not. Example: `isAnswered("  ") === false`. */
export function isAnswered(value: AnswerValue | undefined): value is AnswerValue {
  if (value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (typeof value === "number" || typeof value === "boolean") return true;
  if (Array.isArray(value)) return value.length > 0;
  return Object.keys(value).length > 0;
}
