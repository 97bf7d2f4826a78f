/**
 * Ids for things the editor creates. Ids key answers and stay stable across versions,
 * so the editor picks them once and never asks the researcher to type one.
 */
import { allQuestions, choiceOptions, type SurveyDefinition } from "@sieve/core";

/** Makes a fresh id with a readable prefix, e.g. `newId("q")` → `"q-k3v9x2"`. */
export type NewId = (prefix: string) => string;

/** Every id in use anywhere in a definition. */
export function idsIn(def: SurveyDefinition): Set<string> {
  const ids = new Set<string>();
  for (const page of def.pages) ids.add(page.id);
  for (const { question } of allQuestions(def)) {
    ids.add(question.id);
    for (const option of choiceOptions(question)) ids.add(option.id);
    if (question.type === "matrix") {
      for (const item of [...question.rows, ...question.columns]) ids.add(item.id);
    }
  }
  for (const segment of def.segments) ids.add(segment.id);
  for (const quota of def.quotas) ids.add(quota.id);
  return ids;
}

/**
 * An id maker that never repeats an id in `taken()` or one it made before.
 * `random` is injectable so tests get predictable ids.
 */
export function createNewId(
  taken: () => ReadonlySet<string>,
  random: () => string = () => Math.random().toString(36).slice(2, 8),
): NewId {
  const made = new Set<string>();
  return (prefix) => {
    for (;;) {
      const id = `${prefix}-${random()}`;
      if (!made.has(id) && !taken().has(id)) {
        made.add(id);
        return id;
      }
    }
  };
}

/** A counter-based id maker for tests: `q-1`, `opt-2`, … */
export function sequentialIds(): NewId {
  let next = 0;
  return (prefix) => `${prefix}-${++next}`;
}
