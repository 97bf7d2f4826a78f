import { describe, expect, it } from "vitest";
import { ChannelKindSchema, OutcomeSchema, RoleSchema, SurveyStatusSchema } from "./vocabulary";

describe("vocabulary", () => {
  it("lists the channel kinds a researcher can pick", () => {
    expect(ChannelKindSchema.options).toEqual(["reddit", "facebook", "linkedin", "x", "google-group", "newsletter", "email", "other"]);
  });

  it("rejects values outside each vocabulary", () => {
    expect(SurveyStatusSchema.safeParse("archived").success).toBe(false);
    expect(OutcomeSchema.safeParse("undecided").success).toBe(false);
    expect(RoleSchema.safeParse("admin").success).toBe(false);
  });
});
