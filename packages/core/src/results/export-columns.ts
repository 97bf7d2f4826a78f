/**
 * The columns of a response export: one per question, a multiple-choice question as one
 * column per option (plus its "Other" text), a grid as one column per row.
 */
import type { SurveyDefinition } from "../survey/definition-schema";
import { allQuestions } from "../survey/all-questions";

/** An answer row as stored (see the server's answer-rows). */
export type StoredAnswer = { question_id: string; option_id: string | null; value_text: string | null; value_number: number | null };

export type ExportColumn = { header: string; value: (answers: StoredAnswer[]) => string | number | null };

/**
 * Export columns for a definition. Email answers are contact data: their columns appear only
 * with `includeEmails`. Example: `exportColumns(def, { includeEmails: false }).map((c) => c.header)`.
 */
export function exportColumns(def: SurveyDefinition, options: { includeEmails: boolean }): ExportColumn[] {
  const columns: ExportColumn[] = [];
  for (const { question: q } of allQuestions(def)) {
    const mine = (answers: StoredAnswer[]) => answers.filter((a) => a.question_id === q.id);
    switch (q.type) {
      case "statement":
        break;
      case "multiple_choice":
        for (const o of q.options) {
          columns.push({ header: `${q.title} [${o.label}]`, value: (a) => (mine(a).length === 0 ? null : mine(a).some((x) => x.option_id === o.id) ? 1 : 0) });
        }
        if (q.allowOther) columns.push({ header: `${q.title} [Other]`, value: (a) => mine(a).find((x) => x.option_id === "__other__")?.value_text ?? null });
        break;
      case "single_choice":
      case "dropdown":
      case "yes_no": {
        const labels = new Map(q.options.map((o) => [o.id, o.label]));
        columns.push({
          header: q.title,
          value: (a) => {
            const x = mine(a)[0];
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
            const x = mine(a).find((y) => y.value_text === r.id);
            return x ? (labels.get(x.option_id ?? "") ?? x.option_id) : null;
          } });
        }
        break;
      }
      case "number":
      case "rating":
      case "nps":
        columns.push({ header: q.title, value: (a) => mine(a)[0]?.value_number ?? null });
        break;
      case "consent":
        columns.push({ header: q.title, value: (a) => (mine(a)[0] ? (mine(a)[0]!.value_number === 1 ? "yes" : "no") : null) });
        break;
      case "email":
        if (options.includeEmails) columns.push({ header: q.title, value: (a) => mine(a)[0]?.value_text ?? null });
        break;
      case "short_text":
      case "long_text":
      case "date":
        columns.push({ header: q.title, value: (a) => mine(a)[0]?.value_text ?? null });
        break;
    }
  }
  return columns;
}
