/**
 * The operator tables behind every condition. Each operator is one small function
 * over an answer that is `undefined` when the question is unanswered or hidden.
 * Rule: only `not_answered` holds for an unanswered question — negative operators
 * (`not_equals`, `includes_none`) need an answer too, so hidden questions cascade.
 * `equals` is exact (option ids, numbers, booleans, dates); `contains` is the
 * case-insensitive text match.
 */
import type { AnswerOperator, ChannelOperator, ConditionValue, QuestionType } from "../survey/definition-schema";
import type { AnswerValue } from "../survey/answers-schema";
import type { RespondentContext } from "./respondent-context";

/** Tests one answer (undefined = unanswered) against a condition's value. */
export type AnswerTest = (answer: AnswerValue | undefined, value: ConditionValue | undefined) => boolean;

/** The option ids an answer selects; `{ other }` entries select none. */
export function selectedIds(answer: AnswerValue | undefined): string[] {
  if (typeof answer === "string") return [answer];
  if (Array.isArray(answer)) return answer.filter((item) => typeof item === "string");
  return [];
}

function valueIds(value: ConditionValue | undefined): string[] {
  if (Array.isArray(value)) return value;
  return typeof value === "string" ? [value] : [];
}

function sameScalar(answer: AnswerValue, value: ConditionValue | undefined): boolean {
  return (
    (typeof answer === "string" && typeof value === "string" && answer === value) ||
    (typeof answer === "number" && typeof value === "number" && answer === value) ||
    (typeof answer === "boolean" && typeof value === "boolean" && answer === value)
  );
}

/** Numbers compare numerically, strings (ISO dates) lexically; anything else is incomparable. */
function compare(answer: AnswerValue | undefined, value: ConditionValue | undefined): number | undefined {
  if (typeof answer === "number" && typeof value === "number") return answer - value;
  if (typeof answer === "string" && typeof value === "string") return answer < value ? -1 : answer > value ? 1 : 0;
  return undefined;
}

function ordered(holds: (difference: number) => boolean): AnswerTest {
  return (answer, value) => {
    const difference = compare(answer, value);
    return difference !== undefined && holds(difference);
  };
}

/** Every answer operator. Example: `answerOperators.includes_any(["a", "b"], ["b"]) === true`. */
export const answerOperators: Record<AnswerOperator, AnswerTest> = {
  answered: (answer) => answer !== undefined,
  not_answered: (answer) => answer === undefined,
  equals: (answer, value) => answer !== undefined && sameScalar(answer, value),
  not_equals: (answer, value) => answer !== undefined && !sameScalar(answer, value),
  includes_any: (answer, value) => {
    const selected = selectedIds(answer);
    return valueIds(value).some((id) => selected.includes(id));
  },
  includes_all: (answer, value) => {
    const selected = selectedIds(answer);
    const wanted = valueIds(value);
    return wanted.length > 0 && wanted.every((id) => selected.includes(id));
  },
  includes_none: (answer, value) => {
    const selected = selectedIds(answer);
    return answer !== undefined && !valueIds(value).some((id) => selected.includes(id));
  },
  gt: ordered((d) => d > 0),
  gte: ordered((d) => d >= 0),
  lt: ordered((d) => d < 0),
  lte: ordered((d) => d <= 0),
  contains: (answer, value) =>
    typeof answer === "string" && typeof value === "string" && answer.toLowerCase().includes(value.toLowerCase()),
};

/** Tests the respondent's channel against a condition's list of codes or kinds. */
export type ChannelTest = (channel: RespondentContext["channel"], values: readonly string[]) => boolean;

function channelMatches(channel: RespondentContext["channel"], values: readonly string[]): boolean {
  return channel !== null && (values.includes(channel.code) || values.includes(channel.kind));
}

/** Every channel operator; a response with no channel is "none of" any list. */
export const channelOperators: Record<ChannelOperator, ChannelTest> = {
  is_any_of: (channel, values) => channelMatches(channel, values),
  is_none_of: (channel, values) => !channelMatches(channel, values),
};

const choice: readonly AnswerOperator[] = [
  "answered",
  "not_answered",
  "equals",
  "not_equals",
  "includes_any",
  "includes_none",
];
const text: readonly AnswerOperator[] = ["answered", "not_answered", "equals", "not_equals", "contains"];
const ordinal: readonly AnswerOperator[] = ["answered", "not_answered", "equals", "not_equals", "gt", "gte", "lt", "lte"];

/** Which operators make sense for each question type (statements take none). */
export const operatorsByQuestionType: Record<QuestionType, readonly AnswerOperator[]> = {
  single_choice: choice,
  dropdown: choice,
  yes_no: choice,
  multiple_choice: ["answered", "not_answered", "includes_any", "includes_all", "includes_none"],
  short_text: text,
  long_text: text,
  email: text,
  number: ordinal,
  rating: ordinal,
  nps: ordinal,
  date: ordinal,
  matrix: ["answered", "not_answered"],
  consent: ["answered", "not_answered", "equals", "not_equals"],
  statement: [],
};

/** The shape of value an operator compares with; `validateDefinition` checks it per question type. */
export type OperatorValueKind = "none" | "scalar" | "option_list" | "ordered" | "text";

/** What value each operator expects. */
export const operatorValueKinds: Record<AnswerOperator, OperatorValueKind> = {
  answered: "none",
  not_answered: "none",
  equals: "scalar",
  not_equals: "scalar",
  includes_any: "option_list",
  includes_all: "option_list",
  includes_none: "option_list",
  gt: "ordered",
  gte: "ordered",
  lt: "ordered",
  lte: "ordered",
  contains: "text",
};
