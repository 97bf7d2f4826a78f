/**
 * Invitation messages are plain text with merge fields: `{{first_name}}`, `{{survey_title}}`,
 * `{{booking_link}}`, `{{researcher_name}}`, each with an optional fallback for empty values
 * (`{{first_name|there}}`). Unknown fields are an error, not silently left in the email.
 */
import { fail, issue, ok, type Issue, type Result } from "../result";

export const MERGE_FIELDS = ["first_name", "survey_title", "booking_link", "researcher_name"] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Record<MergeField, string>;

export type InvitationTemplate = { subject: string; body: string };

/** What a new invitation says unless the researcher writes their own. */
export const DEFAULT_INVITATION_TEMPLATE: InvitationTemplate = {
  subject: "Would you talk to us about {{survey_title}}?",
  body: [
    "Hi {{first_name|there}},",
    "",
    "Thank you for answering our survey \"{{survey_title}}\". We'd love to hear more in a short video call.",
    "",
    "Pick a time that suits you here:",
    "{{booking_link}}",
    "",
    "Thanks,",
    "{{researcher_name}}",
  ].join("\n"),
};

const FIELD = /\{\{\s*([A-Za-z_]+)\s*(?:\|([^{}]*))?\}\}/g;
const isMergeField = (name: string): name is MergeField => (MERGE_FIELDS as readonly string[]).includes(name);

/** The merge fields a template uses, in order of first use. Example: `mergeFieldsIn("Hi {{first_name}}") → ["first_name"]`. */
export function mergeFieldsIn(template: string): string[] {
  return [...new Set([...template.matchAll(FIELD)].map((m) => m[1]!))];
}

/**
 * Checks subject and body: only known fields, and the body must carry `{{booking_link}}`
 * (an invitation nobody can act on is a mistake). Example: `validateInvitationTemplate({ subject: "Hi", body: "{{booking_link}}" }).ok === true`.
 */
export function validateInvitationTemplate(template: InvitationTemplate): Result<InvitationTemplate> {
  const issues: Issue[] = [];
  for (const key of ["subject", "body"] as const) {
    for (const name of mergeFieldsIn(template[key])) {
      if (!isMergeField(name)) {
        issues.push(issue([key], "unknown_merge_field", `{{${name}}} is not a merge field; use ${MERGE_FIELDS.map((f) => `{{${f}}}`).join(", ")}`));
      }
    }
  }
  if (!mergeFieldsIn(template.body).includes("booking_link")) {
    issues.push(issue(["body"], "missing_booking_link", "Add {{booking_link}} so people can pick a time"));
  }
  return issues.length ? fail(issues) : ok(template);
}

/**
 * Fills the merge fields; `encode` escapes each inserted value (HTML, say). Fields not in
 * `values` stay as written. Example: `renderMergeFields("Hi {{first_name|there}}", { ...values, first_name: "" }) === "Hi there"`.
 */
export function renderMergeFields(template: string, values: MergeValues, encode: (value: string) => string = (v) => v): string {
  return template.replace(FIELD, (whole, name: string, fallback: string | undefined) => {
    if (!isMergeField(name)) return whole;
    const value = values[name].trim() || (fallback ?? "").trim();
    return encode(value);
  });
}

/** The first word of a person's name, for `{{first_name}}`. Example: `firstNameOf("Ada Lovelace") === "Ada"`. */
export function firstNameOf(name: string | null | undefined): string {
  return (name ?? "").trim().split(/\s+/)[0] ?? "";
}
