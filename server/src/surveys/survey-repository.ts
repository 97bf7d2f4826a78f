import type { Kysely } from "kysely";
import { SurveyDefinitionSchema, type SurveyDefinition, type SurveyStatus } from "@sieve/core";
import type { Database, SurveyRow } from "../db/database.js";
import { lockForUpdate } from "../db/transactions.js";

export type SurveySummary = {
  id: string;
  title: string;
  slug: string;
  status: SurveyStatus;
  revision: number;
  publishedVersion: number | null;
  responseCount: number;
  lastActivityAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type SurveyRecord = SurveySummary & {
  workspaceId: string;
  definition: SurveyDefinition;
  publishedRevision: number | null;
  publishedAt: string | null;
  closedAt: string | null;
};

/** Definitions are stored as JSON text and re-parsed, so defaults added to the schema later apply. */
export function parseStoredDefinition(json: string): SurveyDefinition {
  return SurveyDefinitionSchema.parse(JSON.parse(json));
}

export function surveyRowToSurvey(row: SurveyRow, responseCount: number): SurveyRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    slug: row.slug,
    status: row.status,
    revision: row.revision,
    publishedVersion: row.published_version,
    publishedRevision: row.published_revision,
    publishedAt: row.published_at,
    closedAt: row.closed_at,
    responseCount,
    lastActivityAt: row.last_activity_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    definition: parseStoredDefinition(row.draft_definition),
  };
}

function responseCounts(db: Kysely<Database>) {
  return db
    .selectFrom("responses")
    .select(["survey_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("status", "=", "complete")
    .groupBy("survey_id")
    .as("rc");
}

export async function listSurveys(db: Kysely<Database>, workspaceId: string): Promise<SurveySummary[]> {
  const rows = await db
    .selectFrom("surveys")
    .leftJoin(responseCounts(db), "rc.survey_id", "surveys.id")
    .select([
      "surveys.id",
      "surveys.title",
      "surveys.slug",
      "surveys.status",
      "surveys.revision",
      "surveys.published_version",
      "surveys.last_activity_at",
      "surveys.created_at",
      "surveys.updated_at",
      "rc.n",
    ])
    .where("surveys.workspace_id", "=", workspaceId)
    .orderBy("surveys.updated_at", "desc")
    .orderBy("surveys.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    slug: r.slug,
    status: r.status,
    revision: r.revision,
    publishedVersion: r.published_version,
    responseCount: Number(r.n ?? 0),
    lastActivityAt: r.last_activity_at ?? r.updated_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** A survey in this workspace, or undefined: another workspace's survey is indistinguishable from none. */
export async function findSurvey(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SurveyRecord | undefined> {
  let query = db.selectFrom("surveys").selectAll().where("id", "=", id).where("workspace_id", "=", workspaceId);
  if (options.forUpdate) query = lockForUpdate(db, query);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const count = await db
    .selectFrom("responses")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("survey_id", "=", id)
    .where("status", "=", "complete")
    .executeTakeFirstOrThrow();
  return surveyRowToSurvey(row, Number(count.n));
}

export async function slugExists(db: Kysely<Database>, slug: string): Promise<boolean> {
  return (await db.selectFrom("surveys").select("id").where("slug", "=", slug).executeTakeFirst()) !== undefined;
}

export async function insertSurvey(
  db: Kysely<Database>,
  s: { id: string; workspaceId: string; slug: string; definition: SurveyDefinition; createdBy: string; now: Date },
) {
  const now = s.now.toISOString();
  await db
    .insertInto("surveys")
    .values({
      id: s.id,
      workspace_id: s.workspaceId,
      title: s.definition.title,
      slug: s.slug,
      status: "draft",
      draft_definition: JSON.stringify(s.definition),
      revision: 1,
      published_version: null,
      published_revision: null,
      published_at: null,
      closed_at: null,
      created_by: s.createdBy,
      created_at: now,
      updated_at: now,
      last_activity_at: null,
    })
    .execute();
}

/**
 * Optimistic concurrency: the draft is replaced only if nobody saved since `expectedRevision`.
 * Returns the new revision, or null on a conflict.
 */
export async function saveDraft(
  db: Kysely<Database>,
  u: { id: string; workspaceId: string; expectedRevision: number; definition: SurveyDefinition; now: Date },
): Promise<number | null> {
  const res = await db
    .updateTable("surveys")
    .set((eb) => ({
      draft_definition: JSON.stringify(u.definition),
      title: u.definition.title,
      revision: eb("revision", "+", 1),
      updated_at: u.now.toISOString(),
    }))
    .where("id", "=", u.id)
    .where("workspace_id", "=", u.workspaceId)
    .where("revision", "=", u.expectedRevision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? u.expectedRevision + 1 : null;
}

export async function updateSurveyRow(
  db: Kysely<Database>,
  id: string,
  workspaceId: string,
  set: Partial<Pick<SurveyRow, "slug" | "status" | "closed_at" | "updated_at">>,
) {
  await db.updateTable("surveys").set(set).where("id", "=", id).where("workspace_id", "=", workspaceId).execute();
}

export async function deleteSurvey(db: Kysely<Database>, workspaceId: string, id: string): Promise<boolean> {
  const res = await db.deleteFrom("surveys").where("id", "=", id).where("workspace_id", "=", workspaceId).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Freeze the current draft as the next immutable version (call inside writeTransaction). */
export async function insertVersion(
  db: Kysely<Database>,
  v: { surveyId: string; workspaceId: string; version: number; revision: number; definition: SurveyDefinition; status: SurveyStatus; publishedBy: string; now: Date },
) {
  const now = v.now.toISOString();
  await db
    .insertInto("survey_versions")
    .values({
      survey_id: v.surveyId,
      version: v.version,
      definition: JSON.stringify(v.definition),
      published_at: now,
      published_by: v.publishedBy,
    })
    .execute();
  await db
    .updateTable("surveys")
    .set({ published_version: v.version, published_revision: v.revision, published_at: now, status: v.status, updated_at: now })
    .where("id", "=", v.surveyId)
    .where("workspace_id", "=", v.workspaceId)
    .execute();
}

export async function findVersion(db: Kysely<Database>, surveyId: string, version: number) {
  const row = await db
    .selectFrom("survey_versions")
    .selectAll()
    .where("survey_id", "=", surveyId)
    .where("version", "=", version)
    .executeTakeFirst();
  return row ? { version: row.version, publishedAt: row.published_at, definition: parseStoredDefinition(row.definition) } : undefined;
}

export async function listVersions(db: Kysely<Database>, surveyId: string) {
  return db
    .selectFrom("survey_versions")
    .select(["version", "published_at as publishedAt"])
    .where("survey_id", "=", surveyId)
    .orderBy("version", "desc")
    .execute();
}

/** The published survey behind a public slug, with its live version. */
export async function findPublishedBySlug(db: Kysely<Database>, slug: string) {
  const row = await db
    .selectFrom("surveys")
    .innerJoin("survey_versions", (join) =>
      join.onRef("survey_versions.survey_id", "=", "surveys.id").onRef("survey_versions.version", "=", "surveys.published_version"),
    )
    .select([
      "surveys.id",
      "surveys.slug",
      "surveys.status",
      "surveys.workspace_id",
      "survey_versions.version",
      "survey_versions.definition",
    ])
    .where("surveys.slug", "=", slug)
    .executeTakeFirst();
  return row
    ? { id: row.id, slug: row.slug, status: row.status, workspaceId: row.workspace_id, version: row.version, definition: parseStoredDefinition(row.definition) }
    : undefined;
}
