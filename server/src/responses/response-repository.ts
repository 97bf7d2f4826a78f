import type { Kysely, Selectable } from "kysely";
import type { Answers, SurveyDefinition } from "@sieve/core";
import type { Database, ResponseTable } from "../db/database.js";
import { lockForUpdate } from "../db/transactions.js";
import { answersToRows } from "./answer-rows.js";
import { addToRollups } from "../analytics/rollups-repository.js";

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
  bodyHash?: string | null;
  lastPage?: number | null;
};

/** Store answers and segments; a complete response is also counted in the results rollups. */
async function writeAnswersAndSegments(
  db: Kysely<Database>,
  definition: SurveyDefinition,
  r: { id: string; surveyId: string; status: ResponseTable["status"]; outcome: ResponseTable["outcome"]; channelId: string | null; startedAt: string; segments: string[] },
  answers: Answers,
) {
  const answerRows = answersToRows(definition, answers);
  const rows = answerRows.map((a) => ({ ...a, response_id: r.id, survey_id: r.surveyId }));
  // Chunked so a long survey stays under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 100) await db.insertInto("answers").values(rows.slice(i, i + 100)).execute();
  if (r.segments.length > 0) {
    await db
      .insertInto("response_segments")
      .values(r.segments.map((segment_id) => ({ response_id: r.id, survey_id: r.surveyId, segment_id })))
      .execute();
  }
  if (r.status === "complete") {
    const key = { surveyId: r.surveyId, startedAt: r.startedAt, channelId: r.channelId, outcome: r.outcome ?? "", segments: JSON.stringify(r.segments) };
    await addToRollups(db, key, r.segments, answerRows);
  }
}

/** Insert a response with its normalized answer rows and segments (call inside a transaction). */
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
      body_hash: r.bodyHash ?? null,
      last_page: r.lastPage ?? null,
    })
    .execute();
  await writeAnswersAndSegments(db, definition, { ...r, startedAt: r.startedAt.toISOString() }, answers);
}

/**
 * Create the response row if it does not exist yet. Concurrent first saves of one id
 * race here: ON CONFLICT makes exactly one of them the creator; on Postgres the others
 * wait for its commit. Returns the row this call created, or null if it existed.
 */
export async function claimResponse(
  db: Kysely<Database>,
  r: { id: string; surveyId: string; version: number; channelId: string | null; dedupeHash: string | null; meta: Record<string, string>; now: Date },
): Promise<Selectable<ResponseTable> | null> {
  const row: Selectable<ResponseTable> = {
    id: r.id,
    survey_id: r.surveyId,
    version: r.version,
    channel_id: r.channelId,
    status: "partial",
    outcome: null,
    reason: null,
    segments: "[]",
    flags: "[]",
    meta: JSON.stringify(r.meta),
    respondent_id: null,
    dedupe_hash: r.dedupeHash,
    started_at: r.now.toISOString(),
    updated_at: r.now.toISOString(),
    completed_at: null,
    duration_ms: null,
    body_hash: null,
    last_page: null,
  };
  const res = await db.insertInto("responses").values(row).onConflict((oc) => oc.column("id").doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1 ? row : null;
}

export async function lockResponse(db: Kysely<Database>, id: string) {
  return lockForUpdate(db, db.selectFrom("responses").selectAll().where("id", "=", id)).executeTakeFirst();
}

/** Replace a response's state, answers and segments (call inside a transaction). */
export async function updateResponse(
  db: Kysely<Database>,
  definition: SurveyDefinition,
  r: {
    id: string;
    surveyId: string;
    status: ResponseTable["status"];
    outcome: ResponseTable["outcome"];
    reason: string | null;
    segments: string[];
    flags: string[];
    respondentId: string | null;
    updatedAt: Date;
    completedAt: Date | null;
    durationMs: number | null;
    bodyHash: string;
    lastPage: number | null;
    /** Created in this transaction: there are no old answer rows to replace. */
    fresh: boolean;
    /** As stored on the response row: they place a complete response in the results rollups. */
    channelId: string | null;
    startedAt: string;
  },
  answers: Answers,
) {
  await db
    .updateTable("responses")
    .set({
      status: r.status,
      outcome: r.outcome,
      reason: r.reason,
      segments: JSON.stringify(r.segments),
      flags: JSON.stringify(r.flags),
      respondent_id: r.respondentId,
      updated_at: r.updatedAt.toISOString(),
      completed_at: r.completedAt?.toISOString() ?? null,
      duration_ms: r.durationMs,
      body_hash: r.bodyHash,
      last_page: r.lastPage,
    })
    .where("id", "=", r.id)
    .execute();
  if (!r.fresh) {
    await db.deleteFrom("answers").where("response_id", "=", r.id).execute();
    await db.deleteFrom("response_segments").where("response_id", "=", r.id).execute();
  }
  await writeAnswersAndSegments(db, definition, r, answers);
}

/** Completed, qualified, unflagged responses — overall or in one segment — for quota checks. */
export async function countQualified(db: Kysely<Database>, surveyId: string, segmentId: string | null): Promise<number> {
  let query = db
    .selectFrom("responses")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("responses.survey_id", "=", surveyId)
    .where("responses.status", "=", "complete")
    .where("responses.outcome", "=", "qualified");
  if (segmentId !== null) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("response_segments")
          .select("response_segments.response_id")
          .whereRef("response_segments.response_id", "=", "responses.id")
          .where("response_segments.segment_id", "=", segmentId),
      ),
    );
  }
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function countCompleted(db: Kysely<Database>, surveyId: string): Promise<number> {
  const row = await db
    .selectFrom("responses")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("survey_id", "=", surveyId)
    .where("status", "=", "complete")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Another completed response of this survey from the same person (by salted client hash). */
export async function hasCompletedDuplicate(db: Kysely<Database>, surveyId: string, dedupeHash: string, exceptId: string) {
  const row = await db
    .selectFrom("responses")
    .select("id")
    .where("survey_id", "=", surveyId)
    .where("dedupe_hash", "=", dedupeHash)
    .where("status", "=", "complete")
    .where("id", "!=", exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Another completed response of this survey linked to the respondent with this email. */
export async function hasCompletedWithEmail(db: Kysely<Database>, surveyId: string, workspaceId: string, email: string, exceptId: string) {
  const row = await db
    .selectFrom("responses")
    .innerJoin("respondents", "respondents.id", "responses.respondent_id")
    .select("responses.id")
    .where("responses.survey_id", "=", surveyId)
    .where("responses.status", "=", "complete")
    .where("responses.id", "!=", exceptId)
    .where("respondents.workspace_id", "=", workspaceId)
    .where("respondents.email", "=", email)
    .executeTakeFirst();
  return row !== undefined;
}

/** Find or create the workspace contact for an email, recording consent. */
export async function upsertRespondent(
  db: Kysely<Database>,
  r: { id: string; workspaceId: string; email: string; consentText: string | null; now: Date },
): Promise<string> {
  const row = await db
    .insertInto("respondents")
    .values({
      id: r.id,
      workspace_id: r.workspaceId,
      email: r.email,
      name: null,
      consent_text: r.consentText,
      consent_at: r.consentText ? r.now.toISOString() : null,
      unsubscribed_at: null,
      erased_at: null,
      created_at: r.now.toISOString(),
    })
    .onConflict((oc) =>
      oc.columns(["workspace_id", "email"]).doUpdateSet({
        consent_text: r.consentText,
        consent_at: r.consentText ? r.now.toISOString() : null,
      }),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function touchSurveyActivity(db: Kysely<Database>, surveyId: string, at: Date) {
  await db.updateTable("surveys").set({ last_activity_at: at.toISOString() }).where("id", "=", surveyId).execute();
}
