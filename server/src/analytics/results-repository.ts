/**
 * Results in a constant number of queries, however many questions a survey has. Complete
 * responses are read from the rollups (rollups-repository) when the filter allows; answer
 * filters, splits by a question and partial responses read the answers themselves, in one
 * statement per status that reads each selected answer once (answerResults). Counts of
 * disjoint sets of responses add up, so the two sources combine by summing.
 */
import { sql, type Kysely } from "kysely";
import { addAggregates, allQuestions, type ResultsAggregates, type ResultsFilter, type Split } from "@sieve/core";
import type { Database } from "../db/database.js";
import { filteredResponses, splitKeySet, splitKeysOf } from "./filtered-responses.js";
import { parseStoredDefinition } from "../surveys/survey-repository.js";
import { funnelTotals } from "../funnel/funnel-repository.js";
import { rollupResults, rollupsCover, type ResponseOverview } from "./rollups-repository.js";

type Tally<T> = Map<string, { item: T; n: number }>;
const tally = <T>(into: Tally<T>, key: string, item: T, n: number) => {
  const seen = into.get(key);
  if (seen) seen.n += n;
  else into.set(key, { item, n });
};
const cellKey = (...parts: (string | number | null)[]) => parts.map((p) => (p === null ? "\u0001" : String(p))).join("\u0000");
const values = <T>(t: Tally<T>) => [...t.values()];
// A response's segments are read as the split columns of a split by segment.
const BY_SEGMENT: Split = { by: "segment" };
const PROBED = 100;

/**
 * Which questions of a survey can have several answer rows in one response — multiple choice
 * and matrix (see answer-rows.ts) in any version, or an id used twice in one — and
 * whether any is a matrix, whose rows keep their row id in value_text. Every other question
 * has at most one row per response, so counting its rows counts its respondents.
 */
type AnswerShapes = { severalRows: string[]; matrix: boolean };

async function answerShapes(db: Kysely<Database>, surveyId: string): Promise<AnswerShapes> {
  // Answers are stored under a published version; the draft is read too, in case any were stored before the first publish.
  // Counting a question here that never has several rows costs an index probe per response, never a wrong count.
  const versions = await db
    .selectFrom("survey_versions")
    .select("definition")
    .where("survey_id", "=", surveyId)
    .unionAll(db.selectFrom("surveys").select("draft_definition as definition").where("id", "=", surveyId))
    .execute();
  const several = new Set<string>();
  let matrix = false;
  for (const v of versions) {
    const seen = new Set<string>();
    for (const { question } of allQuestions(parseStoredDefinition(v.definition))) {
      if (question.type === "multiple_choice" || question.type === "matrix" || seen.has(question.id)) several.add(question.id);
      if (question.type === "matrix") matrix = true;
      seen.add(question.id);
    }
  }
  return { severalRows: [...several].sort(), matrix };
}

/** Responses counted per status and outcome, and per day, channel and segment set when those are set. */
type ProfileRow = { status: "partial" | "complete"; outcome: string | null; day: string | null; channel_id: string | null; segments: string[]; n: number };

function overviewOf(profiles: ProfileRow[]): ResponseOverview {
  const totals: Tally<{ status: "partial" | "complete"; outcome: string | null }> = new Map();
  const days: Tally<string> = new Map();
  const channels: Tally<{ channelId: string; outcome: string | null }> = new Map();
  const segments: Tally<string> = new Map();
  for (const p of profiles) {
    tally(totals, cellKey(p.status, p.outcome), { status: p.status, outcome: p.outcome }, p.n);
    if (p.day !== null) tally(days, p.day, p.day, p.n);
    if (p.channel_id !== null) tally(channels, cellKey(p.channel_id, p.outcome), { channelId: p.channel_id, outcome: p.outcome }, p.n);
    for (const s of p.segments) tally(segments, s, s, p.n);
  }
  return {
    totals: values(totals).map((t) => ({ ...t.item, count: t.n })),
    overTime: values(days).map((d) => ({ day: d.item, count: d.n })).sort((a, b) => (a.day < b.day ? -1 : 1)),
    byChannel: values(channels).map((c) => ({ ...c.item, count: c.n })),
    segmentSizes: values(segments).map((x) => ({ segmentId: x.item, count: x.n })),
  };
}

/** Totals by status and outcome of the responses a filter selects, and per channel for complete ones. */
async function answerOverview(db: Kysely<Database>, surveyId: string, f: ResultsFilter): Promise<ResponseOverview> {
  const channel = sql<string>`coalesce(r.channel_id, '')`;
  const rows = await filteredResponses(db, surveyId, f)
    .select(["r.status", "r.outcome", (f.status === "complete" ? channel : sql<string | null>`null`).as("channel_id"), (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["r.status", "r.outcome", ...(f.status === "complete" ? [channel] : [])])
    .execute();
  return overviewOf(rows.map((r) => ({ ...r, day: null, segments: [], n: Number(r.n) })));
}

/**
 * Aggregates and overview of the responses a filter selects, read from the responses and their
 * answers — the path for answer filters, question splits and partial responses — in one statement:
 * - `f`, materialized: the selected responses, each with its split columns as one value (so an
 *   answer counts overall and in every column of its response from one row) and, per question that
 *   can have several rows in a response, whether it answered (one index probe);
 * - their answers, each read once and counted per question, option, matrix row, number and split
 *   columns: no count(distinct) — respondents to a question with one row per response are its rows;
 * - `p`: the responses counted per status, outcome, day, channel, segment set and split columns,
 *   for the overview and the columns, and the respondents to the questions with several rows.
 */
async function answerResults(db: Kysely<Database>, surveyId: string, f: ResultsFilter, shapes: AnswerShapes) {
  const split = f.split;
  const none = sql<string | null>`null`;
  const noNumber = sql<number | null>`null`;
  // A matrix answer keeps its row id in value_text; "Other" keeps free text there, which is no row.
  const row = shapes.matrix ? sql<string | null>`case when a.option_id <> '__other__' then a.value_text end` : null;
  // Respondents to questions with several rows per response: one index probe per response and
  // question, summed with the profiles, for up to PROBED of them; beyond (a survey with hundreds),
  // count(distinct), which keeps a statement within SQLite's 500 compound terms and Postgres's 1664 columns.
  const several = shapes.severalRows.slice(0, PROBED);
  const counted = shapes.severalRows.slice(PROBED);
  const answeredAs = (i: number) => `answered_${i}` as const;
  // A split by segment already carries the segments.
  const segmentsAreKeys = split?.by === "segment";
  const profileColumns = ["status", "outcome", "day", "channel_id", "segments", "keys"] as const;

  const rows = await db
    .with(
      (cte) => cte("f").materialized(),
      () =>
        filteredResponses(db, surveyId, f).select([
          "r.id",
          "r.status",
          "r.outcome",
          sql<string>`substr(r.started_at, 1, 10)`.as("day"),
          (f.status === "complete" ? sql<string>`coalesce(r.channel_id, '')` : none).as("channel_id"),
          (segmentsAreKeys ? none : splitKeySet(BY_SEGMENT)).as("segments"),
          splitKeySet(split).as("keys"),
          ...several.map((questionId, i) =>
            sql<number>`case when exists (select 1 from answers x where x.response_id = r.id and x.question_id = ${questionId}) then 1 else 0 end`.as(answeredAs(i)),
          ),
        ]),
    )
    .with(
      (cte) => cte("p").materialized(),
      (qb) =>
        qb
          .selectFrom("f")
          .select([...profileColumns, (eb) => eb.fn.countAll<number>().as("n")])
          .select(several.map((_, i) => sql<number>`sum(${sql.ref(answeredAs(i))})`.as(answeredAs(i))))
          .groupBy([...profileColumns]),
    )
    .selectFrom("f")
    // Through the responses table, whose ids Postgres knows are unique (of `f` it knows nothing):
    // it then looks up the answers of the selected responses instead of hashing every answer.
    .innerJoin("responses as fr", "fr.id", "f.id")
    // An answer's survey is its response's: said here, Postgres reads only this survey's answers.
    .innerJoin("answers as a", (join) => join.onRef("a.response_id", "=", "fr.id").on("a.survey_id", "=", surveyId))
    .select([
      sql<string>`'answers'`.as("kind"),
      (eb) => eb.ref("a.question_id").$castTo<string | null>().as("question_id"),
      "a.option_id",
      (row ?? none).as("row"),
      "a.value_number",
      "f.keys",
      (eb) => eb.fn.countAll<number>().as("n"),
      none.as("status"),
      none.as("outcome"),
      none.as("day"),
      none.as("channel_id"),
      none.as("segments"),
    ])
    .groupBy(["a.question_id", "a.option_id", ...(row ? [row] : []), "a.value_number", "f.keys"])
    .unionAll((eb) =>
      eb
        .selectFrom("p")
        .select([
          sql<string>`'responses'`.as("kind"),
          none.as("question_id"),
          none.as("option_id"),
          none.as("row"),
          noNumber.as("value_number"),
          "p.keys",
          "p.n",
          "p.status",
          "p.outcome",
          "p.day",
          "p.channel_id",
          "p.segments",
        ]),
    )
    .$call((q) =>
      several.reduce(
        (union, questionId, i) =>
          union.unionAll((eb) =>
            eb
              .selectFrom("p")
              .select([
                sql<string>`'answered'`.as("kind"),
                sql<string>`cast(${questionId} as text)`.as("question_id"),
                none.as("option_id"),
                none.as("row"),
                noNumber.as("value_number"),
                "p.keys",
                sql<number>`sum(${sql.ref(`p.${answeredAs(i)}`)})`.as("n"),
                none.as("status"),
                none.as("outcome"),
                none.as("day"),
                none.as("channel_id"),
                none.as("segments"),
              ])
              .groupBy("p.keys"),
          ),
        q,
      ),
    )
    .$if(counted.length > 0, (q) =>
      q.unionAll((eb) =>
        eb
          .selectFrom("f")
          .innerJoin("answers as a", (join) => join.onRef("a.response_id", "=", "f.id").on("a.survey_id", "=", surveyId))
          .where("a.question_id", "in", counted)
          .select([
            sql<string>`'answered'`.as("kind"),
            (e) => e.ref("a.question_id").$castTo<string | null>().as("question_id"),
            none.as("option_id"),
            none.as("row"),
            noNumber.as("value_number"),
            "f.keys",
            (e) => e.fn.count<number>("a.response_id").distinct().as("n"),
            none.as("status"),
            none.as("outcome"),
            none.as("day"),
            none.as("channel_id"),
            none.as("segments"),
          ])
          .groupBy(["a.question_id", "f.keys"]),
      ),
    )
    .execute();

  const keysOf = (keys: string | null): (string | null)[] => (split === null ? [null] : [null, ...splitKeysOf(split, keys)]);
  const profiles: ProfileRow[] = [];
  const columns: Tally<string> = new Map();
  const answered: Tally<{ questionId: string; key: string | null }> = new Map();
  const choices: Tally<{ questionId: string; optionId: string; row: string | null; key: string | null }> = new Map();
  const numbers: Tally<{ questionId: string; value: number; key: string | null }> = new Map();
  const severalRows = new Set(shapes.severalRows);
  for (const r of rows) {
    const n = Number(r.n);
    if (r.kind === "responses") {
      const segments = splitKeysOf(BY_SEGMENT, segmentsAreKeys ? r.keys : r.segments);
      profiles.push({ status: r.status as ProfileRow["status"], outcome: r.outcome, day: r.day, channel_id: r.channel_id, segments, n });
      for (const key of split === null ? [""] : splitKeysOf(split, r.keys)) tally(columns, key, key, n);
      continue;
    }
    const questionId = r.question_id!;
    const value = r.value_number === null ? null : Number(r.value_number);
    for (const key of keysOf(r.keys)) {
      if (r.kind === "answered" || !severalRows.has(questionId)) {
        if (n > 0) tally(answered, cellKey(questionId, key), { questionId, key }, n);
      }
      if (r.kind !== "answers") continue;
      if (r.option_id !== null) tally(choices, cellKey(questionId, r.option_id, r.row, key), { questionId, optionId: r.option_id, row: r.row, key }, n);
      if (value !== null) tally(numbers, cellKey(questionId, value, key), { questionId, value, key }, n);
    }
  }
  const aggregates: ResultsAggregates = {
    columns: values(columns).map((c) => ({ key: c.item, n: c.n })).sort((a, b) => (a.key < b.key ? -1 : 1)),
    answered: values(answered).map((a) => ({ ...a.item, n: a.n })),
    choices: values(choices).map((c) => ({ ...c.item, count: c.n })),
    numbers: values(numbers).map((x) => ({ ...x.item, count: x.n })),
  };
  return { aggregates, overview: overviewOf(profiles) };
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
  // Read once for both parts, and only when answers are counted.
  let shapes: Promise<AnswerShapes> | undefined;
  const answersPart = async (status: "complete" | "partial", include: boolean) => {
    const scoped = { ...f, status };
    if (!include) return { aggregates: null, overview: await answerOverview(db, surveyId, scoped) };
    return answerResults(db, surveyId, scoped, await (shapes ??= answerShapes(db, surveyId)));
  };
  const [complete, partial, funnel] = await Promise.all([
    source === "auto" && rollupsCover(f) ? rollupResults(db, surveyId, f, channels) : answersPart("complete", withComplete),
    answersPart("partial", withPartial),
    funnelTotals(db, surveyId, f),
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
