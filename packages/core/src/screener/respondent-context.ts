/** What logic may know about the respondent besides their answers. */
import { z } from "zod";

/** The tracked link a response came through, if any. Example: `{ channel: { code: "r-ux", kind: "reddit" } }`. */
export const RespondentContextSchema = z.object({
  channel: z.object({ code: z.string(), kind: z.string() }).nullable(),
});
/** The context logic evaluates against, besides answers. */
export type RespondentContext = z.infer<typeof RespondentContextSchema>;
