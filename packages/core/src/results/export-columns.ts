/**
 * The columns of a response export: one per question, a multiple-choice question as one
 * column per option (plus its "Other" text), a grid as one column per row.
 */
import type { SurveyDefinition } from "../survey/definition-schema";
import { allQuestions } from "../survey/all-questions";

/** An answer row as stored (see the server's answer-rows). */
export type StoredAnswer = { question_id: string; option_id: string | null; value_text: string | null; value_number: number | null };

/** One response's answers by question id, each list in stored order; a question without answers has no entry. */
export type AnswersByQuestion = ReadonlyMap<string, readonly StoredAnswer[]>;

/**
 * Group one response's answers by question, keeping their order — once per response, so an
 * export with dozens of columns does not scan every answer for every column.
 * Example: `groupAnswers(rows).get("role")?.[0]?.option_id`.
 */
export function groupAnswers(answers: Iterable<StoredAnswer>): AnswersByQuestion {
  const byQuestion = new Map<string, StoredAnswer[]>();
  for (const a of answers) {
    const mine = byQuestion.get(a.question_id);
    if (mine) mine.push(a);
    else byQuestion.set(a.question_id, [a]);
  }
  return byQuestion;
}

export type ExportColumn = { header: string; value: (answers: AnswersByQuestion) => string | number | null };

/**
 * Export columns for a definition. Email answers are contact data: their columns appear only
 * with `includeEmails`. Example: `exportColumns(def, { includeEmails: false }).map((c) => c.header)`.
 */
export function exportColumns(def: SurveyDefinition, options: { includeEmails: boolean }): ExportColumn[] {
  const columns: ExportColumn[] = [];
  for (const { question: q } of allQuestions(def)) {
    const first = (a: AnswersByQuestion) => a.get(q.id)?.[0];
    switch (q.type) {
      case "statement":
        break;
      case "multiple_choice":
        for (const o of q.options) {
          columns.push({
            header: `${q.title} [${o.label}]`,
            value: (a) => {
              const mine = a.get(q.id);
              if (mine === undefined) return null;
              for (const x of mine) if (x.option_id === o.id) return 1;
              return 0;
            },
          });
        }
        if (q.allowOther) columns.push({ header: `${q.title} [Other]`, value: (a) => a.get(q.id)?.find((x) => x.option_id === "__other__")?.value_text ?? null });
        break;
      case "single_choice":
      case "dropdown":
      case "yes_no": {
        const labels = new Map(q.options.map((o) => [o.id, o.label]));
        columns.push({
          header: q.title,
          value: (a) => {
            const x = first(a);
            if (!x) return null;
            return x.option_id === "__other__" ? `Other: ${x.value_text ?? ""}` : (labels.get(x.option_id ?? "") ?? x.option_id);
          },
        });
        break;
      }
      case "matrix": {
        const labels = new Map(q.columns.map((c) => [c.id, c.label]));
        for (const r of q.rows) {
          columns.push({ header: `${q.title} [${r.label}]`, value: (a) => {
            const x = a.get(q.id)?.find((y) => y.value_text === r.id);
            return x ? (labels.get(x.option_id ?? "") ?? x.option_id) : null;
          } });
        }
        break;
      }
      case "number":
      case "rating":
      case "nps":
        columns.push({ header: q.title, value: (a) => first(a)?.value_number ?? null });
        break;
      case "consent":
        columns.push({ header: q.title, value: (a) => {
          const x = first(a);
          return x ? (x.value_number === 1 ? "yes" : "no") : null;
        } });
        break;
      case "email":
        if (options.includeEmails) columns.push({ header: q.title, value: (a) => first(a)?.value_text ?? null });
        break;
      case "short_text":
      case "long_text":
      case "date":
        columns.push({ header: q.title, value: (a) => first(a)?.value_text ?? null });
        break;
    }
  }
  return columns;
}
