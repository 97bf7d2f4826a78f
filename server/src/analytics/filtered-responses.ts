import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from "kysely";
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
    // SQLite probes answers_response_question_idx once per response. The survey, redundant (an
    // answer's survey is its response's), lets Postgres read this question's answers by
    // answers_survey_question_idx once instead of scanning every answer.
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("answers as fa")
          .select("fa.response_id")
          .whereRef("fa.response_id", "=", "r.id")
          .where("fa.question_id", "=", a.questionId)
          .where("fa.option_id", "in", a.optionIds)
          .where("fa.survey_id", "=", surveyId),
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

// Joins the keys of a response that falls in several split columns; ids never contain it.
// (string_agg: Postgres, and SQLite from 3.44 — better-sqlite3 bundles its own SQLite.)
const KEY_SEPARATOR = "\u001f";

/**
 * The split columns a response (alias `r`) falls in, as one value per response: the channel
 * ('' for a direct link) or the outcome, or — a response may be in several segments or have
 * chosen several options — the segment or option ids joined (null for none). One value per
 * response lets a results query read each answer once and count the overall figures and every
 * column in the same pass; `splitKeysOf` turns the value back into keys.
 */
export function splitKeySet(split: Split | null): RawBuilder<string | null> {
  if (split === null) return sql<string>`''`;
  switch (split.by) {
    case "channel":
      return sql<string>`coalesce(r.channel_id, '')`;
    case "outcome":
      return sql<string>`coalesce(r.outcome, '')`;
    case "segment":
      return sql<string | null>`(select string_agg(sk.segment_id, ${KEY_SEPARATOR}) from response_segments sk where sk.response_id = r.id)`;
    case "question":
      return sql<string | null>`(select string_agg(sk.option_id, ${KEY_SEPARATOR}) from answers sk
        where sk.response_id = r.id and sk.question_id = ${split.questionId} and sk.option_id is not null)`;
  }
}

/** The split columns behind a `splitKeySet` value, each once. */
export function splitKeysOf(split: Split | null, keySet: string | null): string[] {
  if (keySet === null) return [];
  if (split === null || split.by === "channel" || split.by === "outcome") return [keySet];
  return [...new Set(keySet.split(KEY_SEPARATOR))];
}
