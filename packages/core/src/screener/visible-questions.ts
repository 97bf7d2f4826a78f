/**
 * Skip logic. Questions are visited in survey order; a question is visible when its
 * show-if holds over the answers to *visible* questions so far. An answer to a hidden
 * question therefore counts as unanswered, and hiding cascades down the survey.
 */
import type { Question, SurveyDefinition } from "../survey/definition-schema";
import { answerOf } from "../survey/answer-value";
import type { Answers } from "../survey/answers-schema";
import { allQuestions, questionsById } from "../survey/all-questions";
import { evaluateCondition } from "./condition";
import type { RespondentContext } from "./respondent-context";

/** The visible questions and the answers that logic may see (those to visible questions). */
export type Visibility = { questions: Question[]; answers: Answers };

/** Visible questions and their answers in one pass. Example: `visibility(def, answers, ctx).answers`. */
export function visibility(def: SurveyDefinition, answers: Answers, ctx: RespondentContext): Visibility {
  const byId = questionsById(def);
  const questions: Question[] = [];
  const seen: Answers = {};
  for (const { question } of allQuestions(def)) {
    if (question.showIf !== undefined && !evaluateCondition(question.showIf, seen, ctx, byId)) continue;
    questions.push(question);
    const answer = answerOf(answers, question.id);
    if (answer !== undefined) seen[question.id] = answer;
  }
  return { questions, answers: seen };
}

/** Questions the respondent should see, in order. Example: `visibleQuestions(def, answers, { channel: null })`. */
export function visibleQuestions(def: SurveyDefinition, answers: Answers, ctx: RespondentContext): Question[] {
  return visibility(def, answers, ctx).questions;
}

/** Only the answers to visible questions — what the server should keep and score. */
export function visibleAnswers(def: SurveyDefinition, answers: Answers, ctx: RespondentContext): Answers {
  return visibility(def, answers, ctx).answers;
}
