/**
 * Respondents per survey (who completed it, filterable, flagged hidden unless asked for)
 * and across the workspace (with every study they took part in). Emails are visible to
 * workspace members only; every query is scoped to the caller's workspace.
 */
import { Hono } from "hono";
import { z } from "zod";
import { INTERVIEW_STATUSES } from "@sieve/core";
import type { AppDeps, AppEnv } from "../app-env.js";
import { notFound } from "../errors.js";
import { jsonBody, queryParams } from "../lib/validate.js";
import { requireRole } from "../auth/auth-middleware.js";
import { findSurvey } from "../surveys/survey-repository.js";
import {
  findRespondent,
  listSurveyRespondents,
  listWorkspaceRespondents,
  renameRespondent,
  studiesOf,
  studyFlagged,
  type RespondentRecord,
  type Study,
} from "./respondent-repository.js";

const flagQuery = z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true");

export const RespondentFilterQuerySchema = z.object({
  segment: z.string().min(1).max(100).optional(),
  channel: z.string().min(1).max(100).optional(),
  outcome: z.enum(["qualified", "disqualified", "over_quota", "flagged"]).optional(),
  flag: z.string().regex(/^[a-z_]{1,40}$/, "A flag is a lowercase name such as speeding").optional(),
  includeFlagged: flagQuery.default(false),
  status: z.enum([...INTERVIEW_STATUSES, "not_invited"]).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const WorkspaceRespondentQuerySchema = RespondentFilterQuerySchema.extend({
  survey: z.string().min(1).max(100).optional(),
  includeErased: flagQuery.default(false),
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
      const f = c.req.valid("query");
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
    .get("/respondents", queryParams(WorkspaceRespondentQuerySchema), async (c) => {
      const { workspace } = requireRole(c, "viewer");
      const f = c.req.valid("query");
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
    .patch("/respondents/:id", jsonBody(PatchRespondentBodySchema), async (c) => {
      const { workspace } = requireRole(c, "editor");
      const p = await findRespondent(db, workspace.id, c.req.param("id"));
      if (!p || p.erasedAt) throw notFound("Respondent");
      await renameRespondent(db, workspace.id, p.id, c.req.valid("json").name || null);
      const studies = await studiesOf(db, workspace.id, [p.id]);
      return c.json({ respondent: respondentView((await findRespondent(db, workspace.id, p.id))!, studies.get(p.id) ?? []) });
    });
}
