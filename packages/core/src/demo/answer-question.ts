/**
 * One demo answer to one question, in the shape `validateAnswers` accepts. Choices are
 * skewed, not uniform: each option has a stable popularity (a Zipf curve over a
 * hash-ranked order, so the same option is popular on every run) tinted per channel,
 * so splitting results by channel shows real differences.
 */
import type { Option, Question, QuestionOf } from "../survey/definition-schema";
import type { AnswerValue, OtherAnswer } from "../survey/answers-schema";
import type { Random } from "./random";
import { hashUnit } from "./random";
import type { Respondent } from "./respondent";
import { intentOf, otherPhrases, phrasesFor, type Theme } from "./phrase-banks";

/** What an answer may depend on besides the question. */
export type AnswerContext = { random: Random; respondent: Respondent; theme: Theme; startedAt: Date };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Options that say "none of the above": picked alone, never with others. */
const EXCLUSIVE_LABEL = /^(none|nothing|no one|i don't|i do not|i haven't)\b/i;

/**
 * The answer, or undefined to leave the question blank (never for a required question;
 * a statement takes no answer). Example: `answerQuestion(q, { random, respondent, theme, startedAt })`.
 */
export function answerQuestion(question: Question, ctx: AnswerContext): AnswerValue | undefined {
  if (question.type === "statement") return undefined;
  if (!question.required && !ctx.random.chance(answerRate(question, ctx.respondent))) return undefined;
  switch (question.type) {
    case "single_choice":
    case "dropdown":
      return singleChoice(question.id, question.options, question.allowOther, ctx);
    case "yes_no":
      return yesNo(question, ctx);
    case "multiple_choice":
      return multipleChoice(question, ctx);
    case "short_text":
    case "long_text":
      return text(question, ctx);
    case "email": {
      const { firstName, lastName, index } = ctx.respondent;
      return `${firstName}.${lastName}+${index + 1}@example.com`;
    }
    case "number":
      return numberAnswer(question, ctx);
    case "rating":
      return ratingAnswer(question, ctx);
    case "nps":
      return npsAnswer(ctx);
    case "matrix":
      return matrixAnswer(question, ctx);
    case "date":
      return dateAnswer(question, ctx);
    case "consent":
      // A required consent can only be given; an optional one is sometimes declined.
      return question.required || ctx.random.chance(0.9);
  }
}

/** How likely an optional question is answered: open text is skipped most, by the least engaged. */
function answerRate(question: Question, respondent: Respondent): number {
  const { engagement } = respondent;
  switch (question.type) {
    case "long_text":
      return 0.3 + 0.6 * engagement;
    case "short_text":
      return 0.45 + 0.45 * engagement;
    default:
      return 0.75 + 0.2 * engagement;
  }
}

/**
 * Relative popularity of each option: a Zipf curve over an order fixed by the option
 * ids (stable across seeds), times a per-channel tint in [0.6, 1.65].
 */
function popularity(questionId: string, options: readonly Option[], respondent: Respondent): number[] {
  const order = options
    .map((option, index) => ({ index, key: hashUnit(`popularity:${questionId}:${option.id}`) }))
    .sort((a, b) => a.key - b.key);
  const weights = new Array<number>(options.length).fill(0);
  order.forEach(({ index }, rank) => {
    const option = options[index];
    const code = respondent.channel?.code ?? "";
    const tint = option === undefined ? 1 : Math.exp((hashUnit(`tint:${code}:${questionId}:${option.id}`) - 0.5) * 1);
    weights[index] = tint / (rank + 1) ** 1.1;
  });
  return weights;
}

/**
 * Splits options by what picking them does. In a question with `qualify` options, a
 * neutral option also screens out (missing qualifier), so it counts as a misfit.
 */
function partition(options: readonly Option[]) {
  const hasQualifier = options.some((o) => o.effect === "qualify");
  const passing = (o: Option) => (hasQualifier ? o.effect === "qualify" : o.effect === null);
  return {
    passing: options.filter(passing),
    misfit: options.filter((o) => o.effect === "disqualify" || (hasQualifier && o.effect === null)),
    traps: options.filter((o) => o.effect === "trap"),
  };
}

function pickWeighted(questionId: string, options: readonly Option[], ctx: AnswerContext): Option | undefined {
  if (options.length === 0) return undefined;
  return options[ctx.random.weighted(popularity(questionId, options, ctx.respondent))];
}

function other(ctx: AnswerContext): OtherAnswer {
  return { other: ctx.random.pick(otherPhrases(ctx.theme)) };
}

function singleChoice(
  questionId: string,
  options: readonly Option[],
  allowOther: boolean,
  ctx: AnswerContext,
): AnswerValue | undefined {
  const { random, respondent } = ctx;
  const { passing, misfit, traps } = partition(options);
  if (respondent.fraud && traps.length > 0 && random.chance(0.9)) return random.pick(traps).id;
  if (misfit.length > 0 && random.chance(respondent.misfitRate)) return pickWeighted(questionId, misfit, ctx)?.id;
  if (allowOther && random.chance(0.04)) return other(ctx);
  const choice = pickWeighted(questionId, passing, ctx) ?? pickWeighted(questionId, misfit, ctx);
  if (choice) return choice.id;
  // Every listed option is a trap (never publishable): "Other" is the honest answer.
  return allowOther ? other(ctx) : pickWeighted(questionId, options, ctx)?.id;
}

function yesNo(question: QuestionOf<"yes_no">, ctx: AnswerContext): AnswerValue | undefined {
  // Without screener effects a yes/no is an opinion: the engaged say yes more often.
  if (question.options.every((o) => o.effect === null)) {
    return ctx.random.chance(0.3 + 0.5 * ctx.respondent.engagement) ? "yes" : "no";
  }
  return singleChoice(question.id, question.options, false, ctx);
}

function multipleChoice(question: QuestionOf<"multiple_choice">, ctx: AnswerContext): AnswerValue | undefined {
  const { random, respondent } = ctx;
  const { passing, misfit, traps } = partition(question.options);
  const max = Math.min(question.maxSelections ?? Infinity, question.options.length + (question.allowOther ? 1 : 0));
  const min = Math.min(Math.max(question.minSelections ?? 0, question.required ? 1 : 0), max);
  const exclusive = passing.filter((o) => EXCLUSIVE_LABEL.test(o.label));
  const combinable = passing.filter((o) => !EXCLUSIVE_LABEL.test(o.label));

  let selected: (string | OtherAnswer)[];
  if (respondent.fraud && traps.length > 0 && random.chance(0.9)) {
    // Cheats over-claim: the trap plus a handful of real-sounding options.
    selected = [random.pick(traps).id, ...sample(question.id, combinable, random.int(2, 4), ctx)];
  } else if (misfit.length > 0 && random.chance(respondent.misfitRate)) {
    selected = [pickWeighted(question.id, misfit, ctx)?.id ?? ""];
  } else if (exclusive.length > 0 && random.chance(0.06)) {
    selected = [random.pick(exclusive).id];
  } else {
    const wanted = 1 + Math.floor(random.exponential(1.1));
    const qualifiers = combinable.filter((o) => o.effect === "qualify");
    const first = qualifiers.length > 0 ? sample(question.id, qualifiers, 1, ctx) : [];
    const rest = combinable.filter((o) => !first.includes(o.id));
    selected = [...first, ...sample(question.id, rest, wanted - first.length, ctx)];
    if (question.allowOther && random.chance(0.06)) selected.push(other(ctx));
  }
  selected = selected.filter((item) => item !== "");
  // Respect the question's limits: top up from the remaining options, trim the tail.
  if (selected.length < min) {
    const unused = (o: Option) => !selected.includes(o.id);
    for (const pool of [combinable, exclusive, misfit]) {
      selected.push(...sample(question.id, pool.filter(unused), min - selected.length, ctx));
    }
  }
  if (selected.length > max) selected = selected.slice(0, max);
  return selected.length === 0 ? undefined : selected;
}

/** Up to `count` distinct option ids, drawn by popularity without replacement. */
function sample(questionId: string, options: readonly Option[], count: number, ctx: AnswerContext): string[] {
  const pool = [...options];
  const chosen: string[] = [];
  while (chosen.length < count && pool.length > 0) {
    const index = ctx.random.weighted(popularity(questionId, pool, ctx.respondent));
    chosen.push(...pool.splice(index, 1).map((o) => o.id));
  }
  return chosen;
}

function text(question: QuestionOf<"short_text" | "long_text">, ctx: AnswerContext): string {
  const { random, respondent } = ctx;
  const phrases = phrasesFor(ctx.theme, intentOf(question));
  let answer = random.pick(phrases);
  // Thorough respondents write a second sentence in long answers.
  if (question.type === "long_text" && respondent.engagement > 0.6 && phrases.length > 1) {
    const second = random.pick(phrases.filter((p) => p !== answer));
    answer = `${answer} ${second}`;
  }
  return truncate(answer, question.maxLength);
}

/** Cuts at a word boundary to fit `maxLength`, never to blank. */
function truncate(answer: string, maxLength: number | undefined): string {
  if (maxLength === undefined || answer.length <= maxLength) return answer;
  const cut = answer.slice(0, maxLength);
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : cut).trim() || answer.slice(0, maxLength);
}

function numberAnswer(question: QuestionOf<"number">, ctx: AnswerContext): number {
  const low = question.min ?? 0;
  const high = question.max ?? Math.max(low + 100, low * 2);
  if (high <= low) return low;
  // Counts are right-skewed: most people are near a modest median, a few far above it.
  const median = low + (high - low) * 0.18;
  const raw = low + (median - low) * Math.exp(ctx.random.normal(0, 0.6));
  const value = clamp(raw, low, high);
  if (question.integer) {
    const rounded = Math.round(value);
    // Rounding may step outside a fractional bound; stay inside it.
    return clamp(rounded, Math.ceil(low), Math.floor(high));
  }
  return clamp(Math.round(value * 10) / 10, low, high);
}

function ratingAnswer(question: QuestionOf<"rating">, ctx: AnswerContext): number {
  const span = question.scale - 1;
  // A question's own lean (some things are rated higher) mixed with the respondent's mood.
  const lean = hashUnit(`rating:${question.id}`);
  const mean = 1 + span * (0.25 + 0.5 * (0.5 * lean + 0.5 * ctx.respondent.sentiment));
  return clamp(Math.round(ctx.random.normal(mean, span * 0.22)), 1, question.scale);
}

// A typical product's NPS shape: a heavy top, a long thin tail of detractors.
const NPS_WEIGHTS = [2, 1, 1.5, 2, 2.5, 5, 6, 10, 17, 22, 24];

function npsAnswer(ctx: AnswerContext): number {
  const mood = ctx.respondent.sentiment - 0.5;
  return ctx.random.weighted(NPS_WEIGHTS.map((w, score) => w * Math.exp(3 * mood * ((score - 5) / 5))));
}

function matrixAnswer(question: QuestionOf<"matrix">, ctx: AnswerContext): Record<string, string> {
  const { random, respondent } = ctx;
  const last = question.columns.length - 1;
  const answer: Record<string, string> = {};
  for (const row of question.rows) {
    if (!question.required && random.chance(0.08)) continue;
    const lean = hashUnit(`matrix:${question.id}:${row.id}`);
    const mean = last * (0.15 + 0.55 * lean + 0.2 * (respondent.engagement - 0.5));
    const column = question.columns[clamp(Math.round(random.normal(mean, last * 0.25)), 0, last)];
    if (column) answer[row.id] = column.id;
  }
  return answer;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function dateAnswer(question: QuestionOf<"date">, ctx: AnswerContext): string {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const today = Math.floor(ctx.startedAt.getTime() / DAY_MS) * DAY_MS;
  const min = question.min !== undefined ? day(question.min) : undefined;
  const max = question.max !== undefined ? day(question.max) : undefined;
  const from = min ?? (max !== undefined ? max - 365 * DAY_MS : today - 365 * DAY_MS);
  const to = max ?? (min !== undefined ? min + 365 * DAY_MS : today);
  const days = Math.max(0, Math.round((to - from) / DAY_MS));
  return new Date(from + ctx.random.int(0, days) * DAY_MS).toISOString().slice(0, 10);
}
