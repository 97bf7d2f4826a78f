import { sql, type Kysely } from "kysely";
import type { Database } from "../db/database.js";

export type FunnelStep = "clicks" | "views" | "starts" | "completes";

/**
 * One upsert on a per-(survey, channel, day) counter row: cheap enough to run on every
 * click and page view, and exact across instances because the database adds.
 */
export async function bumpFunnel(
  db: Kysely<Database>,
  surveyId: string,
  channelId: string | null,
  steps: FunnelStep | FunnelStep[],
  now: Date,
) {
  const list = Array.isArray(steps) ? steps : [steps];
  if (list.length === 0) return;
  const day = now.toISOString().slice(0, 10);
  const ones = Object.fromEntries(list.map((step) => [step, 1]));
  const increments = Object.fromEntries(list.map((step) => [step, sql<number>`funnel_counts.${sql.ref(step)} + 1`]));
  await db
    .insertInto("funnel_counts")
    .values({ survey_id: surveyId, channel_id: channelId ?? "", day, clicks: 0, views: 0, starts: 0, completes: 0, ...ones })
    .onConflict((oc) => oc.columns(["survey_id", "channel_id", "day"]).doUpdateSet(increments))
    .execute();
}

/** Funnel counts per channel ('' for direct), summed over the days in an optional range (YYYY-MM-DD, inclusive). */
export async function funnelTotals(db: Kysely<Database>, surveyId: string, range: { from?: string | undefined; to?: string | undefined } = {}) {
  let q = db.selectFrom("funnel_counts").where("survey_id", "=", surveyId);
  if (range.from) q = q.where("day", ">=", range.from);
  if (range.to) q = q.where("day", "<=", range.to);
  return q
    .select((eb) => [
      "channel_id",
      eb.fn.sum<number>("clicks").as("clicks"),
      eb.fn.sum<number>("views").as("views"),
      eb.fn.sum<number>("starts").as("starts"),
      eb.fn.sum<number>("completes").as("completes"),
    ])
    .groupBy("channel_id")
    .execute();
}
