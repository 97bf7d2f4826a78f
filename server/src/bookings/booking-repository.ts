import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";

export async function workspaceName(db: Kysely<Database>, workspaceId: string): Promise<string> {
  const row = await db.selectFrom("workspaces").select("name").where("id", "=", workspaceId).executeTakeFirst();
  return row?.name ?? "the research team";
}
