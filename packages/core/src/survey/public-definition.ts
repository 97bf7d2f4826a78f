/**
 * What the respondent page may see. It is built by *whitelist*: parsing through a
 * schema that lists only public fields strips everything else (option effects,
 * segments, quotas, limits), so a field added to the definition later stays private
 * until someone adds it here on purpose.
 */
import { z } from "zod";
import { buildQuestionSchema, OptionSchema, SettingsSchema, SurveyDefinitionSchema } from "./definition-schema";
import type { SurveyDefinition } from "./definition-schema";

/** An option as the respondent sees it: no screener effect. */
export const PublicOptionSchema = OptionSchema.omit({ effect: true });
/** An option without its screener effect. */
export type PublicOption = z.infer<typeof PublicOptionSchema>;

/** A question as the respondent sees it (show-if kept: the page runs skip logic). */
export const PublicQuestionSchema = buildQuestionSchema(
  PublicOptionSchema,
  z.tuple([PublicOptionSchema.extend({ id: z.literal("yes") }), PublicOptionSchema.extend({ id: z.literal("no") })]),
);
/** A question without screener effects. */
export type PublicQuestion = z.infer<typeof PublicQuestionSchema>;

const definition = SurveyDefinitionSchema.shape;
const settings = SettingsSchema.shape;

/** The definition served to respondents. Example: `PublicDefinitionSchema.parse(json)` in the respondent page. */
export const PublicDefinitionSchema = z.object({
  schemaVersion: definition.schemaVersion,
  title: definition.title,
  description: definition.description,
  estimatedMinutes: definition.estimatedMinutes,
  pages: z.array(
    z.object({
      id: definition.pages.element.shape.id,
      title: definition.pages.element.shape.title,
      questions: z.array(PublicQuestionSchema),
    }),
  ),
  endScreens: definition.endScreens,
  settings: z.object({
    language: settings.language,
    collectEmail: settings.collectEmail,
    consentText: settings.consentText,
    linkPreview: settings.linkPreview,
  }),
});
/** The definition served to respondents. */
export type PublicDefinition = z.infer<typeof PublicDefinitionSchema>;

/**
 * Strips everything that reveals screening. Throws only if `def` is not schema-valid,
 * which a parsed definition always is. Example: `c.json(publicDefinition(version.definition))`.
 */
export function publicDefinition(def: SurveyDefinition): PublicDefinition {
  return PublicDefinitionSchema.parse(def);
}
