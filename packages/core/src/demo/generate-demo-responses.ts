/**
 * Demo responses: a believable data set for a survey nobody has answered yet, so a
 * researcher can see the results page, funnel and channel comparison before posting a
 * link. Each respondent walks the survey page by page, answering only what the logic
 * shows them, with traits that make the data hang together (channel fit, honesty,
 * mood, effort). Pure and deterministic: the same definition, options and seed give
 * the same responses, and response `i` does not depend on `count`.
 *
 * Screened-out respondents still answer every page (a response that is `complete`
 * must satisfy every required question); the screener decides their outcome later.
 */
import type { Question, SurveyDefinition } from "../survey/definition-schema";
import type { AnswerValue, Answers } from "../survey/answers-schema";
import type { RespondentContext } from "../screener/respondent-context";
import { visibleQuestions } from "../screener/visible-questions";
import { answerQuestion } from "./answer-question";
import { themeOf, type Theme } from "./phrase-banks";
import { createRandom, hashUnit, type Random } from "./random";
import { channelQuality, drawRespondent, type DemoChannel, type Respondent } from "./respondent";

export type { DemoChannel } from "./respondent";

/**
 * What to generate. Example:
 * `{ count: 200, seed: 7, channels: [{ code: "r-ux", kind: "reddit", weight: 2 }], start, end }`.
 */
export type DemoOptions = {
  count: number;
  /** Same seed, same responses. */
  seed: number | string;
  /** Where traffic comes from, in proportion to `weight`; empty means no channel. */
  channels: readonly DemoChannel[];
  /** Responses start within [start, end]. */
  start: Date;
  end: Date;
};

/** One generated response. `complete: false` means the respondent gave up after a page. */
export type DemoResponse = {
  channelCode: string | null;
  startedAt: Date;
  durationMs: number;
  complete: boolean;
  answers: Answers;
};

type Source = { channel: DemoChannel | null; quality: number; share: number };

/**
 * Generates `count` demo responses sorted by start time. Example:
 * `generateDemoResponses(def, { count: 300, seed: "demo", channels, start, end })`.
 */
export function generateDemoResponses(definition: SurveyDefinition, options: DemoOptions): DemoResponse[] {
  const count = Number.isFinite(options.count) ? Math.max(0, Math.floor(options.count)) : 0;
  const theme = themeOf(definition);
  const sources = channelSources(options.channels);
  const first = Math.min(options.start.getTime(), options.end.getTime());
  const span = Math.abs(options.end.getTime() - options.start.getTime()) || 0;

  const responses: { index: number; response: DemoResponse }[] = [];
  for (let index = 0; index < count; index++) {
    const random = createRandom(`${String(options.seed)}:${index}`);
    const source = sources.length === 0 ? null : sources[random.weighted(sources.map((s) => s.share))];
    const channel = source?.channel ?? null;
    const startedAt = new Date(first + Math.floor(arrivalOffset(random, channel, span)));
    const respondent = drawRespondent(random, index, channel, source?.quality ?? 0.5, definition.pages.length);
    responses.push({ index, response: respond(definition, respondent, random, theme, startedAt) });
  }
  responses.sort((a, b) => a.response.startedAt.getTime() - b.response.startedAt.getTime() || a.index - b.index);
  return responses.map((r) => r.response);
}

function channelSources(channels: readonly DemoChannel[]): Source[] {
  const weights = channels.map((c) => (Number.isFinite(c.weight) && c.weight > 0 ? c.weight : 0));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return channels.map((channel, i) => {
    // All-zero weights mean "no preference": equal shares.
    const share = total > 0 ? (weights[i] ?? 0) / total : 1 / channels.length;
    return { channel, share, quality: channelQuality(channel, share, channels.length) };
  });
}

/**
 * When someone arrives, in ms after the window opens: each channel's post goes up at a
 * stable moment in the first half of the window and its traffic decays from there
 * (a subreddit post is old news in two days); a quarter arrives at any time.
 */
function arrivalOffset(random: Random, channel: DemoChannel | null, span: number): number {
  if (span <= 0) return 0;
  if (channel === null || random.chance(0.25)) return random.next() * span;
  const postAt = hashUnit(`post:${channel.code}`) * 0.5 * span;
  const offset = postAt + random.exponential(0.12 * span);
  return offset < span ? offset : postAt + random.next() * (span - postAt);
}

/** One respondent's walk through the survey. */
function respond(
  def: SurveyDefinition,
  respondent: Respondent,
  random: Random,
  theme: Theme,
  startedAt: Date,
): DemoResponse {
  const ctx: RespondentContext = {
    channel: respondent.channel ? { code: respondent.channel.code, kind: respondent.channel.kind } : null,
  };
  const channelCode = respondent.channel?.code ?? null;
  // Fast and slow people stay fast and slow; cheats race through.
  const pace = Math.exp(random.normal(0, 0.3)) * (1.3 - 0.6 * respondent.engagement) * (respondent.fraud ? 0.35 : 1);
  const answers: Answers = {};
  let seconds = 0;

  if (respondent.abandonAfterPage === -1) {
    // Opened the only page and left without saving anything.
    return { channelCode, startedAt, durationMs: Math.round(random.int(4, 40) * 1000), complete: false, answers };
  }

  for (const [pageIndex, page] of def.pages.entries()) {
    seconds += 4;
    // Visibility is re-read only when a show-if needs it and answers changed since.
    let visible: Set<string> | undefined;
    for (const question of page.questions) {
      if (question.showIf !== undefined) {
        visible ??= new Set(visibleQuestions(def, answers, ctx).map((q) => q.id));
        if (!visible.has(question.id)) continue;
      }
      const value = answerQuestion(question, { random, respondent, theme, startedAt });
      seconds += secondsFor(question, value);
      if (value !== undefined) {
        answers[question.id] = value;
        visible = undefined;
      }
    }
    if (respondent.abandonAfterPage === pageIndex) {
      // Lingered on the next page, then left.
      seconds += random.exponential(20);
      return { channelCode, startedAt, durationMs: Math.round(seconds * pace * 1000), complete: false, answers };
    }
  }
  return { channelCode, startedAt, durationMs: Math.round(seconds * pace * 1000), complete: true, answers };
}

/** Typical seconds to read and answer a question (typing on a phone runs at a few characters a second). */
function secondsFor(question: Question, value: AnswerValue | undefined): number {
  if (question.type === "statement") return 8;
  if (value === undefined) return 2;
  switch (question.type) {
    case "single_choice":
    case "dropdown":
    case "yes_no":
      return 5 + 0.8 * question.options.length;
    case "multiple_choice":
      return 8 + 1.5 * question.options.length;
    case "short_text":
    case "long_text":
      return 10 + (typeof value === "string" ? value.length / 2.5 : 0);
    case "email":
      return 10;
    case "matrix":
      return 4 + 3.5 * question.rows.length;
    case "number":
    case "date":
      return 8;
    default:
      return 5;
  }
}
