import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";

export async function findSurveySlugById(db: Kysely<Database>, surveyId: string): Promise<string | undefined> {
  const row = await db.selectFrom("surveys").select("slug").where("id", "=", surveyId).executeTakeFirst();
  return row?.slug;
}
