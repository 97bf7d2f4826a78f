import type { Kysely } from "kysely";
import type { SurveyDefinition } from "@sieve/core";
import type { Database } from "../db/database.js";
import { precompiled } from "../db/precompiled.js";
import { Lru } from "../lib/lru.js";
import { findVersion } from "../surveys/survey-repository.js";
import { countCompleted } from "../responses/response-repository.js";

export type LiveSurvey = {
  id: string;
  slug: string;
  workspaceId: string;
  status: "draft" | "open" | "closed";
  version: number;
};

/** The published survey behind a public slug (definition loaded separately, cached). */
export async function findLiveSurvey(db: Kysely<Database>, slug: string): Promise<LiveSurvey | undefined> {
  const row = (await selectLiveSurvey(db, { slug })).rows[0] as
    | { id: string; slug: string; workspace_id: string; status: LiveSurvey["status"]; published_version: number | null }
    | undefined;
  if (!row || row.published_version === null) return undefined;
  return { id: row.id, slug: row.slug, workspaceId: row.workspace_id, status: row.status, version: row.published_version };
}

const selectLiveSurvey = precompiled<{ slug: string }>((db, p) =>
  db.selectFrom("surveys").select(["id", "slug", "workspace_id", "status", "published_version"]).where("slug", "=", p.slug),
);

/** Published versions never change, so a parsed definition can be kept for as long as we like. */
export function createVersionCache(capacity = 500) {
  const cache = new Lru<string, SurveyDefinition>(capacity);
  return async (db: Kysely<Database>, surveyId: string, version: number): Promise<SurveyDefinition | undefined> => {
    const key = `${surveyId}:${version}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const found = await findVersion(db, surveyId, version);
    if (found) cache.set(key, found.definition);
    return found?.definition;
  };
}

/**
 * A survey closes itself at its close date or when its response limit is reached.
 * Returns true if it is (now) closed.
 */
export async function closeIfDue(db: Kysely<Database>, survey: LiveSurvey, definition: SurveyDefinition, now: Date): Promise<boolean> {
  if (survey.status === "closed") return true;
  const { closesAt, responseLimit } = definition.settings;
  const due =
    (closesAt !== null && Date.parse(closesAt) <= now.getTime()) ||
    (responseLimit !== null && (await countCompleted(db, survey.id)) >= responseLimit);
  if (!due) return false;
  await db
    .updateTable("surveys")
    .set({ status: "closed", closed_at: now.toISOString(), updated_at: now.toISOString() })
    .where("id", "=", survey.id)
    .where("status", "=", "open")
    .execute();
  return true;
}

export async function findChannelForSurvey(db: Kysely<Database>, surveyId: string, code: string | undefined) {
  if (!code) return null;
  const row = await db
    .selectFrom("channels")
    .select(["id", "code", "kind"])
    .where("survey_id", "=", surveyId)
    .where("code", "=", code.toLowerCase())
    .executeTakeFirst();
  return row ?? null;
}
