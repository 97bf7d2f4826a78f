import type { Kysely } from "kysely";

/**
 * Answers by response, then question and option, in place of answers by response alone: results
 * that read answers ask "did this response choose one of these options?" (an answer filter),
 * "did it answer this question?" and "which options did it choose in the question the view is
 * split by?", each now one probe of this index instead of a walk through the response's answer
 * rows. It still serves every lookup by response, including the cascade when a response is
 * deleted, so a saved answer still updates two answer indexes; each entry is longer by the
 * question and option ids.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("answers_response_question_idx").on("answers").columns(["response_id", "question_id", "option_id"]).execute();
  await db.schema.dropIndex("answers_response_idx").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("answers_response_idx").on("answers").column("response_id").execute();
  await db.schema.dropIndex("answers_response_question_idx").execute();
}
