import { sql, type Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { precompiled } from "../db/precompiled.js";
import { addToCounter, type Counter } from "../db/transactions.js";

export type FunnelStep = "clicks" | "views" | "starts" | "completes";

type FunnelRow = { survey_id: string; channel_id: string; day: string } & Record<FunnelStep, number>;

const upsertFunnel = precompiled<FunnelRow>((db, p) =>
  db
    .insertInto("funnel_counts")
    .values({ survey_id: p.survey_id, channel_id: p.channel_id, day: p.day, clicks: p.clicks, views: p.views, starts: p.starts, completes: p.completes })
    .onConflict((oc) =>
      oc.columns(["survey_id", "channel_id", "day"]).doUpdateSet({
        clicks: sql<number>`funnel_counts.clicks + ${p.clicks}`,
        views: sql<number>`funnel_counts.views + ${p.views}`,
        starts: sql<number>`funnel_counts.starts + ${p.starts}`,
        completes: sql<number>`funnel_counts.completes + ${p.completes}`,
      }),
    ),
);

/** Funnel additions by survey, channel and day; written as one upsert per row. */
const funnel: Counter<Map<string, FunnelRow>> = {
  init: () => new Map(),
  async write(trx, rows) {
    for (const row of rows.values()) await upsertFunnel(trx, row);
  },
};

/**
 * Count funnel steps on a per-(survey, channel, day) counter row: cheap enough for every click
 * and page view, and exact across instances because the database adds. Inside a
 * writeTransaction the steps of many saves are summed and written once (addToCounter).
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
  const channel = channelId ?? "";
  await addToCounter(db, funnel, (rows) => {
    const key = `${surveyId}\u0000${channel}\u0000${day}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { survey_id: surveyId, channel_id: channel, day, clicks: 0, views: 0, starts: 0, completes: 0 }));
    for (const step of list) row[step] += 1;
  });
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
