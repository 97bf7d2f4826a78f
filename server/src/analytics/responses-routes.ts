/**
 * Individual responses for the current filter: a paginated, searchable table with a
 * detail view, and CSV/JSON exports streamed in keyset pages so a million rows export
 * with flat memory. Contact emails only for owners and editors, and only when asked for.
 */
import { Hono, type Context } from "hono";
import { sql, type Kysely } from "kysely";
import { z } from "zod";
import { CSV_BOM, csvRow, exportColumns, type ResultsFilter, type StoredAnswer, type SurveyDefinition } from "@sieve/core";
import type { AppDeps, AppEnv } from "../app-env.js";
import type { Database } from "../db/database.js";
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

async function answersFor(db: Kysely<Database>, ids: string[]): Promise<Map<string, StoredAnswer[]>> {
  const byResponse = new Map<string, StoredAnswer[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byResponse;
  const rows = await db
    .selectFrom("answers")
    .select(["response_id", "question_id", "option_id", "value_text", "value_number"])
    .where("response_id", "in", ids)
    .orderBy("id")
    .execute();
  for (const r of rows) byResponse.get(r.response_id)?.push(r);
  return byResponse;
}

function summary(row: ResponseRow, channelNames: Map<string, string>, segmentNames: Map<string, string>, withEmails: boolean) {
  return {
    id: row.id,
    status: row.status,
    outcome: row.outcome,
    flags: JSON.parse(row.flags) as string[],
    segments: (JSON.parse(row.segments) as string[]).map((id) => ({ id, name: segmentNames.get(id) ?? id })),
    channel: row.channel_id ? { id: row.channel_id, name: channelNames.get(row.channel_id) ?? "(deleted link)" } : null,
    version: row.version,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    durationMs: row.duration_ms,
    ...(withEmails ? { email: row.email } : {}),
  };
}

/** Which value each question got, for the detail view and the JSON export. */
function answerValues(def: SurveyDefinition, answers: StoredAnswer[], withEmails: boolean) {
  const out: Record<string, unknown> = {};
  for (const q of def.pages.flatMap((p) => p.questions)) {
    if (q.type === "email" && !withEmails) continue;
    const mine = answers.filter((a) => a.question_id === q.id);
    if (mine.length === 0) continue;
    if (q.type === "multiple_choice") out[q.id] = mine.map((a) => (a.option_id === "__other__" ? { other: a.value_text } : a.option_id));
    else if (q.type === "matrix") out[q.id] = Object.fromEntries(mine.map((a) => [a.value_text, a.option_id]));
    else if (mine[0]!.option_id === "__other__") out[q.id] = { other: mine[0]!.value_text };
    else if (mine[0]!.option_id !== null) out[q.id] = mine[0]!.option_id;
    else if (q.type === "consent") out[q.id] = mine[0]!.value_number === 1;
    else out[q.id] = mine[0]!.value_number ?? mine[0]!.value_text;
  }
  return out;
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
      filter,
      withEmails: wantsEmails,
      channelNames: new Map(channels.map((ch) => [ch.id, ch.name])),
      segmentNames: new Map(definition.segments.map((s) => [s.id, s.name])),
    };
  };

  /** Pull-based pages of rows in (started_at, id) order: memory stays flat whatever the size. */
  const exportStream = (
    ctx: Awaited<ReturnType<typeof setup>>,
    encode: (row: ResponseRow, answers: StoredAnswer[], first: boolean) => string,
    head: string,
    tail: string,
  ) => {
    const encoder = new TextEncoder();
    let cursor: { startedAt: string; id: string } | null = null;
    let first = true;
    let done = false;
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(head));
      },
      async pull(controller) {
        if (done) return;
        let query = responseColumns(db, ctx.survey.id, ctx.filter).orderBy("r.started_at").orderBy("r.id").limit(EXPORT_BATCH);
        if (cursor) {
          const { startedAt, id } = cursor;
          query = query.where((eb) => eb.or([eb("r.started_at", ">", startedAt), eb.and([eb("r.started_at", "=", startedAt), eb("r.id", ">", id)])]));
        }
        const rows = await query.execute();
        const answers = await answersFor(db, rows.map((r) => r.id));
        let chunk = "";
        for (const row of rows) {
          chunk += encode(row, answers.get(row.id) ?? [], first);
          first = false;
        }
        const last = rows.at(-1);
        if (last) cursor = { startedAt: last.started_at, id: last.id };
        if (rows.length < EXPORT_BATCH) {
          chunk += tail;
          done = true;
        }
        if (chunk) controller.enqueue(encoder.encode(chunk));
        if (done) controller.close();
      },
    });
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
        responses: rows.map((r) => summary(r, ctx.channelNames, ctx.segmentNames, ctx.withEmails)),
        total: Number(total.n),
        page,
        pageSize,
      });
    })
    .get("/surveys/:id/responses/:responseId", async (c) => {
      const ctx = await setup(c);
      const row = await responseColumns(db, ctx.survey.id, { ...ctx.filter, status: "all" })
        .where("r.id", "=", c.req.param("responseId"))
        .executeTakeFirst();
      if (!row) throw notFound("Response");
      const answers = (await answersFor(db, [row.id])).get(row.id) ?? [];
      return c.json({
        response: {
          ...summary(row, ctx.channelNames, ctx.segmentNames, ctx.withEmails),
          meta: JSON.parse(row.meta) as Record<string, string>,
          answers: answerValues(ctx.definition, answers, ctx.withEmails),
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
      const stream = exportStream(
        ctx,
        (row, answers) => {
          const s = summary(row, ctx.channelNames, ctx.segmentNames, ctx.withEmails);
          return csvRow([
            s.id, s.status, s.outcome, s.flags.join(";"), s.segments.map((x) => x.name).join(";"), s.channel?.name ?? "",
            s.version, s.startedAt, s.completedAt, s.durationMs === null ? null : Math.round(s.durationMs / 1000),
            ...(ctx.withEmails ? [row.email] : []),
            ...columns.map((col) => col.value(answers)),
          ]);
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
        (row, answers, first) =>
          (first ? "\n" : ",\n") +
          JSON.stringify({ ...summary(row, ctx.channelNames, ctx.segmentNames, ctx.withEmails), answers: answerValues(ctx.definition, answers, ctx.withEmails) }),
        `{"survey":${JSON.stringify({ id: ctx.survey.id, title: ctx.survey.title })},"filter":${JSON.stringify(ctx.filter)},"responses":[`,
        "\n]}\n",
      );
      c.header("Content-Type", "application/json; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="${fileName(ctx.survey.title, "json")}"`);
      c.header("Cache-Control", "no-store");
      return c.body(stream);
    });
}
