/** Groupings of question types that several rules share. */
import type { Option, Question, QuestionOf } from "./definition-schema";

/** The question types whose answers pick options (and so can carry screener effects). */
export type ChoiceQuestion = QuestionOf<"single_choice" | "multiple_choice" | "dropdown" | "yes_no">;

/** Whether a question picks from options. Example: `isChoiceQuestion(q) && q.options`. */
export function isChoiceQuestion(question: Question): question is ChoiceQuestion {
  return (
    question.type === "single_choice" ||
    question.type === "multiple_choice" ||
    question.type === "dropdown" ||
    question.type === "yes_no"
  );
}

/** A question's options, or `[]` for types without options. Example: `choiceOptions(q).map((o) => o.id)`. */
export function choiceOptions(question: Question): readonly Option[] {
  return isChoiceQuestion(question) ? question.options : [];
}

/** Whether a question takes an answer at all (statements only show text). */
export function isAnswerable(question: Question): boolean {
  return question.type !== "statement";
}
