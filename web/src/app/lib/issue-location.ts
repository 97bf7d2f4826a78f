import type { SurveyDefinition } from "@sieve/core";

/**
 * Where an issue points, in the researcher's words: `["pages", 0, "questions", 1, "options"]`
 * becomes `Page 1 › Question 2 “Which tools…” › options`. Unknown shapes fall back to the raw path.
 */
export function describeIssuePath(definition: SurveyDefinition | undefined, path: readonly (string | number)[]): string {
  const parts: string[] = [];
  let rest = [...path];
  const [head, pageIndex, sub, questionIndex] = rest;
  const page = head === "pages" && typeof pageIndex === "number" ? definition?.pages[pageIndex] : undefined;
  if (page && typeof pageIndex === "number") {
    parts.push(`Page ${pageIndex + 1}`);
    rest = rest.slice(2);
    const question = sub === "questions" && typeof questionIndex === "number" ? page.questions[questionIndex] : undefined;
    if (question && typeof questionIndex === "number") {
      parts.push(`Question ${questionIndex + 1} “${truncate(question.title, 40)}”`);
      rest = rest.slice(2);
    }
  }
  parts.push(...rest.map((part) => (typeof part === "number" ? `#${part + 1}` : part.replace(/_/g, " "))));
  return parts.join(" › ");
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
