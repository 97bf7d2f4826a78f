import { allQuestions, answerOf, type Answers, type SurveyDefinition } from "@sieve/core";

export type AnswerRow = { question_id: string; option_id: string | null; value_text: string | null; value_number: number | null };

/**
 * Answers as normalized rows so SQL can aggregate them: one row per chosen option
 * (multi-choice gives several), "Other" text as option_id "__other__", numbers in
 * value_number, text in value_text, a matrix as one row per answered row
 * (`rowId` in value_text, column id in option_id).
 */
export function answersToRows(definition: SurveyDefinition, answers: Answers): AnswerRow[] {
  const rows: AnswerRow[] = [];
  const row = (question_id: string, option_id: string | null, value_text: string | null, value_number: number | null) =>
    rows.push({ question_id, option_id, value_text, value_number });
  for (const { question } of allQuestions(definition)) {
    const value = answerOf(answers, question.id);
    if (value === undefined || value === null) continue;
    const choice = (v: unknown) => {
      if (typeof v === "string") row(question.id, v, null, null);
      else if (typeof v === "object" && v !== null && "other" in v && typeof v.other === "string") row(question.id, "__other__", v.other, null);
    };
    switch (question.type) {
      case "single_choice":
      case "dropdown":
      case "yes_no":
        choice(value);
        break;
      case "multiple_choice":
        if (Array.isArray(value)) value.forEach(choice);
        break;
      case "number":
      case "rating":
      case "nps":
        if (typeof value === "number") row(question.id, null, null, value);
        break;
      case "consent":
        if (typeof value === "boolean") row(question.id, null, null, value ? 1 : 0);
        break;
      case "matrix":
        if (typeof value === "object" && !Array.isArray(value)) {
          for (const [rowId, columnId] of Object.entries(value)) if (typeof columnId === "string") row(question.id, columnId, rowId, null);
        }
        break;
      case "short_text":
      case "long_text":
      case "email":
      case "date":
        if (typeof value === "string") row(question.id, null, value, null);
        break;
      case "statement":
        break;
    }
  }
  return rows;
}
