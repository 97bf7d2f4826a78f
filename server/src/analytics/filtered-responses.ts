import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import type { ResultsFilter, Split } from "@sieve/core";
import type { Database } from "../db/database.js";

/**
 * The responses a filter selects, as a query every results query starts from — so charts,
 * the response table and exports always agree on what "the current filter" means.
 */
export function filteredResponses(db: Kysely<Database>, surveyId: string, f: ResultsFilter) {
  let q = db.selectFrom("responses as r").where("r.survey_id", "=", surveyId);
  if (f.status !== "all") q = q.where("r.status", "=", f.status);
  if (f.from) q = q.where("r.started_at", ">=", `${f.from}T00:00:00.000Z`);
  if (f.to) q = q.where("r.started_at", "<", nextDay(f.to));
  if (f.channels.length > 0) {
    const ids = f.channels.filter((c) => c !== "direct");
    const direct = f.channels.includes("direct");
    q = q.where((eb) => {
      const parts: Expression<SqlBool>[] = [];
      if (ids.length) parts.push(eb("r.channel_id", "in", ids));
      if (direct) parts.push(eb("r.channel_id", "is", null));
      return eb.or(parts);
    });
  }
  if (f.outcomes.length > 0) q = q.where("r.outcome", "in", f.outcomes);
  if (f.segments.length > 0) {
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom("response_segments as fs").select("fs.response_id").whereRef("fs.response_id", "=", "r.id").where("fs.segment_id", "in", f.segments),
      ),
    );
  }
  for (const a of f.answers) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("answers as fa")
          .select("fa.response_id")
          .whereRef("fa.response_id", "=", "r.id")
          .where("fa.question_id", "=", a.questionId)
          .where("fa.option_id", "in", a.optionIds),
      ),
    );
  }
  return q;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** The split column a response falls in, as (response id, key) rows: a response may be in several segments. */
export function splitKeys(db: Kysely<Database>, surveyId: string, f: ResultsFilter, split: Split | null) {
  const base = filteredResponses(db, surveyId, f);
  if (split === null) return base.select(["r.id as response_id", sql<string>`''`.as("key")]);
  switch (split.by) {
    case "channel":
      return base.select(["r.id as response_id", sql<string>`coalesce(r.channel_id, '')`.as("key")]);
    case "outcome":
      return base.select(["r.id as response_id", sql<string>`coalesce(r.outcome, '')`.as("key")]);
    case "segment":
      return base
        .innerJoin("response_segments as sk", "sk.response_id", "r.id")
        .select(["r.id as response_id", "sk.segment_id as key"]);
    case "question":
      return base
        .innerJoin("answers as sk", (join) => join.onRef("sk.response_id", "=", "r.id").on("sk.question_id", "=", split.questionId))
        .where("sk.option_id", "is not", null)
        .select(["r.id as response_id", sql<string>`sk.option_id`.as("key")]);
  }
}
