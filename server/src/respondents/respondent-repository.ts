/**
 * Respondents — the workspace's contacts — with what researchers filter them by: the
 * outcome, flags, segments and channel of their completed responses, and where they are
 * in the interview pipeline. A constant number of queries per page: one for the page, one
 * for its total, one for each person's studies. Each list is one query builder shared by
 * its page and by its "every match" twin (ids and emails for select-all across pages).
 */
import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import type { Database, InterviewStatusColumn } from "../db/database.js";

export type FlaggedMode = "exclude" | "include" | "only";

export type RespondentFilter = {
  segment?: string | undefined;
  channel?: string | undefined;
  outcome?: "qualified" | "disqualified" | "over_quota" | "flagged" | undefined;
  flag?: string | undefined;
  /** Responses flagged by the screener or a quality check: left out (default), included, or the only ones. */
  flagged: FlaggedMode;
  status?: InterviewStatusColumn | "not_invited" | undefined;
  q?: string | undefined;
};

export type Study = {
  surveyId: string;
  surveyTitle: string;
  responseId: string | null;
  outcome: string | null;
  flags: string[];
  segments: string[];
  channel: { id: string; name: string; kind: string } | null;
  completedAt: string | null;
  interview: { invitationId: string; status: InterviewStatusColumn } | null;
};

export type RespondentRecord = {
  id: string;
  email: string | null;
  name: string | null;
  consentText: string | null;
  consentAt: string | null;
  unsubscribedAt: string | null;
  erasedAt: string | null;
  createdAt: string;
};

type Row = Database["respondents"];
const toRecord = (p: { id: string } & Pick<Row, "email" | "name" | "consent_text" | "consent_at" | "unsubscribed_at" | "erased_at" | "created_at">): RespondentRecord => ({
  id: p.id,
  email: p.email,
  name: p.name,
  consentText: p.consent_text,
  consentAt: p.consent_at,
  unsubscribedAt: p.unsubscribed_at,
  erasedAt: p.erased_at,
  createdAt: p.created_at,
});

const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
const flagPattern = (flag: string) => `%"${flag.replace(/[\\%_"]/g, (ch) => `\\${ch}`)}"%`;

/** A response counts as flagged when the screener flagged it or any quality check did. */
function isFlagged(eb: ExpressionBuilder<any, any>, alias: string) {
  return eb.or([eb(`${alias}.outcome`, "=", "flagged"), eb(`${alias}.flags`, "<>", "[]")]);
}

/** Conditions on one completed response `alias` (segment, channel, outcome, flag). */
function responseConditions(eb: ExpressionBuilder<any, any>, alias: string, f: RespondentFilter) {
  const conds = [];
  if (f.segment) {
    conds.push(
      eb.exists(
        eb.selectFrom("response_segments as rs").select("rs.response_id").whereRef("rs.response_id", "=", `${alias}.id`).where("rs.segment_id", "=", f.segment),
      ),
    );
  }
  if (f.channel) conds.push(eb(`${alias}.channel_id`, "=", f.channel));
  if (f.outcome) conds.push(eb(`${alias}.outcome`, "=", f.outcome));
  if (f.flag) conds.push(sql<boolean>`${sql.ref(`${alias}.flags`)} like ${flagPattern(f.flag)} escape '\\'`);
  return conds;
}

/** Asking for flagged outcomes or a flag by name shows flagged responses even in "exclude" mode. */
const flaggedMode = (f: RespondentFilter): FlaggedMode => (f.flagged === "exclude" && (f.outcome === "flagged" || f.flag !== undefined) ? "include" : f.flagged);

function searchCondition(eb: ExpressionBuilder<any, any>, q: string) {
  const p = likePattern(q);
  return eb.or([sql<boolean>`lower(p.email) like ${p} escape '\\'`, sql<boolean>`lower(p.name) like ${p} escape '\\'`]);
}

/** Respondents who completed `surveyId` (their latest completion), filtered: the query before its select. */
function surveyRespondentsQuery(db: Kysely<Database>, workspaceId: string, surveyId: string, f: RespondentFilter) {
  let q = db
    .selectFrom("responses as r")
    .innerJoin("respondents as p", "p.id", "r.respondent_id")
    .leftJoin("invitations as i", (j) => j.onRef("i.respondent_id", "=", "p.id").on("i.survey_id", "=", surveyId))
    .where("r.survey_id", "=", surveyId)
    .where("p.workspace_id", "=", workspaceId)
    .where("r.status", "=", "complete")
    .where("p.erased_at", "is", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("responses as r2")
            .select("r2.id")
            .whereRef("r2.survey_id", "=", "r.survey_id")
            .whereRef("r2.respondent_id", "=", "r.respondent_id")
            .where("r2.status", "=", "complete")
            .where((eb) => eb.or([eb("r2.completed_at", ">", eb.ref("r.completed_at")), eb.and([eb("r2.completed_at", "=", eb.ref("r.completed_at")), eb("r2.id", ">", eb.ref("r.id"))])])),
        ),
      ),
    );
  q = q.where((eb) => eb.and(responseConditions(eb, "r", f)));
  const mode = flaggedMode(f);
  if (mode === "exclude") q = q.where((eb) => eb.not(isFlagged(eb, "r")));
  if (mode === "only") q = q.where((eb) => isFlagged(eb, "r"));
  if (f.status === "not_invited") q = q.where("i.id", "is", null);
  else if (f.status) q = q.where("i.status", "=", f.status);
  if (f.q) q = q.where((eb) => searchCondition(eb, f.q!));
  return q;
}

/** Respondents who completed `surveyId` (their latest completion), filtered, one page and the total. */
export async function listSurveyRespondents(
  db: Kysely<Database>,
  workspaceId: string,
  surveyId: string,
  f: RespondentFilter,
  page: { limit: number; offset: number },
) {
  const q = surveyRespondentsQuery(db, workspaceId, surveyId, f);
  const [rows, count] = await Promise.all([
    q
      .select([
        "p.id",
        "p.email",
        "p.name",
        "p.consent_text",
        "p.consent_at",
        "p.unsubscribed_at",
        "p.erased_at",
        "p.created_at",
        "r.id as response_id",
        "r.outcome",
        "r.flags",
        "r.channel_id",
        "r.completed_at",
        "i.id as invitation_id",
        "i.status as invitation_status",
      ])
      .orderBy("r.completed_at", "desc")
      .orderBy("r.id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      respondent: toRecord(r),
      responseId: r.response_id,
      invitation: r.invitation_id && r.invitation_status ? { id: r.invitation_id, status: r.invitation_status } : null,
    })),
  };
}

export type MatchingRespondent = { id: string; email: string | null };

/**
 * Every respondent matching the filters (id and email, in list order), up to `limit` — for
 * "select all N matching". One more row than asked tells the caller the list was cut.
 */
export async function matchingSurveyRespondents(db: Kysely<Database>, workspaceId: string, surveyId: string, f: RespondentFilter, limit: number) {
  const rows = await surveyRespondentsQuery(db, workspaceId, surveyId, f)
    .select(["p.id", "p.email"])
    .orderBy("r.completed_at", "desc")
    .orderBy("r.id", "desc")
    .limit(limit + 1)
    .execute();
  return { respondents: rows.slice(0, limit).map((r): MatchingRespondent => ({ id: r.id, email: r.email })), truncated: rows.length > limit };
}

export type WorkspaceRespondentFilter = RespondentFilter & { survey?: string | undefined; includeErased: boolean };

/** Respondents across the workspace, filtered by any of their completed responses: the query before its select. */
function workspaceRespondentsQuery(db: Kysely<Database>, workspaceId: string, f: WorkspaceRespondentFilter) {
  let q = db.selectFrom("respondents as p").where("p.workspace_id", "=", workspaceId);
  if (!f.includeErased) q = q.where("p.erased_at", "is", null);
  const mode = flaggedMode(f);
  const narrows = f.survey || f.segment || f.channel || f.outcome || f.flag;
  if (narrows) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("responses as r")
          .select("r.id")
          .whereRef("r.respondent_id", "=", "p.id")
          .where("r.status", "=", "complete")
          .where((w) => w.and([...(f.survey ? [w("r.survey_id", "=", f.survey)] : []), ...responseConditions(w, "r", f)])),
      ),
    );
  }
  if (mode !== "include") {
    // Flagged anywhere (in the chosen survey, when one is chosen) — the same rule invitations apply.
    const flaggedResponse = (eb: ExpressionBuilder<Database & { p: Row }, "p">) =>
      eb.exists(
        eb
          .selectFrom("responses as r3")
          .select("r3.id")
          .whereRef("r3.respondent_id", "=", "p.id")
          .where("r3.status", "=", "complete")
          .where((w) => w.and([...(mode === "only" && f.survey ? [w("r3.survey_id", "=", f.survey)] : []), isFlagged(w, "r3")])),
      );
    q = q.where((eb) => (mode === "only" ? flaggedResponse(eb) : eb.not(flaggedResponse(eb))));
  }
  if (f.status) {
    const invited = (eb: ExpressionBuilder<Database & { p: Row }, "p">) =>
      eb
        .selectFrom("invitations as i")
        .select("i.id")
        .whereRef("i.respondent_id", "=", "p.id")
        .where((w) => w.and([...(f.survey ? [w("i.survey_id", "=", f.survey)] : []), ...(f.status !== "not_invited" ? [w("i.status", "=", f.status!)] : [])]));
    q = q.where((eb) => (f.status === "not_invited" ? eb.not(eb.exists(invited(eb))) : eb.exists(invited(eb))));
  }
  if (f.q) q = q.where((eb) => searchCondition(eb, f.q!));
  return q;
}

/** Respondents across the workspace, filtered, one page and the total. */
export async function listWorkspaceRespondents(db: Kysely<Database>, workspaceId: string, f: WorkspaceRespondentFilter, page: { limit: number; offset: number }) {
  const q = workspaceRespondentsQuery(db, workspaceId, f);
  const [rows, count] = await Promise.all([
    q
      .select(["p.id", "p.email", "p.name", "p.consent_text", "p.consent_at", "p.unsubscribed_at", "p.erased_at", "p.created_at"])
      .orderBy("p.created_at", "desc")
      .orderBy("p.id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), rows: rows.map(toRecord) };
}

/** Every workspace respondent matching the filters (id and email, in list order), up to `limit`. */
export async function matchingWorkspaceRespondents(db: Kysely<Database>, workspaceId: string, f: WorkspaceRespondentFilter, limit: number) {
  const rows = await workspaceRespondentsQuery(db, workspaceId, f)
    .select(["p.id", "p.email"])
    .orderBy("p.created_at", "desc")
    .orderBy("p.id", "desc")
    .limit(limit + 1)
    .execute();
  return { respondents: rows.slice(0, limit).map((r): MatchingRespondent => ({ id: r.id, email: r.email })), truncated: rows.length > limit };
}

export async function findRespondent(db: Kysely<Database>, workspaceId: string, id: string): Promise<RespondentRecord | undefined> {
  const row = await db.selectFrom("respondents as p").selectAll().where("p.workspace_id", "=", workspaceId).where("p.id", "=", id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function findRespondentsByIds(db: Kysely<Database>, workspaceId: string, ids: string[]): Promise<RespondentRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("respondents as p").selectAll().where("p.workspace_id", "=", workspaceId).where("p.id", "in", ids).execute();
  return rows.map(toRecord);
}

export async function renameRespondent(db: Kysely<Database>, workspaceId: string, id: string, name: string | null) {
  await db.updateTable("respondents").set({ name }).where("workspace_id", "=", workspaceId).where("id", "=", id).where("erased_at", "is", null).execute();
}

/** Every study each respondent took part in: completed responses and invitations, newest first. */
export async function studiesOf(db: Kysely<Database>, workspaceId: string, respondentIds: string[]): Promise<Map<string, Study[]>> {
  const out = new Map<string, Study[]>(respondentIds.map((id) => [id, []]));
  if (respondentIds.length === 0) return out;
  const [responses, segments, invitations] = await Promise.all([
    db
      .selectFrom("responses as r")
      .innerJoin("surveys as s", "s.id", "r.survey_id")
      .leftJoin("channels as ch", "ch.id", "r.channel_id")
      .select(["r.respondent_id", "r.id", "r.survey_id", "s.title", "r.outcome", "r.flags", "r.completed_at", "ch.id as channel_id", "ch.name as channel_name", "ch.kind as channel_kind"])
      .where("s.workspace_id", "=", workspaceId)
      .where("r.respondent_id", "in", respondentIds)
      .where("r.status", "=", "complete")
      .orderBy("r.completed_at", "desc")
      .execute(),
    db
      .selectFrom("response_segments as rs")
      .innerJoin("responses as r", "r.id", "rs.response_id")
      .select(["rs.response_id", "rs.segment_id"])
      .where("r.respondent_id", "in", respondentIds)
      .execute(),
    db
      .selectFrom("invitations as i")
      .innerJoin("surveys as s", "s.id", "i.survey_id")
      .select(["i.id", "i.respondent_id", "i.survey_id", "i.status", "s.title"])
      .where("i.workspace_id", "=", workspaceId)
      .where("i.respondent_id", "in", respondentIds)
      .execute(),
  ]);
  const segmentsOf = new Map<string, string[]>();
  for (const s of segments) segmentsOf.set(s.response_id, [...(segmentsOf.get(s.response_id) ?? []), s.segment_id]);
  const invitationOf = new Map(invitations.map((i) => [`${i.respondent_id}|${i.survey_id}`, i]));
  const seen = new Set<string>();
  for (const r of responses) {
    const key = `${r.respondent_id}|${r.survey_id}`;
    if (!r.respondent_id || seen.has(key)) continue; // the latest completion per study
    seen.add(key);
    const inv = invitationOf.get(key);
    out.get(r.respondent_id)?.push({
      surveyId: r.survey_id,
      surveyTitle: r.title,
      responseId: r.id,
      outcome: r.outcome,
      flags: JSON.parse(r.flags) as string[],
      segments: segmentsOf.get(r.id) ?? [],
      channel: r.channel_id ? { id: r.channel_id, name: r.channel_name ?? "", kind: r.channel_kind ?? "other" } : null,
      completedAt: r.completed_at,
      interview: inv ? { invitationId: inv.id, status: inv.status } : null,
    });
  }
  for (const inv of invitations) {
    if (seen.has(`${inv.respondent_id}|${inv.survey_id}`)) continue;
    out.get(inv.respondent_id)?.push({
      surveyId: inv.survey_id,
      surveyTitle: inv.title,
      responseId: null,
      outcome: null,
      flags: [],
      segments: [],
      channel: null,
      completedAt: null,
      interview: { invitationId: inv.id, status: inv.status },
    });
  }
  return out;
}

/** Whether a study's response makes its respondent "flagged". */
export const studyFlagged = (s: Study) => s.outcome === "flagged" || s.flags.length > 0;
