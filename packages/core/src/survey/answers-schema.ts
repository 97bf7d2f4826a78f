/**
 * Answers as the respondent page sends them, keyed by question id. The schema is
 * structural only (JSON shapes and size limits); `validateAnswers` checks them
 * against a definition.
 */
import { z } from "zod";
import { TEXT_ANSWER_HARD_CAP } from "./definition-schema";

/** Free text typed into a choice question's "Other" field. Example: `{ other: "Sales engineer" }`. */
export const OtherAnswerSchema = z.strictObject({ other: z.string().max(1000) });
/** An "Other" free-text choice. */
export type OtherAnswer = z.infer<typeof OtherAnswerSchema>;

/** A matrix answer: row id → column id. Example: `{ price: "agree" }`. */
export const MatrixAnswerSchema = z.record(z.string().max(64), z.string().max(64));
/** A matrix answer. */
export type MatrixAnswer = z.infer<typeof MatrixAnswerSchema>;

/**
 * One answer. Choice → option id or `{ other }`; multiple choice → array of those;
 * text/email/date → string; number/rating/nps → number; matrix → row→column record;
 * consent → boolean. Order matters: `{ other }` is tried before the matrix record.
 */
export const AnswerValueSchema = z.union([
  z.string().max(TEXT_ANSWER_HARD_CAP * 2),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string().max(64), OtherAnswerSchema])).max(101),
  OtherAnswerSchema,
  MatrixAnswerSchema,
]);
/** One answer value. */
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

/** All answers of a response, keyed by question id. Example: `{ role: "pm", team_size: 12 }`. */
export const AnswersSchema = z.record(z.string().max(64), AnswerValueSchema);
/** All answers of a response. */
export type Answers = z.infer<typeof AnswersSchema>;

export { answerOf, isAnswered } from "./answer-value";
