/**
 * Problems in the draft, located by path so each shows where it occurs. Two kinds:
 * shape problems (the schema: an empty title, a bad redirect URL) stop autosave,
 * because the server only stores drafts of the right shape; semantic problems
 * (`validateDefinition`) only block publishing. Both use the same paths, e.g.
 * `["pages", 0, "questions", 2, "options"]`.
 */
import { SurveyDefinitionSchema, validateDefinition, type Issue, type SurveyDefinition } from "@sieve/core";

export type IssuePath = readonly (string | number)[];

/** The schema's complaints, in words a researcher can act on. */
export function shapeIssues(def: unknown): Issue[] {
  const parsed = SurveyDefinitionSchema.safeParse(def);
  if (parsed.success) return [];
  return parsed.error.issues.map((raw) => {
    const path = raw.path.filter((part): part is string | number => typeof part !== "symbol");
    return { path, code: raw.code, message: friendlyMessage(raw) };
  });
}

type RawIssue = { code: string; message: string; minimum?: unknown; maximum?: unknown; origin?: unknown; format?: unknown; expected?: unknown };

function friendlyMessage(raw: RawIssue): string {
  if (raw.code === "too_small" && raw.origin === "string") return "This can’t be empty";
  if (raw.code === "too_big" && raw.origin === "string") return `Keep it under ${String(raw.maximum)} characters`;
  if (raw.code === "too_small" && raw.origin === "number") return `Use ${String(raw.minimum)} or more`;
  if (raw.code === "too_big" && raw.origin === "number") return `Use ${String(raw.maximum)} or less`;
  if (raw.code === "invalid_format" && raw.format === "url") return "Use a web address starting with https:// or http://";
  if (raw.code === "invalid_type" && raw.expected === "int") return "Use a whole number";
  if (raw.code === "invalid_format" && raw.format === "datetime") return "Use a valid date and time";
  return raw.message;
}

/** Every problem in the draft, shape problems first, without duplicates. */
export function draftIssues(def: SurveyDefinition): Issue[] {
  const seen = new Set<string>();
  return [...shapeIssues(def), ...validateDefinition(def)].filter((issue) => {
    const key = `${issue.path.join("/")}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether `path` starts with `prefix`. */
export function startsWith(path: IssuePath, prefix: IssuePath): boolean {
  return prefix.length <= path.length && prefix.every((part, index) => path[index] === part);
}

/** The issues at or below `prefix`. Example: `issuesUnder(all, ["pages", 0, "questions", 2])`. */
export function issuesUnder(issues: readonly Issue[], prefix: IssuePath): Issue[] {
  return issues.filter((issue) => startsWith(issue.path, prefix));
}

/** The issues exactly at `path`. */
export function issuesAt(issues: readonly Issue[], path: IssuePath): Issue[] {
  return issues.filter((issue) => issue.path.length === path.length && startsWith(issue.path, path));
}

/** The first message exactly at `path`, for a field's error text. */
export function messageAt(issues: readonly Issue[], path: IssuePath): string | undefined {
  return issuesAt(issues, path)[0]?.message;
}

/** A DOM id for the field at `path`, so an issue can take focus to it. */
export function fieldId(path: IssuePath): string {
  return `f-${path.join("-")}`;
}

/** The editor's sections. */
export type EditorTab = "questions" | "logic" | "end-screens" | "settings" | "share";

/** Where the editor should go to show an issue: a tab, and the question to open there. */
export type IssueTarget = { tab: EditorTab; questionId?: string; segmentId?: string };

export function issueTarget(def: SurveyDefinition, path: IssuePath): IssueTarget {
  const [head, index, sub, questionIndex] = path;
  if (head === "pages" && typeof index === "number" && sub === "questions" && typeof questionIndex === "number") {
    const question = def.pages[index]?.questions[questionIndex];
    return question ? { tab: "questions", questionId: question.id } : { tab: "questions" };
  }
  if (head === "segments" && typeof index === "number") {
    const segment = def.segments[index];
    return segment ? { tab: "logic", segmentId: segment.id } : { tab: "logic" };
  }
  if (head === "quotas") return { tab: "logic" };
  if (head === "endScreens") return { tab: "end-screens" };
  if (head === "settings") return { tab: "settings" };
  return { tab: "questions" };
}
