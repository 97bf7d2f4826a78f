/**
 * Individual responses for the current filter: a paginated, searchable table with a
 * detail view, and CSV/JSON exports streamed in keyset pages so a million rows export
 * with flat memory. Contact emails only for owners and editors, and only when asked for.
 */
import { Hono, type Context } from "hono";
import { sql, type Kysely } from "kysely";
import { z } from "zod";
import {
  CSV_BOM,
  csvRow,
  exportColumns,
  groupAnswers,
  type AnswersByQuestion,
  type Question,
  type ResultsFilter,
} from "@sieve/core";
import type { AppDeps, AppEnv } from "../app-env.js";
import type { Database } from "../db/database.js";
import { isSqlite } from "../db/transactions.js";
import { forbidden, notFound } from "../errors.js";
import { parseOrThrow } from "../lib/validate.js";
import { requireRole } from "../auth/auth-middleware.js";
import { listChannels } from "../channels/channel-repository.js";
import { filteredResponses } from "./filtered-responses.js";
import { readFilter, resultsSurvey } from "./results-routes.js";

const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  q: z.string().trim().max(200).optional(),
});

const EXPORT_BATCH = 500;
const CHUNK_CHARS = 32 * 1024;

function responseColumns(db: Kysely<Database>, surveyId: string, f: ResultsFilter) {
  return filteredResponses(db, surveyId, f)
    .leftJoin("respondents as p", "p.id", "r.respondent_id")
    .select([
      "r.id",
      "r.status",
      "r.outcome",
      "r.flags",
      "r.segments",
      "r.channel_id",
      "r.version",
      "r.started_at",
      "r.completed_at",
      "r.duration_ms",
      "r.meta",
      "p.email",
    ]);
}

type ResponseRow = Awaited<ReturnType<ReturnType<typeof responseColumns>["execute"]>>[number];

function searchable(db: Kysely<Database>, surveyId: string, f: ResultsFilter, q: string | undefined, withEmails: boolean) {
  let query = responseColumns(db, surveyId, f);
  if (q) {
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("answers as s")
            .select("s.response_id")
            .whereRef("s.response_id", "=", "r.id")
            .where(sql<boolean>`lower(s.value_text) like ${pattern} escape '\\'`),
        ),
        ...(withEmails ? [sql<boolean>`lower(p.email) like ${pattern} escape '\\'`] : []),
        eb("r.id", "=", q),
      ]),
    );
  }
  return query;
}

/**
 * A response's answers in stored order as one JSON array of [question_id, option_id, value_text,
 * value_number], gathered by the database: one row per response crosses into JavaScript instead of
 * one per answer, which is what an export of a million responses spends its time on.
 */
type AnswerTuple = [string, string | null, string | null, number | null];

function answersJson(db: Kysely<Database>) {
  return isSqlite(db)
    ? sql<string | AnswerTuple[]>`(select json_group_array(json_array(a.question_id, a.option_id, a.value_text, a.value_number) order by a.id) from answers as a where a.response_id = r.id)`
    : sql<string | AnswerTuple[]>`(select coalesce(json_agg(json_build_array(a.question_id, a.option_id, a.value_text, a.value_number) order by a.id), '[]') from answers as a where a.response_id = r.id)`;
}

/** SQLite hands the aggregated JSON over as text; Postgres has already parsed it. */
function readAnswers(json: string | AnswerTuple[]): AnswersByQuestion {
  const tuples = typeof json === "string" ? (JSON.parse(json) as AnswerTuple[]) : json;
  return groupAnswers(tuples.map((t) => ({ question_id: t[0], option_id: t[1], value_text: t[2], value_number: t[3] })));
}

type Cursor = { startedAt: string; id: string };

/**
 * One page of the export in (started_at, id) order, after the cursor, with its answers. The
 * keyset is a row-value comparison, which both databases turn into a range on the (survey_id,
 * started_at) index: spelled `a > x or (a = x and b > y)`, SQLite scanned every earlier response
 * of the survey for every page, a million-row export in quadratic time.
 */
function exportPage(db: Kysely<Database>, surveyId: string, f: ResultsFilter, after: Cursor | null, limit: number) {
  let query = responseColumns(db, surveyId, f).select(answersJson(db).as("answers")).orderBy("r.started_at").orderBy("r.id").limit(limit);
  if (after) {
    query = query.where((eb) => eb(eb.refTuple("r.started_at", "r.id"), ">", eb.tuple(after.startedAt, after.id)));
  }
  return query.execute();
}

/** How a row's stored flags, segment ids and channel read, decoded once per distinct value. */
type Labels = ReturnType<typeof labels>;

function labels(channelNames: Map<string, string>, segmentNames: Map<string, string>) {
  return {
    flags: memoised((json) => JSON.parse(json) as string[]),
    segments: memoised((json) => (JSON.parse(json) as string[]).map((id) => ({ id, name: segmentNames.get(id) ?? id }))),
    channel: memoised((id) => ({ id, name: channelNames.get(id) ?? "(deleted link)" })),
  };
}

type ResponseSummary = {
  id: string;
  status: ResponseRow["status"];
  outcome: ResponseRow["outcome"];
  flags: string[];
  segments: { id: string; name: string }[];
  channel: { id: string; name: string } | null;
  version: number;
  startedAt: string;
  completedAt: string | null;
  durationMs: number | null;
  email?: string | null;
  answers?: Record<string, unknown>;
};

// Properties are added, not spread in: an export builds a million of these, and spread copies
// made the JSON export promote a third of a kilobyte per row into V8's old space.
function summary(row: ResponseRow, labels: Labels, withEmails: boolean): ResponseSummary {
  const out: ResponseSummary = {
    id: row.id,
    status: row.status,
    outcome: row.outcome,
    flags: labels.flags(row.flags),
    segments: labels.segments(row.segments),
    channel: row.channel_id ? labels.channel(row.channel_id) : null,
    version: row.version,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    durationMs: row.duration_ms,
  };
  if (withEmails) out.email = row.email;
  return out;
}

/** Which value each question got, for the detail view and the JSON export. */
function answerValues(questions: readonly Question[], answers: AnswersByQuestion, withEmails: boolean) {
  const out: Record<string, unknown> = {};
  for (const q of questions) {
    if (q.type === "email" && !withEmails) continue;
    const mine = answers.get(q.id);
    if (mine === undefined) continue;
    if (q.type === "multiple_choice") out[q.id] = mine.map((a) => (a.option_id === "__other__" ? { other: a.value_text } : a.option_id));
    else if (q.type === "matrix") out[q.id] = Object.fromEntries(mine.map((a) => [a.value_text, a.option_id]));
    else if (mine[0]!.option_id === "__other__") out[q.id] = { other: mine[0]!.value_text };
    else if (mine[0]!.option_id !== null) out[q.id] = mine[0]!.option_id;
    else if (q.type === "consent") out[q.id] = mine[0]!.value_number === 1;
    else out[q.id] = mine[0]!.value_number ?? mine[0]!.value_text;
  }
  return out;
}

/** A value computed once per distinct key: flags, segment sets and channels repeat across a million rows. */
function memoised<V>(compute: (key: string) => V, capacity = 1000): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= capacity) cache.clear(); // bounded, whatever the data
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

export function responsesRoutes(deps: AppDeps) {
  const { db } = deps;

  const setup = async (c: Context<AppEnv>) => {
    const { workspace } = requireRole(c, "viewer");
    const filter = readFilter(c);
    const wantsEmails = ["1", "true", "yes"].includes(c.req.query("include_emails") ?? "");
    if (wantsEmails && workspace.role === "viewer") throw forbidden("Only owners and editors can see respondents' emails");
    const { survey, definition } = await resultsSurvey(deps, workspace.id, c.req.param("id")!);
    const channels = await listChannels(db, workspace.id, survey.id);
    return {
      survey,
      definition,
      questions: definition.pages.flatMap((p) => p.questions),
      filter,
      withEmails: wantsEmails,
      labels: labels(new Map(channels.map((ch) => [ch.id, ch.name])), new Map(definition.segments.map((s) => [s.id, s.name]))),
    };
  };

  /**
   * Rows in (started_at, id) order, a page per pull: the stream asks for the next page only when
   * the reader has taken every chunk of the previous one (@hono/node-server takes the next chunk
   * once the socket has drained), so the server holds about one page whatever the size of the
   * export or the speed of the reader.
   */
  const exportStream = (
    ctx: Awaited<ReturnType<typeof setup>>,
    encode: (row: ResponseRow, answers: AnswersByQuestion, first: boolean) => string,
    head: string,
    tail: string,
  ) => {
    const encoder = new TextEncoder();
    let cursor: Cursor | null = null;
    let first = true;
    return new ReadableStream<Uint8Array>(
      {
        start(controller) {
          controller.enqueue(encoder.encode(head));
        },
        async pull(controller) {
          const rows = await exportPage(db, ctx.survey.id, ctx.filter, cursor, EXPORT_BATCH);
          let text = "";
          for (const row of rows) {
            text += encode(row, readAnswers(row.answers), first);
            first = false;
            // Chunks of 32K characters rather than whole pages (a JSON page is a quarter of a
            // megabyte): strings that size are young-generation garbage, not large objects.
            if (text.length >= CHUNK_CHARS) {
              controller.enqueue(encoder.encode(text));
              text = "";
            }
          }
          const last = rows.at(-1);
          if (last) cursor = { startedAt: last.started_at, id: last.id };
          const done = rows.length < EXPORT_BATCH;
          if (done) text += tail;
          if (text) controller.enqueue(encoder.encode(text));
          if (done) controller.close();
        },
      },
      // Pull again only once the queue is empty.
      { highWaterMark: 1 },
    );
  };

  const fileName = (title: string, ext: string) =>
    `${title.replace(/[^A-Za-z0-9 _-]+/g, "").trim().replace(/\s+/g, "-").slice(0, 60) || "responses"}.${ext}`;

  return new Hono<AppEnv>()
    .get("/surveys/:id/responses", async (c) => {
      const ctx = await setup(c);
      const { page, pageSize, q } = parseOrThrow(PageQuerySchema, c.req.query(), "query");
      const base = searchable(db, ctx.survey.id, ctx.filter, q, ctx.withEmails);
      const [rows, total] = await Promise.all([
        base.orderBy("r.started_at", "desc").orderBy("r.id", "desc").limit(pageSize).offset((page - 1) * pageSize).execute(),
        db.selectFrom(base.as("x")).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return c.json({
        responses: rows.map((r) => summary(r, ctx.labels, ctx.withEmails)),
        total: Number(total.n),
        page,
        pageSize,
      });
    })
    .get("/surveys/:id/responses/:responseId", async (c) => {
      const ctx = await setup(c);
      const row = await responseColumns(db, ctx.survey.id, { ...ctx.filter, status: "all" })
        .select(answersJson(db).as("answers"))
        .where("r.id", "=", c.req.param("responseId"))
        .executeTakeFirst();
      if (!row) throw notFound("Response");
      return c.json({
        response: {
          ...summary(row, ctx.labels, ctx.withEmails),
          meta: JSON.parse(row.meta) as Record<string, string>,
          answers: answerValues(ctx.questions, readAnswers(row.answers), ctx.withEmails),
        },
      });
    })
    .get("/surveys/:id/export.csv", async (c) => {
      const ctx = await setup(c);
      const columns = exportColumns(ctx.definition, { includeEmails: ctx.withEmails });
      const header = csvRow([
        "response_id", "status", "outcome", "flags", "segments", "channel", "version", "started_at", "completed_at", "duration_seconds",
        ...(ctx.withEmails ? ["contact_email"] : []),
        ...columns.map((col) => col.header),
      ]);
      const width = 10 + (ctx.withEmails ? 1 : 0) + columns.length;
      const flagsCell = memoised((json) => ctx.labels.flags(json).join(";"));
      const segmentsCell = memoised((json) => ctx.labels.segments(json).map((x) => x.name).join(";"));
      const stream = exportStream(
        ctx,
        (row, answers) => {
          // Sized once and filled in place: a million rows of 40 cells make a lot of garbage otherwise.
          const cells: (string | number | null)[] = new Array(width);
          cells[0] = row.id;
          cells[1] = row.status;
          cells[2] = row.outcome;
          cells[3] = flagsCell(row.flags);
          cells[4] = segmentsCell(row.segments);
          cells[5] = row.channel_id ? ctx.labels.channel(row.channel_id).name : "";
          cells[6] = row.version;
          cells[7] = row.started_at;
          cells[8] = row.completed_at;
          cells[9] = row.duration_ms === null ? null : Math.round(row.duration_ms / 1000);
          let i = 10;
          if (ctx.withEmails) cells[i++] = row.email;
          for (const col of columns) cells[i++] = col.value(answers);
          return csvRow(cells);
        },
        CSV_BOM + header,
        "",
      );
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="${fileName(ctx.survey.title, "csv")}"`);
      c.header("Cache-Control", "no-store");
      return c.body(stream);
    })
    .get("/surveys/:id/export.json", async (c) => {
      const ctx = await setup(c);
      const stream = exportStream(
        ctx,
        (row, answers, first) => {
          const record = summary(row, ctx.labels, ctx.withEmails);
          record.answers = answerValues(ctx.questions, answers, ctx.withEmails);
          return (first ? "\n" : ",\n") + JSON.stringify(record);
        },
        `{"survey":${JSON.stringify({ id: ctx.survey.id, title: ctx.survey.title })},"filter":${JSON.stringify(ctx.filter)},"responses":[`,
        "\n]}\n",
      );
      c.header("Content-Type", "application/json; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="${fileName(ctx.survey.title, "json")}"`);
      c.header("Cache-Control", "no-store");
      return c.body(stream);
    });
}
