/** Small builders for readable tests: write the input, get the parsed definition. */
import type { z } from "zod";
import {
  OptionEffectSchema,
  SurveyDefinitionSchema,
  type Option,
  type QuestionSchema,
  type SurveyDefinition,
  type SurveyDefinitionInput,
} from "../survey/definition-schema";
import type { RespondentContext } from "../screener/respondent-context";

export type QuestionInput = z.input<typeof QuestionSchema>;

/** A parsed definition with the given questions on one page (extra fields override). */
export function survey(questions: QuestionInput[], extra: Partial<SurveyDefinitionInput> = {}): SurveyDefinition {
  return SurveyDefinitionSchema.parse({
    schemaVersion: 1,
    title: "Test survey",
    pages: [{ id: "p1", questions }],
    ...extra,
  });
}

/** Options given as `id` or `id:effect`. Example: `optionsOf(["pm:qualify", "dev"])`. */
export function optionsOf(specs: string[]): Option[] {
  return specs.map((spec) => {
    const [id = spec, effect = ""] = spec.split(":");
    const parsed = OptionEffectSchema.safeParse(effect);
    return { id, label: `Label ${id}`, effect: parsed.success ? parsed.data : null };
  });
}

/** A single-choice question whose options are given as `id` or `id:effect`. */
export function choice(
  id: string,
  options: string[],
  extra: Partial<Extract<QuestionInput, { type: "single_choice" }>> = {},
): QuestionInput {
  return { id, type: "single_choice", title: `Question ${id}`, options: optionsOf(options), ...extra };
}

/** A multiple-choice question whose options are given as `id` or `id:effect`. */
export function multi(
  id: string,
  options: string[],
  extra: Partial<Extract<QuestionInput, { type: "multiple_choice" }>> = {},
): QuestionInput {
  return { id, type: "multiple_choice", title: `Question ${id}`, options: optionsOf(options), ...extra };
}

export const noChannel: RespondentContext = { channel: null };
export const redditChannel: RespondentContext = { channel: { code: "r-ux", kind: "reddit" } };
