/**
 * Signals of low-quality or fake responses that a researcher wants recorded but not
 * acted on blindly: answering a page faster than anyone can read it (speeding) and
 * giving the same answer down a grid or a run of scales (straight-lining).
 */
import type { Page, SurveyDefinition } from "../survey/definition-schema";
import type { Answers } from "../survey/answers-schema";
import { answerOf } from "../survey/answer-value";
import { isAnswerable } from "../survey/question-kinds";
import { allQuestions } from "../survey/all-questions";

/** A quality flag on a response. Example: `"speeding"`. */
export type QualityFlag = "speeding" | "straight_lining" | "honeypot";

const MS_PER_QUESTION = 1200;
const MIN_PAGE_MS = 1500;

/**
 * The least time a person needs for a page: about 1.2 s per question, at least 1.5 s.
 * Example: `minimumPageMs(pageWithThreeQuestions) === 3600`.
 */
export function minimumPageMs(page: Page): number {
  const answerable = page.questions.filter(isAnswerable).length;
  return Math.max(MIN_PAGE_MS, answerable * MS_PER_QUESTION);
}

/** Whether a page took less time than a person needs to read and answer it. */
export function isSpeeding(page: Page, elapsedMs: number): boolean {
  return elapsedMs < minimumPageMs(page);
}

/**
 * Straight-lining: one column for every row of a grid with ≥ 3 rows, or the same value on
 * ≥ 4 rating questions of the same scale. Example: a matrix answered `{a:"agree",b:"agree",c:"agree"}`.
 */
export function isStraightLining(def: SurveyDefinition, answers: Answers): boolean {
  const ratingsByScale = new Map<number, number[]>();
  for (const { question } of allQuestions(def)) {
    const value = answerOf(answers, question.id);
    if (question.type === "matrix" && typeof value === "object" && value !== null && !Array.isArray(value) && !("other" in value)) {
      const columns = question.rows.map((row) => (Object.hasOwn(value, row.id) ? value[row.id] : undefined));
      if (question.rows.length >= 3 && columns.every((c) => c !== undefined && c === columns[0])) return true;
    }
    if (question.type === "rating" && typeof value === "number") {
      const list = ratingsByScale.get(question.scale) ?? [];
      list.push(value);
      ratingsByScale.set(question.scale, list);
    }
  }
  for (const values of ratingsByScale.values()) {
    if (values.length >= 4 && values.every((v) => v === values[0])) return true;
  }
  return false;
}
