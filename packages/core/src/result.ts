/** Domain results are values, never exceptions (STYLE §7). */

/** A problem found in input, located by a path into it. Example: `{ path: ["answers", "age"], code: "out_of_range", message: "…" }`. */
export type Issue = { path: (string | number)[]; code: string; message: string };

/** Success with a value, or every issue found. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Wraps a success. Example: `ok(answers)`. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps failures. Example: `fail([issue(["title"], "required", "Add a title")])`. */
export function fail<T>(issues: Issue[]): Result<T> {
  return { ok: false, issues };
}

/** Builds an issue. Example: `issue(["pages", 0], "empty_page", "Page 1 has no questions")`. */
export function issue(path: (string | number)[], code: string, message: string): Issue {
  return { path, code, message };
}
