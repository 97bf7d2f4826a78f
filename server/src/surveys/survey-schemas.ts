import { z } from "zod";
import { SurveyDefinitionSchema } from "@sieve/core";

export const IssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});

export const SlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{2,62})[a-z0-9]$/, "Use 4–64 lowercase letters, digits and dashes");

export const CreateSurveyBodySchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    templateId: z.string().min(1).max(64).optional(),
    definition: SurveyDefinitionSchema.optional(),
  })
  .refine((b) => [b.templateId, b.definition].filter((x) => x !== undefined).length <= 1, {
    message: "Give at most one of templateId and definition",
  })
  .refine((b) => b.title !== undefined || b.templateId !== undefined || b.definition !== undefined, {
    message: "Give a title, a templateId or a definition",
  });

export const PatchSurveyBodySchema = z
  .object({ title: z.string().trim().min(1).max(200).optional(), slug: SlugSchema.optional() })
  .refine((b) => b.title !== undefined || b.slug !== undefined, { message: "Nothing to change: give title or slug" });

export const PutDefinitionBodySchema = z.object({
  // Bounded by the column (int4 on Postgres): a larger number is a bad request, not a conflict or a 500.
  revision: z.number().int().min(1).max(2_147_483_647),
  definition: SurveyDefinitionSchema,
});

export const SurveySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  status: z.enum(["draft", "open", "closed"]),
  revision: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  responseCount: z.number().int(),
  lastActivityAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const SurveyDetailSchema = SurveySummarySchema.extend({
  definition: SurveyDefinitionSchema,
  issues: z.array(IssueSchema),
  hasUnpublishedChanges: z.boolean(),
  publishedAt: z.string().nullable(),
});
