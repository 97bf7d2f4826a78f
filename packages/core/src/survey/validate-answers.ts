/**
 * Checks answers against a definition: shape first (AnswersSchema), then each
 * answer against its question, then logic (answers to hidden questions) and
 * required questions. Blank answers ("", [], {}) count as no answer. Every issue
 * is returned, each at `["answers", questionId, ...]`. On success the answers come
 * back normalized: text trimmed, blank answers dropped.
 */
import { z } from "zod";
import {
  TEXT_ANSWER_HARD_CAP,
  type Option,
  type Question,
  type QuestionOf,
  type SurveyDefinition,
} from "./definition-schema";
import { AnswersSchema, isAnswered, type AnswerValue, type Answers, type OtherAnswer } from "./answers-schema";
import { questionsById } from "./all-questions";
import { isAnswerable } from "./question-kinds";
import { visibility } from "../screener/visible-questions";
import type { RespondentContext } from "../screener/respondent-context";
import { fail, issue, ok, type Issue, type Result } from "../result";

type Path = (string | number)[];

/**
 * `partial` skips required checks (a page-by-page save); `ctx` feeds channel conditions;
 * `shapeChecked` says the input already passed AnswersSchema (a request body schema that
 * embeds it), so it is not parsed twice.
 */
export type ValidateAnswersOptions = { ctx: RespondentContext; partial: boolean; shapeChecked?: boolean };

/** Longest email address SMTP allows. */
const EMAIL_MAX_LENGTH = 254;
// The WHATWG `type=email` pattern, plus a required dot in the domain: a survey wants a reachable address.
const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const IsoDateSchema = z.iso.date();
const isIsoDate = (value: string): boolean => IsoDateSchema.safeParse(value).success;

/** Validates and normalizes answers. Example: `validateAnswers(def, body.answers, { ctx, partial: true })`. */
export function validateAnswers(def: SurveyDefinition, input: unknown, options: ValidateAnswersOptions): Result<Answers> {
  const parsed = options.shapeChecked ? { success: true as const, data: input as Answers } : AnswersSchema.safeParse(input);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((zodIssue) =>
        issue(
          ["answers", ...zodIssue.path.map((key) => (typeof key === "symbol" ? String(key) : key))],
          zodIssue.code === "too_big" ? "too_long" : "invalid_type",
          zodIssue.message,
        ),
      ),
    );
  }

  const byId = questionsById(def);
  const issues: Issue[] = [];
  const checked = new Map<string, Result<AnswerValue>>();
  // Logic sees normalized answers where they are valid and raw ones where not, so one
  // bad answer does not also hide (and so reject) every answer that depends on it.
  const forLogic: Answers = {};
  for (const [questionId, raw] of Object.entries(parsed.data)) {
    const question = byId.get(questionId);
    if (question === undefined) {
      issues.push(issue(["answers", questionId], "unknown_question", `No question has the id "${questionId}"`));
      continue;
    }
    if (!isAnswered(raw)) continue;
    const result = checkAnswer(question, raw, ["answers", questionId], options.partial);
    checked.set(questionId, result);
    forLogic[questionId] = result.ok ? result.value : raw;
  }

  const visible = visibility(def, forLogic, options.ctx).questions;
  const visibleIds = new Set(visible.map((q) => q.id));
  const normalized: Answers = {};
  for (const [questionId, result] of checked) {
    if (!visibleIds.has(questionId)) {
      issues.push(issue(["answers", questionId], "hidden_question", "This question is hidden by the survey's logic"));
    } else if (result.ok) {
      normalized[questionId] = result.value;
    } else {
      issues.push(...result.issues);
    }
  }

  if (!options.partial) {
    for (const question of visible) {
      if (question.required && isAnswerable(question) && !checked.has(question.id)) {
        issues.push(issue(["answers", question.id], "required", "This question needs an answer"));
      }
    }
  }
  return issues.length === 0 ? ok(normalized) : fail(issues);
}

function checkAnswer(question: Question, value: AnswerValue, path: Path, partial: boolean): Result<AnswerValue> {
  switch (question.type) {
    case "single_choice":
    case "dropdown":
      return checkSingleChoice(question.options, question.allowOther, value, path);
    case "yes_no":
      return checkSingleChoice(question.options, false, value, path);
    case "multiple_choice":
      return checkMultipleChoice(question, value, path);
    case "short_text":
    case "long_text":
      return checkText(question.maxLength ?? TEXT_ANSWER_HARD_CAP, value, path);
    case "email":
      return checkEmail(value, path);
    case "number":
      return checkNumber(question, value, path);
    case "rating":
      return checkWholeNumber(value, 1, question.scale, path);
    case "nps":
      return checkWholeNumber(value, 0, 10, path);
    case "matrix":
      return checkMatrix(question, value, path, partial);
    case "date":
      return checkDate(question, value, path);
    case "consent":
      return checkConsent(question, value, path);
    case "statement":
      return fail([issue(path, "no_answer_expected", "A statement takes no answer")]);
  }
}

/** The text of an `{ other }` answer, or undefined when the value is not one. */
function otherText(value: AnswerValue): string | undefined {
  if (typeof value !== "object" || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === "other" ? value["other"] : undefined;
}

function checkOther(text: string, allowOther: boolean, path: Path): Result<OtherAnswer> {
  if (!allowOther) return fail([issue(path, "other_not_allowed", "This question has no \"Other\" choice")]);
  const trimmed = text.trim();
  return trimmed === "" ? fail([issue(path, "empty_other", "Say what \"Other\" is")]) : ok({ other: trimmed });
}

function checkSingleChoice(
  options: readonly Option[],
  allowOther: boolean,
  value: AnswerValue,
  path: Path,
): Result<AnswerValue> {
  if (typeof value === "string") {
    return options.some((o) => o.id === value) ? ok(value) : fail([issue(path, "unknown_option", "Unknown option")]);
  }
  const other = otherText(value);
  if (other !== undefined) return checkOther(other, allowOther, path);
  return fail([issue(path, "invalid_type", "Pick one option")]);
}

function checkMultipleChoice(question: QuestionOf<"multiple_choice">, value: AnswerValue, path: Path): Result<AnswerValue> {
  if (!Array.isArray(value)) return fail([issue(path, "invalid_type", "Pick a list of options")]);
  const issues: Issue[] = [];
  const selected: (string | OtherAnswer)[] = [];
  const seen = new Set<string>();
  let hasOther = false;
  value.forEach((item, index) => {
    const itemPath = [...path, index];
    if (typeof item === "string") {
      if (!question.options.some((o) => o.id === item)) issues.push(issue(itemPath, "unknown_option", "Unknown option"));
      else if (seen.has(item)) issues.push(issue(itemPath, "duplicate_selection", "Selected twice"));
      else selected.push(item);
      seen.add(item);
      return;
    }
    if (hasOther) {
      issues.push(issue(itemPath, "duplicate_selection", "\"Other\" can be given once"));
      return;
    }
    hasOther = true;
    const other = checkOther(item.other, question.allowOther, itemPath);
    if (other.ok) selected.push(other.value);
    else issues.push(...other.issues);
  });
  const { minSelections: min, maxSelections: max } = question;
  if (min !== undefined && value.length < min) {
    issues.push(issue(path, "too_few_selections", `Select at least ${min}`));
  }
  if (max !== undefined && value.length > max) {
    issues.push(issue(path, "too_many_selections", `Select at most ${max}`));
  }
  return issues.length === 0 ? ok(selected) : fail(issues);
}

function checkText(maxLength: number, value: AnswerValue, path: Path): Result<AnswerValue> {
  if (typeof value !== "string") return fail([issue(path, "invalid_type", "Enter text")]);
  const trimmed = value.trim();
  return trimmed.length > maxLength
    ? fail([issue(path, "too_long", `Use at most ${maxLength} characters`)])
    : ok(trimmed);
}

function checkEmail(value: AnswerValue, path: Path): Result<AnswerValue> {
  if (typeof value !== "string") return fail([issue(path, "invalid_type", "Enter an email address")]);
  const trimmed = value.trim();
  return trimmed.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(trimmed)
    ? ok(trimmed)
    : fail([issue(path, "invalid_email", "Enter a valid email address")]);
}

function checkNumber(question: QuestionOf<"number">, value: AnswerValue, path: Path): Result<AnswerValue> {
  if (typeof value !== "number") return fail([issue(path, "invalid_type", "Enter a number")]);
  const issues: Issue[] = [];
  if (question.integer && !Number.isInteger(value)) issues.push(issue(path, "not_integer", "Enter a whole number"));
  if ((question.min !== undefined && value < question.min) || (question.max !== undefined && value > question.max)) {
    issues.push(issue(path, "out_of_range", rangeMessage(question.min, question.max)));
  }
  return issues.length === 0 ? ok(value) : fail(issues);
}

function rangeMessage(min: number | string | undefined, max: number | string | undefined): string {
  if (min !== undefined && max !== undefined) return `Enter a value from ${min} to ${max}`;
  return min !== undefined ? `Enter ${min} or more` : `Enter ${max} or less`;
}

function checkWholeNumber(value: AnswerValue, min: number, max: number, path: Path): Result<AnswerValue> {
  if (typeof value !== "number") return fail([issue(path, "invalid_type", "Pick a number")]);
  if (!Number.isInteger(value)) return fail([issue(path, "not_integer", "Pick a whole number")]);
  return value < min || value > max ? fail([issue(path, "out_of_range", rangeMessage(min, max))]) : ok(value);
}

function checkMatrix(question: QuestionOf<"matrix">, value: AnswerValue, path: Path, partial: boolean): Result<AnswerValue> {
  if (typeof value !== "object" || Array.isArray(value)) {
    return fail([issue(path, "invalid_type", "Answer with a column per row")]);
  }
  const issues: Issue[] = [];
  for (const [rowId, columnId] of Object.entries(value)) {
    if (!question.rows.some((r) => r.id === rowId)) issues.push(issue([...path, rowId], "unknown_row", "Unknown row"));
    else if (!question.columns.some((c) => c.id === columnId)) {
      issues.push(issue([...path, rowId], "unknown_column", "Unknown column"));
    }
  }
  // A required grid means every row; a partial save may still be filling it in.
  if (question.required && !partial) {
    for (const row of question.rows) {
      if (!Object.hasOwn(value, row.id)) issues.push(issue([...path, row.id], "required", `Answer "${row.label}"`));
    }
  }
  return issues.length === 0 ? ok(Object.fromEntries(Object.entries(value))) : fail(issues);
}

function checkDate(question: QuestionOf<"date">, value: AnswerValue, path: Path): Result<AnswerValue> {
  if (typeof value !== "string") return fail([issue(path, "invalid_type", "Enter a date")]);
  const trimmed = value.trim();
  if (!isIsoDate(trimmed)) return fail([issue(path, "invalid_date", "Enter a date as YYYY-MM-DD")]);
  // ISO dates compare correctly as strings.
  if ((question.min !== undefined && trimmed < question.min) || (question.max !== undefined && trimmed > question.max)) {
    return fail([issue(path, "out_of_range", rangeMessage(question.min, question.max))]);
  }
  return ok(trimmed);
}

function checkConsent(question: QuestionOf<"consent">, value: AnswerValue, path: Path): Result<AnswerValue> {
  if (typeof value !== "boolean") return fail([issue(path, "invalid_type", "Answer with true or false")]);
  return question.required && !value ? fail([issue(path, "must_consent", "Consent is needed to continue")]) : ok(value);
}
