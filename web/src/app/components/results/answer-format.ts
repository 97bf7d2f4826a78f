// A stored answer in words, using the labels of the results the page already has:
// option ids become their labels, matrix rows read "row: answer", "Other" keeps its text.
import type { QuestionResult } from "@sieve/core";
import type { AnswerValue } from "../../lib/results-api";

export type AnswerLine = { questionId: string; title: string; text: string[] };

function optionLabel(q: QuestionResult | undefined, id: string): string {
  if (id === "__other__") return "Other";
  if (q?.kind === "choice") return q.options.find((o) => o.id === id)?.label ?? id;
  if (q?.kind === "matrix") return q.rows[0]?.options.find((o) => o.id === id)?.label ?? id;
  return id;
}

function isOther(value: unknown): value is { other: string | null } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "other" in value;
}

/** One answer as lines of text. */
export function formatAnswer(q: QuestionResult | undefined, value: AnswerValue): string[] {
  if (typeof value === "boolean") return [value ? "Yes, agreed" : "No"];
  if (typeof value === "number") return [String(value)];
  if (typeof value === "string") return [q?.kind === "choice" || q?.kind === "matrix" ? optionLabel(q, value) : value];
  if (Array.isArray(value)) return value.map((v) => (isOther(v) ? `Other: ${v.other ?? ""}` : optionLabel(q, v)));
  if (isOther(value)) return [`Other: ${value.other ?? ""}`];
  return Object.entries(value).map(([rowId, optionId]) => {
    const row = q?.kind === "matrix" ? q.rows.find((r) => r.id === rowId)?.label ?? rowId : rowId;
    return `${row}: ${optionId === null ? "—" : optionLabel(q, optionId)}`;
  });
}

/** Every answer of a response in the survey's question order, then any the results do not list. */
export function answerLines(questions: readonly QuestionResult[], answers: Record<string, AnswerValue>): AnswerLine[] {
  const known = questions.filter((q) => q.id in answers).map((q) => ({ questionId: q.id, title: q.title, text: formatAnswer(q, answers[q.id]!) }));
  const rest = Object.keys(answers)
    .filter((id) => !questions.some((q) => q.id === id))
    .map((id) => ({ questionId: id, title: id, text: formatAnswer(undefined, answers[id]!) }));
  return [...known, ...rest];
}

/** The text of a free-text answer, or null when the response has none for that question. */
export function textAnswer(value: AnswerValue | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number") return String(value);
  return null;
}
