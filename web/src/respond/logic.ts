// Skip logic on the respondent page, through core's `visibleQuestions`.
import { isAnswered, visibleQuestions } from "./core";
import type {
  Answers,
  PublicDefinition,
  PublicQuestion,
  RespondentContext,
  SurveyDefinition,
} from "@sieve/core";

export type PublicPage = PublicDefinition["pages"][number];

/** A page with the questions currently shown on it. */
export type VisiblePage = { page: PublicPage; questions: PublicQuestion[] };

/**
 * `visibleQuestions` is typed over the full definition but reads only `pages[].questions`
 * (ids, types, options, showIf) — all of which the public definition keeps verbatim.
 * This is the one place that bridges the two types.
 */
function asLogicInput(def: PublicDefinition): SurveyDefinition {
  return def as unknown as SurveyDefinition;
}

/** Pages that have at least one visible question, each with those questions, in order. */
export function visiblePages(def: PublicDefinition, answers: Answers, ctx: RespondentContext): VisiblePage[] {
  const shown = new Set(visibleQuestions(asLogicInput(def), answers, ctx).map((question) => question.id));
  return def.pages
    .map((page) => ({ page, questions: page.questions.filter((question) => shown.has(question.id)) }))
    .filter((entry) => entry.questions.length > 0);
}

/**
 * What to send: answers to visible questions only (the server rejects answers to
 * hidden ones), without blanks. Also drops answers to questions the current
 * version no longer has.
 */
export function answersToSend(pages: readonly VisiblePage[], answers: Answers): Answers {
  const result: Answers = {};
  for (const { questions } of pages) {
    for (const question of questions) {
      const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
      if (question.type !== "statement" && isAnswered(value)) result[question.id] = value;
    }
  }
  return result;
}

/** The respondent's channel as logic sees it: code and kind, as the server resolved them. */
export function respondentContext(channel: { code: string; kind: string } | null): RespondentContext {
  return { channel: channel ? { code: channel.code, kind: channel.kind } : null };
}
