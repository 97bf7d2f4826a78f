import { z } from "zod";
import { AnswersSchema } from "@sieve/core";

const metaString = z.string().max(200);

export const ResponseIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "The response id must be a UUID")
  .transform((s) => s.toLowerCase());

export const ResponseMetaSchema = z.object({
  utm_source: metaString.optional(),
  utm_medium: metaString.optional(),
  utm_campaign: metaString.optional(),
  utm_term: metaString.optional(),
  utm_content: metaString.optional(),
  referrer: metaString.optional(),
  language: z.string().max(35).optional(),
});

export const PutResponseBodySchema = z.object({
  survey: z.string().min(1).max(64),
  channel: z.string().min(1).max(32).optional(),
  answers: AnswersSchema,
  complete: z.boolean(),
  /** Index of the page just submitted; the time between saves measures speeding. */
  page: z.number().int().min(0).max(49).optional(),
  meta: ResponseMetaSchema.optional(),
  /** The honeypot input's value: people never see it, so anything here is a bot. */
  hp: z.string().max(1000).optional(),
});

export const EndKeySchema = z.enum(["qualified", "disqualified", "over_quota", "closed"]);

export const PutResponseReplySchema = z.object({
  status: z.enum(["partial", "complete"]),
  next: z.enum(["continue", "end"]),
  end: EndKeySchema.optional(),
});
