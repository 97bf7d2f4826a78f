import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { hashToken, randomToken } from "../auth/secrets.js";

export type ResultLink = { id: string; hideText: boolean; createdAt: string };

export async function createResultLink(
  db: Kysely<Database>,
  l: { id: string; surveyId: string; workspaceId: string; hideText: boolean; createdBy: string; now: Date },
): Promise<{ link: ResultLink; token: string }> {
  const token = randomToken();
  await db
    .insertInto("result_links")
    .values({
      id: l.id,
      survey_id: l.surveyId,
      workspace_id: l.workspaceId,
      token_hash: hashToken(token),
      hide_text: l.hideText ? 1 : 0,
      created_by: l.createdBy,
      created_at: l.now.toISOString(),
      revoked_at: null,
    })
    .execute();
  return { link: { id: l.id, hideText: l.hideText, createdAt: l.now.toISOString() }, token };
}

export async function listResultLinks(db: Kysely<Database>, workspaceId: string, surveyId: string): Promise<ResultLink[]> {
  const rows = await db
    .selectFrom("result_links")
    .select(["id", "hide_text", "created_at"])
    .where("workspace_id", "=", workspaceId)
    .where("survey_id", "=", surveyId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, hideText: r.hide_text === 1, createdAt: r.created_at }));
}

export async function revokeResultLink(db: Kysely<Database>, workspaceId: string, surveyId: string, id: string, now: Date) {
  const res = await db
    .updateTable("result_links")
    .set({ revoked_at: now.toISOString() })
    .where("workspace_id", "=", workspaceId)
    .where("survey_id", "=", surveyId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function findResultLink(db: Kysely<Database>, token: string) {
  return db
    .selectFrom("result_links")
    .select(["id", "survey_id", "workspace_id", "hide_text"])
    .where("token_hash", "=", hashToken(token))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

/** The survey's response high-water mark: live views poll it, so it works across instances. */
export async function responseMark(db: Kysely<Database>, surveyId: string) {
  const row = await db
    .selectFrom("responses")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("updated_at").as("last")])
    .where("survey_id", "=", surveyId)
    .executeTakeFirstOrThrow();
  return { responses: Number(row.n), lastActivityAt: (row.last as string | null) ?? null };
}
