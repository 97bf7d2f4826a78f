import { describe, expect, it } from "vitest";
import { DEFAULT_INVITATION_TEMPLATE, firstNameOf, mergeFieldsIn, renderMergeFields, validateInvitationTemplate, type MergeValues } from "./merge-fields";

const values: MergeValues = { first_name: "Ada", survey_title: "Notes & more", booking_link: "https://x.test/b/t", researcher_name: "Olivia" };

describe("merge fields", () => {
  it("fills every field, with spaces inside the braces allowed", () => {
    expect(renderMergeFields("Hi {{first_name}}, {{ survey_title }} — {{booking_link}} / {{researcher_name}}", values)).toBe(
      "Hi Ada, Notes & more — https://x.test/b/t / Olivia",
    );
  });

  it("uses the fallback when a value is empty", () => {
    expect(renderMergeFields("Hi {{first_name|there}}", { ...values, first_name: " " })).toBe("Hi there");
    expect(renderMergeFields("Hi {{first_name}}!", { ...values, first_name: "" })).toBe("Hi !");
  });

  it("escapes inserted values with the given encoder, never the template", () => {
    const html = (s: string) => s.replace(/&/g, "&amp;");
    expect(renderMergeFields("<b>{{survey_title}}</b> & co", values, html)).toBe("<b>Notes &amp; more</b> & co");
  });

  it("lists the fields a template uses", () => {
    expect(mergeFieldsIn("{{a}} {{b|x}} {{a}}")).toEqual(["a", "b"]);
  });

  it("rejects unknown fields and a body without a booking link", () => {
    const r = validateInvitationTemplate({ subject: "Hi {{firstname}}", body: "No link" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(["unknown_merge_field", "missing_booking_link"]);
  });

  it("accepts the default template", () => {
    expect(validateInvitationTemplate(DEFAULT_INVITATION_TEMPLATE).ok).toBe(true);
  });

  it("takes the first word of a name", () => {
    expect(firstNameOf("  Ada   Lovelace ")).toBe("Ada");
    expect(firstNameOf(null)).toBe("");
  });
});
