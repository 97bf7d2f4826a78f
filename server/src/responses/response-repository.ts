import type { Kysely, Selectable } from "kysely";
import type { Answers, SurveyDefinition } from "@sieve/core";
import type { Database, ResponseTable } from "../db/database.js";
import { lockForUpdate } from "../db/transactions.js";
import { answersToRows, type AnswerRow } from "./answer-rows.js";
import { precompiled } from "../db/precompiled.js";
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

type StoredAnswer = AnswerRow & { response_id: string; survey_id: string };

const insertAnswers = precompiled<object, StoredAnswer>((db, _p, rows) =>
  db.insertInto("answers").values(
    rows.map((a) => ({
      response_id: a.response_id,
      survey_id: a.survey_id,
      question_id: a.question_id,
      option_id: a.option_id,
      value_text: a.value_text,
      value_number: a.value_number,
    })),
  ),
);
const insertSegments = precompiled<object, { response_id: string; survey_id: string; segment_id: string }>((db, _p, rows) =>
  db.insertInto("response_segments").values(rows.map((r) => ({ response_id: r.response_id, survey_id: r.survey_id, segment_id: r.segment_id }))),
);

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
  for (let i = 0; i < rows.length; i += 100) await insertAnswers(db, {}, rows.slice(i, i + 100));
  if (r.segments.length > 0) {
    await insertSegments(
      db,
      {},
      r.segments.map((segment_id) => ({ response_id: r.id, survey_id: r.surveyId, segment_id })),
    );
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

/** The row a response's first save stores, before its state is decided. */
export function newResponseRow(r: {
  id: string;
  surveyId: string;
  version: number;
  channelId: string | null;
  dedupeHash: string | null;
  meta: Record<string, string>;
  now: Date;
}): Selectable<ResponseTable> {
  return {
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
}

const insertResponseRow = precompiled<Selectable<ResponseTable>>((db, row) =>
  db
    .insertInto("responses")
    .values({
      id: row.id,
      survey_id: row.survey_id,
      version: row.version,
      channel_id: row.channel_id,
      status: row.status,
      outcome: row.outcome,
      reason: row.reason,
      segments: row.segments,
      flags: row.flags,
      meta: row.meta,
      respondent_id: row.respondent_id,
      dedupe_hash: row.dedupe_hash,
      started_at: row.started_at,
      updated_at: row.updated_at,
      completed_at: row.completed_at,
      duration_ms: row.duration_ms,
      body_hash: row.body_hash,
      last_page: row.last_page,
    })
    .onConflict((oc) => oc.column("id").doNothing()),
);

/** A response row, locked for this transaction on Postgres. */
export async function lockResponse(db: Kysely<Database>, id: string): Promise<Selectable<ResponseTable> | undefined> {
  return (await selectResponseForUpdate(db, { id })).rows[0] as Selectable<ResponseTable> | undefined;
}

const selectResponseForUpdate = precompiled<{ id: string }>((db, p) => lockForUpdate(db, db.selectFrom("responses").selectAll().where("id", "=", p.id)));

const setResponseState = precompiled<
  Pick<Selectable<ResponseTable>, "id" | "status" | "outcome" | "reason" | "segments" | "flags" | "respondent_id" | "updated_at" | "completed_at" | "duration_ms" | "body_hash" | "last_page">
>((db, p) =>
  db
    .updateTable("responses")
    .set({
      status: p.status,
      outcome: p.outcome,
      reason: p.reason,
      segments: p.segments,
      flags: p.flags,
      respondent_id: p.respondent_id,
      updated_at: p.updated_at,
      completed_at: p.completed_at,
      duration_ms: p.duration_ms,
      body_hash: p.body_hash,
      last_page: p.last_page,
    })
    .where("id", "=", p.id),
);

/**
 * Store a response's state with its answers and segments (call inside a transaction). A first
 * save (`fresh`) inserts `row` with that state in one statement; it returns false, storing
 * nothing, if another transaction stored the same id first (Postgres, concurrently: retry).
 * Otherwise the row is updated and its answers and segments replaced.
 */
export async function storeResponse(
  db: Kysely<Database>,
  definition: SurveyDefinition,
  row: Selectable<ResponseTable>,
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
    /** A first save: `row` is not stored yet. */
    fresh: boolean;
    /** As stored on the response row: they place a complete response in the results rollups. */
    channelId: string | null;
    startedAt: string;
  },
  answers: Answers,
): Promise<boolean> {
  const state = {
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
  };
  if (r.fresh) {
    const inserted = await insertResponseRow(db, { ...row, ...state });
    if (Number(inserted.numAffectedRows ?? 0) !== 1) return false;
  } else {
    await setResponseState(db, { id: r.id, ...state });
    await db.deleteFrom("answers").where("response_id", "=", r.id).execute();
    await db.deleteFrom("response_segments").where("response_id", "=", r.id).execute();
  }
  await writeAnswersAndSegments(db, definition, r, answers);
  return true;
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
  const consentAt = r.consentText ? r.now.toISOString() : null;
  const { rows } = await upsertRespondentRow(db, {
    id: r.id,
    workspace_id: r.workspaceId,
    email: r.email,
    consent_text: r.consentText,
    consent_at: consentAt,
    created_at: r.now.toISOString(),
  });
  return (rows[0] as { id: string }).id;
}

const upsertRespondentRow = precompiled<{ id: string; workspace_id: string; email: string; consent_text: string | null; consent_at: string | null; created_at: string }>(
  (db, p) =>
    db
      .insertInto("respondents")
      .values({
        id: p.id,
        workspace_id: p.workspace_id,
        email: p.email,
        name: null,
        consent_text: p.consent_text,
        consent_at: p.consent_at,
        unsubscribed_at: null,
        erased_at: null,
        created_at: p.created_at,
      })
      .onConflict((oc) => oc.columns(["workspace_id", "email"]).doUpdateSet({ consent_text: p.consent_text, consent_at: p.consent_at }))
      .returning("id"),
);

export async function touchSurveyActivity(db: Kysely<Database>, surveyId: string, at: Date) {
  await db.updateTable("surveys").set({ last_activity_at: at.toISOString() }).where("id", "=", surveyId).execute();
}
