// Friendly checks before leaving a page. The server re-validates everything; this
// only spares the respondent a round trip and speaks their language.
import type { AnswerValue, PublicQuestion } from "@sieve/core";
import { isAnswered } from "./core";
import type { Strings } from "./i18n";

const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Error messages by question id for the questions on one page; empty when all is well. */
export function validatePage(
  questions: readonly PublicQuestion[],
  answers: Readonly<Record<string, AnswerValue>>,
  strings: Strings,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const question of questions) {
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const error = checkQuestion(question, value, strings);
    if (error !== undefined) errors[question.id] = error;
  }
  return errors;
}

function checkQuestion(question: PublicQuestion, value: AnswerValue | undefined, strings: Strings): string | undefined {
  const e = strings.errors;
  if (question.type === "statement") return undefined;
  if (!isAnswered(value)) return question.required ? (question.type === "consent" ? e.consent : e.required) : undefined;
  switch (question.type) {
    case "single_choice":
    case "dropdown":
    case "yes_no":
      return isBlankOther(value) ? e.otherEmpty : undefined;
    case "multiple_choice": {
      const selected = Array.isArray(value) ? value : [];
      if (selected.some(isBlankOther)) return e.otherEmpty;
      if (question.minSelections !== undefined && selected.length < question.minSelections)
        return e.tooFew(question.minSelections);
      if (question.maxSelections !== undefined && selected.length > question.maxSelections)
        return e.tooMany(question.maxSelections);
      return undefined;
    }
    case "short_text":
    case "long_text":
      return typeof value === "string" && question.maxLength !== undefined && value.trim().length > question.maxLength
        ? e.tooLong(question.maxLength)
        : undefined;
    case "email":
      return typeof value === "string" && value.trim().length <= 254 && EMAIL_PATTERN.test(value.trim())
        ? undefined
        : e.email;
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return e.number;
      if (question.integer && !Number.isInteger(value)) return e.integer;
      return outOfRange(value, question.min, question.max) ? e.range(str(question.min), str(question.max)) : undefined;
    }
    case "rating":
    case "nps":
      return typeof value === "number" ? undefined : e.required;
    case "matrix": {
      if (!question.required) return undefined;
      const grid = typeof value === "object" && !Array.isArray(value) ? value : {};
      const missing = question.rows.find((row) => !Object.hasOwn(grid, row.id));
      return missing ? e.matrixRow(missing.label) : undefined;
    }
    case "date": {
      if (typeof value !== "string" || !DATE_PATTERN.test(value) || Number.isNaN(Date.parse(value))) return e.date;
      return outOfRange(value, question.min, question.max) ? e.range(question.min, question.max) : undefined;
    }
    case "consent":
      return question.required && value !== true ? e.consent : undefined;
  }
}

function isBlankOther(value: unknown): boolean {
  return typeof value === "object" && value !== null && "other" in value && String(value.other).trim() === "";
}

function outOfRange<T extends number | string>(value: T, min: T | undefined, max: T | undefined): boolean {
  return (min !== undefined && value < min) || (max !== undefined && value > max);
}

function str(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}
