/** Flat, ordered views of a definition's questions. */
import type { Question, SurveyDefinition } from "./definition-schema";

/** A question with where it sits. */
export type PlacedQuestion = { question: Question; pageIndex: number; questionIndex: number };

/** Every question in survey order, with its page and in-page index. Example: `allQuestions(def).map((p) => p.question.id)`. */
export function allQuestions(def: SurveyDefinition): PlacedQuestion[] {
  return def.pages.flatMap((page, pageIndex) =>
    page.questions.map((question, questionIndex) => ({ question, pageIndex, questionIndex })),
  );
}

/** Questions by id; on a duplicate id the first wins (validateDefinition reports the duplicate). */
export function questionsById(def: SurveyDefinition): Map<string, Question> {
  const byId = new Map<string, Question>();
  for (const { question } of allQuestions(def)) if (!byId.has(question.id)) byId.set(question.id, question);
  return byId;
}
