/** Evaluates show-if and segment condition groups. */
import type { Condition, ConditionGroup, Question } from "../survey/definition-schema";
import { answerOf, isAnswered } from "../survey/answer-value";
import type { Answers } from "../survey/answers-schema";
import { answerOperators, channelOperators } from "./operators";
import type { RespondentContext } from "./respondent-context";

function conditionHolds(
  condition: Condition,
  answers: Answers,
  ctx: RespondentContext,
  questionsById: ReadonlyMap<string, Question>,
): boolean {
  if (condition.source === "channel") return channelOperators[condition.operator](ctx.channel, condition.values);
  // An unknown question can never have been answered; blank answers count as none.
  const raw = questionsById.has(condition.questionId) ? answerOf(answers, condition.questionId) : undefined;
  return answerOperators[condition.operator](isAnswered(raw) ? raw : undefined, condition.value);
}

/**
 * Whether a condition group holds. An empty group holds whatever its `op`: a group with
 * nothing in it imposes no constraint, which is what an editor's blank rule means.
 * Example: `evaluateCondition(q.showIf, answers, { channel: null }, questionsById(def))`.
 */
export function evaluateCondition(
  group: ConditionGroup,
  answers: Answers,
  ctx: RespondentContext,
  questionsById: ReadonlyMap<string, Question>,
): boolean {
  if (group.conditions.length === 0) return true;
  const holds = (item: Condition | ConditionGroup): boolean =>
    "conditions" in item
      ? evaluateCondition(item, answers, ctx, questionsById)
      : conditionHolds(item, answers, ctx, questionsById);
  return group.op === "and" ? group.conditions.every(holds) : group.conditions.some(holds);
}
