import type { Kysely } from "kysely";
import type { Answers, SurveyDefinition } from "@sieve/core";
import type { Database, ResponseTable } from "../db/database.js";
import { answersToRows } from "./answer-rows.js";

export type NewResponse = {
  id: string;
  surveyId: string;
  version: number;
  channelId: string | null;
  status: ResponseTable["status"];
  outcome: ResponseTable["outcome"];
  reason: string | null;
  segments: string[];
  flags: string[];
  meta: Record<string, string>;
  respondentId: string | null;
  dedupeHash: string | null;
  startedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
};

/** Insert a response with its normalized answer rows (call inside a transaction). */
export async function insertResponse(db: Kysely<Database>, definition: SurveyDefinition, r: NewResponse, answers: Answers) {
  await db
    .insertInto("responses")
    .values({
      id: r.id,
      survey_id: r.surveyId,
      version: r.version,
      channel_id: r.channelId,
      status: r.status,
      outcome: r.outcome,
      reason: r.reason,
      segments: JSON.stringify(r.segments),
      flags: JSON.stringify(r.flags),
      meta: JSON.stringify(r.meta),
      respondent_id: r.respondentId,
      dedupe_hash: r.dedupeHash,
      started_at: r.startedAt.toISOString(),
      updated_at: r.updatedAt.toISOString(),
      completed_at: r.completedAt?.toISOString() ?? null,
      duration_ms: r.completedAt ? r.completedAt.getTime() - r.startedAt.getTime() : null,
    })
    .execute();
  const rows = answersToRows(definition, answers).map((a) => ({ ...a, response_id: r.id, survey_id: r.surveyId }));
  // Chunked so a long survey stays under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 100) await db.insertInto("answers").values(rows.slice(i, i + 100)).execute();
}

export async function touchSurveyActivity(db: Kysely<Database>, surveyId: string, at: Date) {
  await db.updateTable("surveys").set({ last_activity_at: at.toISOString() }).where("id", "=", surveyId).execute();
}
