/**
 * Survey definitions as files: export writes the draft as pretty JSON; import reads a
 * file and checks it against the schema before anything is sent, so a bad file gets a
 * list of what is wrong and where.
 */
import { SurveyDefinitionSchema, type Issue, type Result, type SurveyDefinition } from "@sieve/core";
import { shapeIssues } from "./issues";

/** The text of an exported definition. */
export function definitionJson(def: SurveyDefinition): string {
  return `${JSON.stringify(def, null, 2)}\n`;
}

/** A file name from the title: `"Who buys? (v2)"` → `"who-buys-v2.sieve.json"`. */
export function exportFileName(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return `${slug || "survey"}.sieve.json`;
}

/**
 * Reads an imported file. Accepts a bare definition (what export writes), `{ definition }`,
 * or the API's `{ survey: { definition } }`, so a `GET /api/surveys/:id` reply imports too.
 */
export function parseDefinitionFile(text: string): Result<SurveyDefinition> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ path: [], code: "invalid_json", message: "The file is not valid JSON." }] };
  }
  const candidate = unwrap(json);
  if (candidate === undefined) {
    return {
      ok: false,
      issues: [{ path: [], code: "not_a_definition", message: "The file does not contain a Sieve survey definition." }],
    };
  }
  const parsed = SurveyDefinitionSchema.safeParse(candidate);
  if (!parsed.success) {
    // Reuse the editor's wording for schema problems.
    const issues: Issue[] = shapeIssues(candidate);
    return { ok: false, issues: issues.length > 0 ? issues : [{ path: [], code: "invalid", message: parsed.error.message }] };
  }
  return { ok: true, value: parsed.data };
}

function unwrap(json: unknown): unknown {
  if (!isRecord(json)) return undefined;
  if ("schemaVersion" in json || "pages" in json) return json;
  if (isRecord(json.definition)) return json.definition;
  if (isRecord(json.survey) && isRecord(json.survey.definition)) return json.survey.definition;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
