/**
 * The screener, in User Interviews' accept/reject model. Only visible, answered
 * questions count; rules apply in this order:
 * 1. a selected `trap` option → flagged (precedence: a fraud signal beats everything);
 * 2. a selected `disqualify` option → disqualified;
 * 3. a question with ≥1 `qualify` option answered without one → disqualified (missing_qualifier);
 * 4. a visible question with `qualify` options left unanswered → undecided while the
 *    response is partial, disqualified (missing_qualifier) once it is complete;
 * 5. otherwise qualified when complete, undecided while partial (a later page may still reject).
 */
import type { Question, SurveyDefinition } from "../survey/definition-schema";
import { answerOf, isAnswered } from "../survey/answer-value";
import type { Answers } from "../survey/answers-schema";
import { choiceOptions } from "../survey/question-kinds";
import { selectedIds } from "./operators";
import type { RespondentContext } from "./respondent-context";
import { visibility } from "./visible-questions";

/** Which screener rule decided the outcome. */
export type ScreenerRule = "trap" | "disqualify" | "missing_qualifier";

/** The screener's verdict and the rule (question, option) that decided it. */
export type ScreenerResult = {
  outcome: "qualified" | "disqualified" | "flagged" | "undecided";
  reason: { questionId: string; optionId?: string; rule: ScreenerRule } | null;
};

/** Whether the response is finished (`complete`) or still being filled in page by page. */
export type ScreenerOptions = { complete: boolean };

function firstSelectedWithEffect(
  questions: Question[],
  answers: Answers,
  effect: "trap" | "disqualify",
): { questionId: string; optionId: string } | undefined {
  for (const question of questions) {
    const selected = selectedIds(answerOf(answers, question.id));
    const option = choiceOptions(question).find((o) => o.effect === effect && selected.includes(o.id));
    if (option) return { questionId: question.id, optionId: option.id };
  }
  return undefined;
}

/** Evaluates the screener. Example: `evaluateScreener(def, answers, { channel: null }, { complete: true })`. */
export function evaluateScreener(
  def: SurveyDefinition,
  answers: Answers,
  ctx: RespondentContext,
  options: ScreenerOptions,
): ScreenerResult {
  const visible = visibility(def, answers, ctx);

  const trap = firstSelectedWithEffect(visible.questions, visible.answers, "trap");
  if (trap) return { outcome: "flagged", reason: { ...trap, rule: "trap" } };

  const disqualify = firstSelectedWithEffect(visible.questions, visible.answers, "disqualify");
  if (disqualify) return { outcome: "disqualified", reason: { ...disqualify, rule: "disqualify" } };

  let pending: string | undefined;
  for (const question of visible.questions) {
    const qualifiers = choiceOptions(question).filter((o) => o.effect === "qualify");
    if (qualifiers.length === 0) continue;
    const answer = answerOf(visible.answers, question.id);
    if (!isAnswered(answer)) {
      pending ??= question.id;
      continue;
    }
    const selected = selectedIds(answer);
    if (!qualifiers.some((o) => selected.includes(o.id))) {
      return { outcome: "disqualified", reason: { questionId: question.id, rule: "missing_qualifier" } };
    }
  }

  if (!options.complete) return { outcome: "undecided", reason: null };
  if (pending !== undefined) {
    return { outcome: "disqualified", reason: { questionId: pending, rule: "missing_qualifier" } };
  }
  return { outcome: "qualified", reason: null };
}
