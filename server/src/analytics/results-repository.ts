/**
 * Results in a constant number of queries, however many questions a survey has. Complete
 * responses are read from the rollups (rollups-repository) when the filter allows; answer
 * filters, splits by a question and partial responses read the answers themselves, where
 * each aggregate groups by question id, once overall and once per split column. Counts of
 * disjoint sets of responses add up, so the two sources combine by summing.
 */
import { sql, type Kysely } from "kysely";
import { addAggregates, type ResultsAggregates, type ResultsFilter } from "@sieve/core";
import type { Database } from "../db/database.js";
import { filteredResponses, splitKeys } from "./filtered-responses.js";
import { rollupResults, rollupsCover, type ResponseOverview } from "./rollups-repository.js";

// A matrix answer keeps its row id in value_text; "Other" keeps free text there, which must not split groups.
const rowExpr = sql<string | null>`case when a.option_id = '__other__' then null else a.value_text end`;

async function answerAggregates(db: Kysely<Database>, surveyId: string, f: ResultsFilter): Promise<ResultsAggregates> {
  const ids = () => filteredResponses(db, surveyId, f).select("r.id").as("f");
  const keyed = () => splitKeys(db, surveyId, f, f.split).as("sk");
  const split = f.split !== null;

  const [columns, answeredAll, answeredBy, choicesAll, choicesBy, numbersAll, numbersBy] = await Promise.all([
    db.selectFrom(keyed()).select(["sk.key", (eb) => eb.fn.count<number>("sk.response_id").distinct().as("n")]).groupBy("sk.key").execute(),
    db
      .selectFrom("answers as a")
      .innerJoin(ids(), "f.id", "a.response_id")
      .select(["a.question_id", (eb) => eb.fn.count<number>("a.response_id").distinct().as("n")])
      .groupBy("a.question_id")
      .execute(),
    split
      ? db
          .selectFrom("answers as a")
          .innerJoin(keyed(), "sk.response_id", "a.response_id")
          .select(["a.question_id", "sk.key", (eb) => eb.fn.count<number>("a.response_id").distinct().as("n")])
          .groupBy(["a.question_id", "sk.key"])
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom("answers as a")
      .innerJoin(ids(), "f.id", "a.response_id")
      .where("a.option_id", "is not", null)
      .select(["a.question_id", "a.option_id", rowExpr.as("row"), (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy(["a.question_id", "a.option_id", rowExpr])
      .execute(),
    split
      ? db
          .selectFrom("answers as a")
          .innerJoin(keyed(), "sk.response_id", "a.response_id")
          .where("a.option_id", "is not", null)
          .select(["a.question_id", "a.option_id", rowExpr.as("row"), "sk.key", (eb) => eb.fn.countAll<number>().as("count")])
          .groupBy(["a.question_id", "a.option_id", rowExpr, "sk.key"])
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom("answers as a")
      .innerJoin(ids(), "f.id", "a.response_id")
      .where("a.value_number", "is not", null)
      .select(["a.question_id", "a.value_number", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy(["a.question_id", "a.value_number"])
      .execute(),
    split
      ? db
          .selectFrom("answers as a")
          .innerJoin(keyed(), "sk.response_id", "a.response_id")
          .where("a.value_number", "is not", null)
          .select(["a.question_id", "a.value_number", "sk.key", (eb) => eb.fn.countAll<number>().as("count")])
          .groupBy(["a.question_id", "a.value_number", "sk.key"])
          .execute()
      : Promise.resolve([]),
  ]);

  return {
    columns: columns.map((c) => ({ key: c.key, n: Number(c.n) })),
    answered: [
      ...answeredAll.map((a) => ({ questionId: a.question_id, key: null, n: Number(a.n) })),
      ...answeredBy.map((a) => ({ questionId: a.question_id, key: a.key, n: Number(a.n) })),
    ],
    choices: [
      ...choicesAll.map((c) => ({ questionId: c.question_id, optionId: c.option_id!, row: c.row, key: null, count: Number(c.count) })),
      ...choicesBy.map((c) => ({ questionId: c.question_id, optionId: c.option_id!, row: c.row, key: c.key, count: Number(c.count) })),
    ],
    numbers: [
      ...numbersAll.map((x) => ({ questionId: x.question_id, value: Number(x.value_number), key: null, count: Number(x.count) })),
      ...numbersBy.map((x) => ({ questionId: x.question_id, value: Number(x.value_number), key: x.key, count: Number(x.count) })),
    ],
  };
}

/** Totals by outcome, per channel and outcome (complete responses), and with `detail` per day and per segment, from the responses table. */
async function answerOverview(db: Kysely<Database>, surveyId: string, f: ResultsFilter, detail: boolean): Promise<ResponseOverview> {
  const dayExpr = sql<string>`substr(r.started_at, 1, 10)`;
  const [totals, overTime, byChannel, segmentSizes] = await Promise.all([
    filteredResponses(db, surveyId, f)
      .select(["r.status", "r.outcome", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy(["r.status", "r.outcome"])
      .execute(),
    detail
      ? filteredResponses(db, surveyId, f).select([dayExpr.as("day"), (eb) => eb.fn.countAll<number>().as("count")]).groupBy(dayExpr).orderBy(dayExpr).execute()
      : [],
    f.status === "complete"
      ? filteredResponses(db, surveyId, f)
          .select([sql<string>`coalesce(r.channel_id, '')`.as("channel_id"), "r.outcome", (eb) => eb.fn.countAll<number>().as("count")])
          .groupBy([sql`coalesce(r.channel_id, '')`, "r.outcome"])
          .execute()
      : [],
    detail
      ? filteredResponses(db, surveyId, f)
          .innerJoin("response_segments as s", "s.response_id", "r.id")
          .select(["s.segment_id", (eb) => eb.fn.countAll<number>().as("count")])
          .groupBy("s.segment_id")
          .execute()
      : [],
  ]);
  return {
    totals: totals.map((t) => ({ status: t.status, outcome: t.outcome, count: Number(t.count) })),
    overTime: overTime.map((d) => ({ day: d.day, count: Number(d.count) })),
    byChannel: byChannel.map((c) => ({ channelId: c.channel_id, outcome: c.outcome, count: Number(c.count) })),
    segmentSizes: segmentSizes.map((s) => ({ segmentId: s.segment_id, count: Number(s.count) })),
  };
}

function funnelCounts(db: Kysely<Database>, surveyId: string, f: ResultsFilter) {
  let q = db.selectFrom("funnel_counts").where("survey_id", "=", surveyId);
  if (f.from) q = q.where("day", ">=", f.from);
  if (f.to) q = q.where("day", "<=", f.to);
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

export type SurveyResults = {
  aggregates: ResultsAggregates;
  overview: ResponseOverview & { funnel: { channelId: string; clicks: number; views: number; starts: number; completes: number }[] };
};

/**
 * Everything a results view counts, for a survey and filter. `channels` are the survey's
 * current channel ids. `source: "answers"` skips the rollups (tests compare both sources).
 */
export async function surveyResults(
  db: Kysely<Database>,
  surveyId: string,
  f: ResultsFilter,
  channels: string[],
  source: "auto" | "answers" = "auto",
): Promise<SurveyResults> {
  const withComplete = f.status !== "partial";
  const withPartial = f.status !== "complete";
  const answersPart = async (status: "complete" | "partial", include: boolean) => {
    const scoped = { ...f, status };
    const [aggregates, overview] = await Promise.all([include ? answerAggregates(db, surveyId, scoped) : null, answerOverview(db, surveyId, scoped, include)]);
    return { aggregates, overview };
  };
  const [complete, partial, funnel] = await Promise.all([
    source === "auto" && rollupsCover(f) ? rollupResults(db, surveyId, f, channels) : answersPart("complete", withComplete),
    answersPart("partial", withPartial),
    funnelCounts(db, surveyId, f),
  ]);
  const included = [...(withComplete ? [complete] : []), ...(withPartial ? [partial] : [])];
  const sumCounts = <T extends { count: number }>(items: T[], key: (t: T) => string) => {
    const sums = new Map<string, T>();
    for (const item of items) sums.set(key(item), { ...item, count: (sums.get(key(item))?.count ?? 0) + item.count });
    return [...sums.values()];
  };
  return {
    aggregates: addAggregates(included.map((p) => p.aggregates!)),
    overview: {
      totals: [...complete.overview.totals, ...partial.overview.totals],
      overTime: sumCounts(included.flatMap((p) => p.overview.overTime), (d) => d.day).sort((a, b) => (a.day < b.day ? -1 : 1)),
      byChannel: complete.overview.byChannel,
      segmentSizes: sumCounts(included.flatMap((p) => p.overview.segmentSizes), (s) => s.segmentId),
      funnel: funnel.map((c) => ({
        channelId: c.channel_id,
        clicks: Number(c.clicks),
        views: Number(c.views),
        starts: Number(c.starts),
        completes: Number(c.completes),
      })),
    },
  };
}
