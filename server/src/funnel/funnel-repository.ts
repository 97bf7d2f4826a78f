import { sql, type Kysely } from "kysely";
import type { Database } from "../db/database.js";

export type FunnelStep = "clicks" | "views" | "starts" | "completes";

/**
 * One upsert on a per-(survey, channel, day) counter row: cheap enough to run on every
 * click and page view, and exact across instances because the database adds.
 */
export async function bumpFunnel(db: Kysely<Database>, surveyId: string, channelId: string | null, step: FunnelStep, now: Date) {
  const day = now.toISOString().slice(0, 10);
  await db
    .insertInto("funnel_counts")
    .values({ survey_id: surveyId, channel_id: channelId ?? "", day, clicks: 0, views: 0, starts: 0, completes: 0, [step]: 1 })
    .onConflict((oc) => oc.columns(["survey_id", "channel_id", "day"]).doUpdateSet({ [step]: sql`funnel_counts.${sql.ref(step)} + 1` }))
    .execute();
}

export async function funnelTotals(db: Kysely<Database>, surveyId: string) {
  return db
    .selectFrom("funnel_counts")
    .select((eb) => [
      "channel_id",
      eb.fn.sum<number>("clicks").as("clicks"),
      eb.fn.sum<number>("views").as("views"),
      eb.fn.sum<number>("starts").as("starts"),
      eb.fn.sum<number>("completes").as("completes"),
    ])
    .where("survey_id", "=", surveyId)
    .groupBy("channel_id")
    .execute();
}
