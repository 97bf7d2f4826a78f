/**
 * One filter model for the results dashboard, the response table and the exports. It lives
 * in the page URL so a view can be shared; the server parses the same query string.
 */
import { z } from "zod";
import { IdSchema } from "../survey/definition-schema";
import { OutcomeSchema } from "../vocabulary";
import { fail, issue, ok, type Issue, type Result } from "../result";

/** How the results are split into columns. Example: `{ by: "question", questionId: "role" }`. */
export const SplitSchema = z.discriminatedUnion("by", [
  z.object({ by: z.literal("segment") }),
  z.object({ by: z.literal("channel") }),
  z.object({ by: z.literal("outcome") }),
  z.object({ by: z.literal("question"), questionId: IdSchema }),
]);
/** How the results are split. */
export type Split = z.infer<typeof SplitSchema>;

/** Keep responses that chose one of these options. Example: `{ questionId: "role", optionIds: ["me"] }`. */
export const AnswerFilterSchema = z.object({ questionId: IdSchema, optionIds: z.array(IdSchema).min(1).max(100) });
/** An answer filter. */
export type AnswerFilter = z.infer<typeof AnswerFilterSchema>;

/** The whole filter. `channels` holds channel ids, and `"direct"` for responses without a tracked link. */
export const ResultsFilterSchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  channels: z.array(z.string().min(1).max(64)).max(100).default([]),
  outcomes: z.array(OutcomeSchema).max(4).default([]),
  segments: z.array(IdSchema).max(50).default([]),
  status: z.enum(["complete", "partial", "all"]).default("complete"),
  answers: z.array(AnswerFilterSchema).max(20).default([]),
  split: SplitSchema.nullable().default(null),
});
/** A parsed results filter. */
export type ResultsFilter = z.infer<typeof ResultsFilterSchema>;

/** The part of URLSearchParams the parser reads (core has no DOM or Node types). */
export type QueryParams = { get(key: string): string | null; getAll(key: string): string[] };

const list = (params: QueryParams, key: string) =>
  params.getAll(key).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);

function parseSplit(raw: string | null): unknown {
  if (raw === null || raw === "" || raw === "none") return null;
  if (raw.startsWith("question:")) return { by: "question", questionId: raw.slice("question:".length) };
  return { by: raw };
}

/**
 * Read a filter from a query string: `from=2026-11-01&to=2026-11-22&channel=id1,direct&outcome=qualified
 * &segment=buyers&status=all&answer=role:me,boss&split=question:role`.
 */
export function parseResultsFilter(params: QueryParams): Result<ResultsFilter> {
  const issues: Issue[] = [];
  const answers = params.getAll("answer").map((raw, i) => {
    const at = raw.indexOf(":");
    if (at <= 0) issues.push(issue(["answer", i], "invalid_answer_filter", "Use answer=questionId:optionId[,optionId]"));
    return { questionId: raw.slice(0, at), optionIds: raw.slice(at + 1).split(",").filter(Boolean) };
  });
  if (issues.length > 0) return fail(issues);
  const parsed = ResultsFilterSchema.safeParse({
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
    channels: list(params, "channel"),
    outcomes: list(params, "outcome"),
    segments: list(params, "segment"),
    status: params.get("status") || undefined,
    answers,
    split: parseSplit(params.get("split")),
  });
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => issue(i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), i.code, i.message)));
  }
  if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to) {
    return fail([issue(["from"], "invalid_range", "`from` is after `to`")]);
  }
  return ok(parsed.data);
}

/**
 * A filter as query pairs, the inverse of parseResultsFilter (defaults are left out).
 * Example: `new URLSearchParams(resultsFilterToParams(filter)).toString()`.
 */
export function resultsFilterToParams(filter: ResultsFilter): [string, string][] {
  const pairs: [string, string][] = [];
  if (filter.from) pairs.push(["from", filter.from]);
  if (filter.to) pairs.push(["to", filter.to]);
  if (filter.channels.length) pairs.push(["channel", filter.channels.join(",")]);
  if (filter.outcomes.length) pairs.push(["outcome", filter.outcomes.join(",")]);
  if (filter.segments.length) pairs.push(["segment", filter.segments.join(",")]);
  if (filter.status !== "complete") pairs.push(["status", filter.status]);
  for (const a of filter.answers) pairs.push(["answer", `${a.questionId}:${a.optionIds.join(",")}`]);
  if (filter.split) pairs.push(["split", filter.split.by === "question" ? `question:${filter.split.questionId}` : filter.split.by]);
  return pairs;
}
