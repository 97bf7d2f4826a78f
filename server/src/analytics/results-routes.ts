import { Hono, type Context } from "hono";
import { buildResults, parseResultsFilter, wilsonInterval, type ColumnMeta, type ResultsFilter, type SurveyDefinition } from "@sieve/core";
import type { AppDeps, AppEnv } from "../app-env.js";
import { AppError, notFound } from "../errors.js";
import { requireRole } from "../auth/auth-middleware.js";
import { findSurvey, findVersion, type SurveyRecord } from "../surveys/survey-repository.js";
import { listChannels, type Channel } from "../channels/channel-repository.js";
import { surveyResults } from "./results-repository.js";

const OUTCOME_LABELS: Record<string, string> = {
  qualified: "Qualified",
  disqualified: "Disqualified",
  over_quota: "Over quota",
  flagged: "Flagged",
};

export function readFilter(c: Context<AppEnv>): ResultsFilter {
  const parsed = parseResultsFilter(new URL(c.req.url).searchParams);
  if (!parsed.ok) throw new AppError(400, "invalid_filter", "The results filter is not valid", { issues: parsed.issues });
  return parsed.value;
}

/** The definition results are read against: the live version, or the draft before the first publish. */
export async function resultsSurvey(deps: AppDeps, workspaceId: string, id: string) {
  const survey = await findSurvey(deps.db, workspaceId, id);
  if (!survey) throw notFound("Survey");
  const version = survey.publishedVersion !== null ? await findVersion(deps.db, survey.id, survey.publishedVersion) : undefined;
  return { survey, definition: version?.definition ?? survey.definition };
}

function columnMeta(filter: ResultsFilter, definition: SurveyDefinition, channels: Channel[]): ColumnMeta[] {
  const split = filter.split;
  if (split === null) return [];
  switch (split.by) {
    case "segment":
      return definition.segments.map((s) => ({ key: s.id, label: s.name, color: s.color }));
    case "channel":
      return [...channels.map((c) => ({ key: c.id, label: c.name })), { key: "", label: "Direct link" }];
    case "outcome":
      return Object.entries(OUTCOME_LABELS).map(([key, label]) => ({ key, label }));
    case "question": {
      const q = definition.pages.flatMap((p) => p.questions).find((x) => x.id === split.questionId);
      if (!q || !("options" in q)) throw new AppError(400, "invalid_filter", "Split by a choice question of this survey", { questionId: split.questionId });
      return q.options.map((o) => ({ key: o.id, label: o.label }));
    }
  }
}

/** The results a dashboard shows, for a survey and filter; `hideText` drops free-text questions (shared links). */
export async function resultsBody(
  deps: AppDeps,
  target: { survey: SurveyRecord; definition: SurveyDefinition; workspaceId: string },
  filter: ResultsFilter,
  options: { hideText: boolean },
) {
  const { survey, definition } = target;
  const channels = await listChannels(deps.db, target.workspaceId, survey.id);
  const { aggregates, overview } = await surveyResults(deps.db, survey.id, filter, channels.map((ch) => ch.id));
  // The direct-link column only when someone came without a tracked link: an empty series in every chart says nothing.
  const meta = columnMeta(filter, definition, channels).filter((m) => filter.split?.by !== "channel" || m.key !== "" || aggregates.columns.some((c) => c.key === "" && c.n > 0));
  const built = buildResults(definition, aggregates, filter.split, meta);
  const count = (pred: (t: (typeof overview.totals)[number]) => boolean) => overview.totals.filter(pred).reduce((s, t) => s + t.count, 0);
  const channelRows = [...channels.map((ch) => ({ id: ch.id, name: ch.name, kind: ch.kind, code: ch.code })), { id: "", name: "Direct link", kind: "direct", code: null }];
  const funnel = channelRows
    .map((ch) => {
      const f = overview.funnel.find((x) => x.channelId === ch.id);
      const outcomes = overview.byChannel.filter((x) => x.channelId === ch.id);
      const completes = outcomes.reduce((s, x) => s + x.count, 0);
      const qualified = outcomes.find((x) => x.outcome === "qualified")?.count ?? 0;
      return {
        channel: ch,
        clicks: f?.clicks ?? 0,
        views: f?.views ?? 0,
        starts: f?.starts ?? 0,
        completes,
        qualified,
        qualifiedRate: wilsonInterval(qualified, completes),
      };
    })
    .filter((row) => row.channel.id !== "" || row.views + row.completes > 0)
    // Which community yields qualified people: best lower bound first, so a lucky 2-of-2 does not top the list.
    .sort((a, b) => b.qualifiedRate.lower - a.qualifiedRate.lower || b.completes - a.completes);
  return {
    survey: { id: survey.id, title: survey.title, status: survey.status, publishedVersion: survey.publishedVersion },
    filter,
    totals: {
      responses: count(() => true),
      complete: count((t) => t.status === "complete"),
      partial: count((t) => t.status === "partial"),
      qualified: count((t) => t.outcome === "qualified"),
      disqualified: count((t) => t.outcome === "disqualified"),
      overQuota: count((t) => t.outcome === "over_quota"),
      flagged: count((t) => t.outcome === "flagged"),
    },
    funnel,
    segments: definition.segments.map((s) => ({
      id: s.id,
      name: s.name,
      color: s.color,
      count: overview.segmentSizes.find((x) => x.segmentId === s.id)?.count ?? 0,
    })),
    overTime: overview.overTime,
    ...built,
    questions: options.hideText ? built.questions.filter((q) => q.kind !== "text") : built.questions,
  };
}

export function resultsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/surveys/:id/results", async (c) => {
    const { workspace } = requireRole(c, "viewer");
    const filter = readFilter(c);
    const target = await resultsSurvey(deps, workspace.id, c.req.param("id"));
    c.header("Cache-Control", "no-store");
    return c.json(await resultsBody(deps, { ...target, workspaceId: workspace.id }, filter, { hideText: false }));
  });
}
