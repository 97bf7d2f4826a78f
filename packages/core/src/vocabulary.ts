/** Small closed vocabularies shared by server and web, each as a schema + type pair. */
import { z } from "zod";

/** Where a tracked link is posted. Example: `"reddit"`. */
export const ChannelKindSchema = z.enum([
  "reddit",
  "facebook",
  "linkedin",
  "x",
  "google-group",
  "newsletter",
  "email",
  "other",
]);
/** The kind of community a channel posts to. */
export type ChannelKind = z.infer<typeof ChannelKindSchema>;

/** A survey's lifecycle: draft → open → closed. */
export const SurveyStatusSchema = z.enum(["draft", "open", "closed"]);
/** A survey's lifecycle state. */
export type SurveyStatus = z.infer<typeof SurveyStatusSchema>;

/** How a completed response ended. Example: `"over_quota"`. */
export const OutcomeSchema = z.enum(["qualified", "disqualified", "over_quota", "flagged"]);
/** How a completed response ended. */
export type Outcome = z.infer<typeof OutcomeSchema>;

/** A member's role in a workspace. */
export const RoleSchema = z.enum(["owner", "editor", "viewer"]);
/** A member's role in a workspace. */
export type Role = z.infer<typeof RoleSchema>;
