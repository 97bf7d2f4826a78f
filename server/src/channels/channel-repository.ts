import type { Kysely } from "kysely";
import type { ChannelKind } from "@sieve/core";
import type { ChannelRow, Database } from "../db/database.js";

export type Channel = { id: string; surveyId: string; name: string; kind: ChannelKind; code: string; createdAt: string };

export function channelRowToChannel(row: ChannelRow): Channel {
  return { id: row.id, surveyId: row.survey_id, name: row.name, kind: row.kind as ChannelKind, code: row.code, createdAt: row.created_at };
}

export async function listChannels(db: Kysely<Database>, workspaceId: string, surveyId: string): Promise<Channel[]> {
  const rows = await db
    .selectFrom("channels")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("survey_id", "=", surveyId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(channelRowToChannel);
}

export async function findChannel(db: Kysely<Database>, workspaceId: string, surveyId: string, id: string) {
  const row = await db
    .selectFrom("channels")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("survey_id", "=", surveyId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? channelRowToChannel(row) : undefined;
}

export async function findChannelByCode(db: Kysely<Database>, code: string) {
  const row = await db.selectFrom("channels").selectAll().where("code", "=", code).executeTakeFirst();
  return row ? channelRowToChannel(row) : undefined;
}

export async function codeExists(db: Kysely<Database>, code: string): Promise<boolean> {
  return (await db.selectFrom("channels").select("id").where("code", "=", code).executeTakeFirst()) !== undefined;
}

export async function insertChannel(
  db: Kysely<Database>,
  c: { id: string; workspaceId: string; surveyId: string; name: string; kind: ChannelKind; code: string; now: Date },
) {
  await db
    .insertInto("channels")
    .values({
      id: c.id,
      workspace_id: c.workspaceId,
      survey_id: c.surveyId,
      name: c.name,
      kind: c.kind,
      code: c.code,
      created_at: c.now.toISOString(),
    })
    .execute();
}

export async function updateChannel(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  set: { name?: string; kind?: ChannelKind; code?: string },
) {
  await db.updateTable("channels").set(set).where("workspace_id", "=", workspaceId).where("id", "=", id).execute();
}

export async function deleteChannel(db: Kysely<Database>, workspaceId: string, surveyId: string, id: string) {
  const res = await db
    .deleteFrom("channels")
    .where("workspace_id", "=", workspaceId)
    .where("survey_id", "=", surveyId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
