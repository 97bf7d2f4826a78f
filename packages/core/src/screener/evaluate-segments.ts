/** Segment membership of a response. */
import type { SurveyDefinition } from "../survey/definition-schema";
import type { Answers } from "../survey/answers-schema";
import { questionsById } from "../survey/all-questions";
import { evaluateCondition } from "./condition";
import type { RespondentContext } from "./respondent-context";
import { visibility } from "./visible-questions";

/**
 * Ids of every segment whose rule holds, in definition order (a response may be in
 * several). Answers to hidden questions are ignored, as everywhere in logic.
 * Example: `evaluateSegments(def, answers, { channel: { code: "r1", kind: "reddit" } })`.
 */
export function evaluateSegments(def: SurveyDefinition, answers: Answers, ctx: RespondentContext): string[] {
  const byId = questionsById(def);
  const visible = visibility(def, answers, ctx).answers;
  return def.segments.filter((segment) => evaluateCondition(segment.when, visible, ctx, byId)).map((s) => s.id);
}
