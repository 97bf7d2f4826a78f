/**
 * Respondents per survey (who completed it, filterable, flagged hidden unless asked for)
 * and across the workspace (with every study they took part in). Emails are visible to
 * workspace members only; every query is scoped to the caller's workspace. Lists are paged
 * (page, pageSize, total); the `respondent-ids` twins return every match's id and email, so
 * a researcher can select all N matching across pages.
 */
import { Hono } from "hono";
import { z } from "zod";
import { INTERVIEW_STATUSES } from "@sieve/core";
import type { AppDeps, AppEnv } from "../app-env.js";
import { notFound } from "../errors.js";
import { jsonBody, queryParams } from "../lib/validate.js";
import { allow, requireRole } from "../auth/auth-middleware.js";
import { findSurvey } from "../surveys/survey-repository.js";
import {
  findRespondent,
  listSurveyRespondents,
  listWorkspaceRespondents,
  matchingSurveyRespondents,
  matchingWorkspaceRespondents,
  renameRespondent,
  studiesOf,
  studyFlagged,
  type FlaggedMode,
  type RespondentRecord,
  type Study,
} from "./respondent-repository.js";

const flagQuery = z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true");

const FilterFields = {
  segment: z.string().min(1).max(100).optional(),
  channel: z.string().min(1).max(100).optional(),
  outcome: z.enum(["qualified", "disqualified", "over_quota", "flagged"]).optional(),
  flag: z.string().regex(/^[a-z_]{1,40}$/, "A flag is a lowercase name such as speeding").optional(),
  /** exclude (default) | include | only — responses flagged by the screener or a quality check. */
  flagged: z.enum(["exclude", "include", "only"]).optional(),
  /** The older spelling of flagged=include. */
  includeFlagged: flagQuery.default(false),
  status: z.enum([...INTERVIEW_STATUSES, "not_invited"]).optional(),
  // An empty search box sends q= : that is no search, not an error.
  q: z.string().trim().max(200).optional().transform((v) => v || undefined),
};
const Paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
const WorkspaceFields = {
  survey: z.string().min(1).max(100).optional(),
  includeErased: flagQuery.default(false),
};

/** The flagged mode a query asks for (`flagged=` wins over the older `includeFlagged=1`). */
const withFlaggedMode = <T extends { flagged?: FlaggedMode | undefined; includeFlagged: boolean }>(f: T) => ({
  ...f,
  flagged: f.flagged ?? (f.includeFlagged ? "include" : "exclude"),
});

export const RespondentFilterQuerySchema = z.object({ ...FilterFields, ...Paging });
export const WorkspaceRespondentQuerySchema = z.object({ ...FilterFields, ...WorkspaceFields, ...Paging });
export const MatchingRespondentQuerySchema = z.object(FilterFields);
export const MatchingWorkspaceRespondentQuerySchema = z.object({ ...FilterFields, ...WorkspaceFields });

/** How many ids "select all matching" returns at most (invitations go out in batches of 500). */
export const MATCHING_LIMIT = 5000;

export const MatchingRespondentsSchema = z.object({
  respondents: z.array(z.object({ id: z.string(), email: z.string().nullable() })),
  truncated: z.boolean(),
});

export const PatchRespondentBodySchema = z.object({ name: z.string().trim().max(200).nullable() });

const StudySchema = z.object({
  surveyId: z.string(),
  surveyTitle: z.string(),
  responseId: z.string().nullable(),
  outcome: z.string().nullable(),
  flags: z.array(z.string()),
  segments: z.array(z.string()),
  channel: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
  completedAt: z.string().nullable(),
  interview: z.object({ invitationId: z.string(), status: z.enum(INTERVIEW_STATUSES) }).nullable(),
});

export const RespondentSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  createdAt: z.string(),
  unsubscribed: z.boolean(),
  erased: z.boolean(),
  flagged: z.boolean(),
  channels: z.array(z.string()),
  studies: z.array(StudySchema),
});

export const SurveyRespondentSchema = RespondentSchema.extend({
  responseId: z.string(),
  outcome: z.string().nullable(),
  flags: z.array(z.string()),
  segments: z.array(z.object({ id: z.string(), name: z.string() })),
  channel: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
  completedAt: z.string().nullable(),
  pipelineStatus: z.enum([...INTERVIEW_STATUSES, "not_invited"]),
  invitationId: z.string().nullable(),
  pastStudies: z.array(StudySchema),
});

function respondentView(p: RespondentRecord, studies: Study[]) {
  return {
    id: p.id,
    email: p.email,
    name: p.name,
    createdAt: p.createdAt,
    unsubscribed: p.unsubscribedAt !== null,
    erased: p.erasedAt !== null,
    flagged: studies.some(studyFlagged),
    channels: [...new Set(studies.flatMap((s) => (s.channel ? [s.channel.kind] : [])))],
    studies,
  };
}

export function respondentRoutes(deps: AppDeps) {
  const { db } = deps;
  return new Hono<AppEnv>()
    .get("/surveys/:id/respondents", queryParams(RespondentFilterQuerySchema), async (c) => {
      const { workspace } = requireRole(c, "viewer");
      const survey = await findSurvey(db, workspace.id, c.req.param("id"));
      if (!survey) throw notFound("Survey");
      const f = withFlaggedMode(c.req.valid("query"));
      const { rows, total } = await listSurveyRespondents(db, workspace.id, survey.id, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      const studies = await studiesOf(db, workspace.id, rows.map((r) => r.respondent.id));
      const segmentName = new Map(survey.definition.segments.map((s) => [s.id, s.name]));
      return c.json({
        total,
        page: f.page,
        pageSize: f.pageSize,
        respondents: rows.map((r) => {
          const all = studies.get(r.respondent.id) ?? [];
          const here = all.find((s) => s.surveyId === survey.id);
          return {
            ...respondentView(r.respondent, all),
            responseId: r.responseId,
            outcome: here?.outcome ?? null,
            flags: here?.flags ?? [],
            segments: (here?.segments ?? []).map((id) => ({ id, name: segmentName.get(id) ?? id })),
            channel: here?.channel ?? null,
            completedAt: here?.completedAt ?? null,
            pipelineStatus: r.invitation?.status ?? ("not_invited" as const),
            invitationId: r.invitation?.id ?? null,
            pastStudies: all.filter((s) => s.surveyId !== survey.id),
          };
        }),
      });
    })
    .get("/surveys/:id/respondent-ids", queryParams(MatchingRespondentQuerySchema), async (c) => {
      const { workspace } = requireRole(c, "viewer");
      const survey = await findSurvey(db, workspace.id, c.req.param("id"));
      if (!survey) throw notFound("Survey");
      const matching = await matchingSurveyRespondents(db, workspace.id, survey.id, withFlaggedMode(c.req.valid("query")), MATCHING_LIMIT);
      return c.json(matching);
    })
    .get("/respondent-ids", queryParams(MatchingWorkspaceRespondentQuerySchema), async (c) => {
      const { workspace } = requireRole(c, "viewer");
      const matching = await matchingWorkspaceRespondents(db, workspace.id, withFlaggedMode(c.req.valid("query")), MATCHING_LIMIT);
      return c.json(matching);
    })
    .get("/respondents", queryParams(WorkspaceRespondentQuerySchema), async (c) => {
      const { workspace } = requireRole(c, "viewer");
      const f = withFlaggedMode(c.req.valid("query"));
      const { rows, total } = await listWorkspaceRespondents(db, workspace.id, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      const studies = await studiesOf(db, workspace.id, rows.map((r) => r.id));
      return c.json({ total, page: f.page, pageSize: f.pageSize, respondents: rows.map((p) => respondentView(p, studies.get(p.id) ?? [])) });
    })
    .get("/respondents/:id", async (c) => {
      const { workspace } = requireRole(c, "viewer");
      const p = await findRespondent(db, workspace.id, c.req.param("id"));
      if (!p) throw notFound("Respondent");
      const studies = await studiesOf(db, workspace.id, [p.id]);
      return c.json({ respondent: { ...respondentView(p, studies.get(p.id) ?? []), consentText: p.consentText, consentAt: p.consentAt, unsubscribedAt: p.unsubscribedAt, erasedAt: p.erasedAt } });
    })
    .patch("/respondents/:id", allow("editor"), jsonBody(PatchRespondentBodySchema), async (c) => {
      const { workspace } = requireRole(c, "editor");
      const p = await findRespondent(db, workspace.id, c.req.param("id"));
      if (!p || p.erasedAt) throw notFound("Respondent");
      await renameRespondent(db, workspace.id, p.id, c.req.valid("json").name || null);
      const studies = await studiesOf(db, workspace.id, [p.id]);
      return c.json({ respondent: respondentView((await findRespondent(db, workspace.id, p.id))!, studies.get(p.id) ?? []) });
    });
}
