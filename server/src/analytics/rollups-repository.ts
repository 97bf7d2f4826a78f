/**
 * Results rollups (see the result-rollups migration): the counts a dashboard shows for
 * complete responses, kept per *profile* — one combination of start day, channel, outcome
 * and segment set — and updated in the same transaction that completes a response, so they
 * are exact under concurrency and a dashboard of a million responses sums a few thousand rows.
 *
 * Answer filters and splits by a question need to know which answers came together in one
 * response, which counts cannot say: those views read the answers themselves (results-repository).
 */
import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import { addAggregates, type ResultsAggregates, type ResultsFilter } from "@sieve/core";
import type { Database, ResultCountTable } from "../db/database.js";
import type { AnswerRow } from "../responses/answer-rows.js";
import { precompiled } from "../db/precompiled.js";
import { addToCounter, type Counter } from "../db/transactions.js";

type Kind = ResultCountTable["kind"];
type CountKey = { question_id: string; kind: Kind; option_id: string; row_id: string; value: number };

/** The profile of a complete response; `segments` is its stored segments JSON. */
export type ProfileKey = { surveyId: string; startedAt: string; channelId: string | null; outcome: string; segments: string };

/** A response's answer rows as rollup cells: one 'a' per answered question, one 'c' per choice (an "Other" text counts as its option), one 'n' per number. */
function cellsOf(rows: AnswerRow[]): Map<string, CountKey> {
  const cells = new Map<string, CountKey>();
  const add = (c: CountKey) => cells.set(`${c.question_id}\u0000${c.kind}\u0000${c.option_id}\u0000${c.row_id}\u0000${c.value}`, c);
  for (const r of rows) {
    add({ question_id: r.question_id, kind: "a", option_id: "", row_id: "", value: 0 });
    // A matrix keeps its row id in value_text; "Other" keeps free text there, which is not a row.
    if (r.option_id !== null) add({ question_id: r.question_id, kind: "c", option_id: r.option_id, row_id: r.option_id === "__other__" ? "" : (r.value_text ?? ""), value: 0 });
    if (r.value_number !== null) add({ question_id: r.question_id, kind: "n", option_id: "", row_id: "", value: r.value_number });
  }
  return cells;
}

const upsertProfile = precompiled<{ survey_id: string; day: string; channel_id: string; outcome: string; segments: string; responses: number }>((db, p) =>
  db
    .insertInto("result_profiles")
    .values({ survey_id: p.survey_id, day: p.day, channel_id: p.channel_id, outcome: p.outcome, segments: p.segments, responses: p.responses })
    .onConflict((oc) =>
      oc.columns(["survey_id", "day", "channel_id", "outcome", "segments"]).doUpdateSet({ responses: sql<number>`result_profiles.responses + ${p.responses}` }),
    )
    .returning(["id", "responses"]),
);

const insertProfileSegments = precompiled<object, { profile_id: number; segment_id: string }>((db, _p, rows) =>
  db
    .insertInto("result_profile_segments")
    .values(rows.map((r) => ({ profile_id: r.profile_id, segment_id: r.segment_id })))
    .onConflict((oc) => oc.doNothing()),
);

const countCells = precompiled<object, CountKey & { profile_id: number; n: number }>((db, _p, rows) =>
  db
    .insertInto("result_counts")
    .values(rows.map((c) => ({ profile_id: c.profile_id, question_id: c.question_id, kind: c.kind, option_id: c.option_id, row_id: c.row_id, value: c.value, n: c.n })))
    .onConflict((oc) =>
      oc.columns(["profile_id", "question_id", "kind", "option_id", "row_id", "value"]).doUpdateSet({ n: sql<number>`result_counts.n + excluded.n` }),
    ),
);

type ProfileTally = { key: ProfileKey; segmentIds: string[]; responses: number; cells: Map<string, CountKey & { n: number }> };

/** Rollup additions by profile, each with its cells; written as one profile upsert and one cell upsert per 100 cells. */
const rollups: Counter<Map<string, ProfileTally>> = {
  init: () => new Map(),
  async write(trx, profiles) {
    // One lock order for every writer (profiles, then their cells sorted), so concurrent upserts on Postgres cannot deadlock.
    for (const [, p] of [...profiles.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const { rows } = await upsertProfile(trx, {
        survey_id: p.key.surveyId,
        day: p.key.startedAt.slice(0, 10),
        channel_id: p.key.channelId ?? "",
        outcome: p.key.outcome,
        segments: p.key.segments,
        responses: p.responses,
      });
      const profile = rows[0] as { id: number; responses: number };
      if (Number(profile.responses) === p.responses && p.segmentIds.length > 0) {
        await insertProfileSegments(trx, {}, p.segmentIds.map((segment_id) => ({ profile_id: profile.id, segment_id })));
      }
      const cells = [...p.cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => ({ ...c, profile_id: profile.id }));
      for (let i = 0; i < cells.length; i += 100) await countCells(trx, {}, cells.slice(i, i + 100));
    }
  },
};

/** Count one newly complete response (call inside the transaction that completes it). */
export async function addToRollups(db: Kysely<Database>, key: ProfileKey, segmentIds: string[], rows: AnswerRow[]) {
  const cells = cellsOf(rows);
  await addToCounter(db, rollups, (profiles) => {
    const profileKey = `${key.surveyId}\u0000${key.startedAt.slice(0, 10)}\u0000${key.channelId ?? ""}\u0000${key.outcome}\u0000${key.segments}`;
    let p = profiles.get(profileKey);
    if (!p) profiles.set(profileKey, (p = { key, segmentIds, responses: 0, cells: new Map() }));
    p.responses += 1;
    for (const [cellKey, cell] of cells) {
      const seen = p.cells.get(cellKey);
      if (seen) seen.n += 1;
      else p.cells.set(cellKey, { ...cell, n: 1 });
    }
  });
}

/** Whether rollups can answer this filter: they know no combination of answers within a response. */
export function rollupsCover(f: ResultsFilter): boolean {
  return f.answers.length === 0 && f.split?.by !== "question";
}

/**
 * The profiles a filter selects. `channels` are the survey's current channels: a deleted
 * channel's responses count as direct, as they do in the responses table (set null).
 */
function selectedProfiles(db: Kysely<Database>, surveyId: string, f: ResultsFilter, channels: string[]) {
  let q = db.selectFrom("result_profiles as p").where("p.survey_id", "=", surveyId);
  if (f.from) q = q.where("p.day", ">=", f.from);
  if (f.to) q = q.where("p.day", "<=", f.to);
  if (f.channels.length > 0) {
    const ids = f.channels.filter((c) => c !== "direct" && channels.includes(c));
    const direct = f.channels.includes("direct");
    q = q.where((eb) => {
      const parts: Expression<SqlBool>[] = [];
      if (ids.length) parts.push(eb("p.channel_id", "in", ids));
      if (direct) parts.push(channels.length ? eb("p.channel_id", "not in", channels) : eb.lit(true));
      return parts.length ? eb.or(parts) : eb.lit(false);
    });
  }
  if (f.outcomes.length > 0) q = q.where("p.outcome", "in", f.outcomes);
  if (f.segments.length > 0) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom("result_profile_segments as fs").select("fs.profile_id").whereRef("fs.profile_id", "=", "p.id").where("fs.segment_id", "in", f.segments)),
    );
  }
  return q;
}

export type ResponseOverview = {
  totals: { status: "partial" | "complete"; outcome: string | null; count: number }[];
  overTime: { day: string; count: number }[];
  byChannel: { channelId: string; outcome: string | null; count: number }[];
  segmentSizes: { segmentId: string; count: number }[];
};

/**
 * Aggregates and overview of the complete responses a filter selects, from the rollups, in two
 * queries: the selected profiles, and their counts summed per cell and per value of the split's
 * dimension (segment set, channel or outcome). The columns and the overall figures are added up
 * from those few hundred rows here — a response in two segments counts once overall and once
 * in each segment's column.
 */
export async function rollupResults(
  db: Kysely<Database>,
  surveyId: string,
  f: ResultsFilter,
  channels: string[],
): Promise<{ aggregates: ResultsAggregates; overview: ResponseOverview }> {
  // A deleted channel's responses count as direct ones (the responses table sets their channel null).
  const known = new Set(channels);
  const channelOf = (id: string) => (known.has(id) ? id : "");
  const split = f.split;
  const dimension = split === null ? null : split.by === "segment" ? "p.segments" : split.by === "channel" ? "p.channel_id" : "p.outcome";
  const cellColumns = ["c.kind", "c.question_id", "c.option_id", "c.row_id", "c.value"] as const;
  const [profiles, cells] = await Promise.all([
    selectedProfiles(db, surveyId, f, channels).select(["p.id", "p.day", "p.channel_id", "p.outcome", "p.segments", "p.responses"]).execute(),
    selectedProfiles(db, surveyId, f, channels)
      .innerJoin("result_counts as c", "c.profile_id", "p.id")
      .select([...cellColumns, (eb) => eb.fn.sum<number>("c.n").as("n")])
      .$if(dimension !== null, (q) => q.select(`${dimension!} as dim` as "p.segments as dim").groupBy(dimension!))
      .groupBy([...cellColumns])
      .execute(),
  ]);

  const segmentSets = new Map<string, string[]>();
  const segmentsIn = (json: string) => {
    let ids = segmentSets.get(json);
    if (!ids) segmentSets.set(json, (ids = [...new Set(JSON.parse(json) as string[])]));
    return ids;
  };
  /** The split columns a profile (or a row grouped by the split's dimension) falls in. */
  const columnsOf = (dim: string): string[] =>
    split === null ? [""] : split.by === "segment" ? segmentsIn(dim) : split.by === "channel" ? [channelOf(dim)] : [dim];
  const tally = <K>(into: Map<K, number>, key: K, n: number) => into.set(key, (into.get(key) ?? 0) + n);
  const byOutcome = new Map<string, number>();
  const byDay = new Map<string, number>();
  const byChannel = new Map<string, number>();
  const bySegment = new Map<string, number>();
  const byColumn = new Map<string, number>();
  for (const p of profiles) {
    const n = Number(p.responses);
    tally(byOutcome, p.outcome, n);
    tally(byDay, p.day, n);
    tally(byChannel, `${channelOf(p.channel_id)}\u0000${p.outcome}`, n);
    for (const s of segmentsIn(p.segments)) tally(bySegment, s, n);
    const dim = split === null ? "" : split.by === "segment" ? p.segments : split.by === "channel" ? p.channel_id : p.outcome;
    for (const key of columnsOf(dim)) tally(byColumn, key, n);
  }

  const parts: ResultsAggregates = { columns: [...byColumn].map(([key, n]) => ({ key, n })), answered: [], choices: [], numbers: [] };
  const add = (c: { kind: Kind; question_id: string; option_id: string; row_id: string; value: number }, key: string | null, n: number) => {
    if (c.kind === "a") parts.answered.push({ questionId: c.question_id, key, n });
    else if (c.kind === "c") parts.choices.push({ questionId: c.question_id, optionId: c.option_id, row: c.row_id === "" ? null : c.row_id, key, count: n });
    else parts.numbers.push({ questionId: c.question_id, value: Number(c.value), key, count: n });
  };
  for (const c of cells) {
    const n = Number(c.n);
    add(c, null, n);
    if (split !== null) for (const key of columnsOf((c as { dim?: string }).dim ?? "")) add(c, key, n);
  }

  return {
    // Rows of one cell from several dimension values (segment sets, deleted channels) are summed here.
    aggregates: addAggregates([parts]),
    overview: {
      totals: [...byOutcome].map(([outcome, count]) => ({ status: "complete" as const, outcome, count })),
      overTime: [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, count]) => ({ day, count })),
      byChannel: [...byChannel].map(([k, count]) => {
        const [channelId, outcome] = k.split("\u0000") as [string, string];
        return { channelId, outcome, count };
      }),
      segmentSizes: [...bySegment].map(([segmentId, count]) => ({ segmentId, count })),
    },
  };
}
