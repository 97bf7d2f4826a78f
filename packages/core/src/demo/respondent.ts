/**
 * Who a demo respondent is, before they answer anything: the channel they came from
 * and a few latent traits that make their answers hang together (an unhappy person
 * gives a low NPS *and* writes a complaint). Channel quality drives the traits that a
 * researcher compares across communities: how often people misfit the screener, how
 * often they cheat, how often they give up.
 */
import type { Random } from "./random";
import { hashUnit } from "./random";
import { FIRST_NAMES, LAST_NAMES } from "./phrase-banks";

/**
 * A tracked link that demo traffic arrives through. `weight` is its share of traffic;
 * `quality` (0–1) optionally overrides how well its audience fits the study.
 */
export type DemoChannel = { code: string; kind: string; weight: number; quality?: number };

/** Respondent traits the answer generator reads. */
export type Respondent = {
  index: number;
  channel: DemoChannel | null;
  /** How well the channel's audience fits the study, 0–1. */
  quality: number;
  /** Chance of choosing a disqualifying answer on a question that has one. */
  misfitRate: number;
  /** A fraudulent respondent: picks trap answers and over-claims. */
  fraud: boolean;
  /** 0 = unhappy, 1 = delighted: drives NPS and ratings. */
  sentiment: number;
  /** 0 = rushing, 1 = thorough: drives optional answers, text length and time spent. */
  engagement: number;
  /** Gives up after this page (0-based), or null to finish. */
  abandonAfterPage: number | null;
  firstName: string;
  lastName: string;
};

/** Base rates at average channel quality (0.5). */
export const BASE_RATES = { misfit: 0.1, fraud: 0.03, abandon: 0.15 } as const;

// How well each kind of community tends to match a study's audience: a newsletter's
// readers chose the topic; a big Facebook group or an X thread reaches everyone.
const KIND_QUALITY: Record<string, number> = {
  newsletter: 0.8,
  email: 0.85,
  linkedin: 0.65,
  "google-group": 0.6,
  reddit: 0.5,
  facebook: 0.4,
  x: 0.3,
  other: 0.5,
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * A channel's audience fit, 0.05–0.95: the kind's baseline, a stable per-code nudge
 * (two subreddits differ), and a penalty for a big share of traffic (reach costs fit).
 * Example: `channelQuality({ code: "r-ux", kind: "reddit", weight: 3 }, 0.5, 2)`.
 */
export function channelQuality(channel: DemoChannel | null, share: number, channelCount: number): number {
  if (channel === null) return 0.5;
  if (channel.quality !== undefined && Number.isFinite(channel.quality)) return clamp(channel.quality, 0, 1);
  const base = KIND_QUALITY[channel.kind] ?? 0.5;
  const nudge = (hashUnit(`quality:${channel.code}`) - 0.5) * 0.24;
  const reach = channelCount > 1 ? 0.25 * (share - 1 / channelCount) : 0;
  return clamp(base + nudge - reach, 0.05, 0.95);
}

/** Draws a respondent arriving through `channel`. Example: `drawRespondent(random, 0, null, 0.5, 3)`. */
export function drawRespondent(
  random: Random,
  index: number,
  channel: DemoChannel | null,
  quality: number,
  pageCount: number,
): Respondent {
  // Everything scales around the base rates, which hold at quality 0.5.
  const badness = 2 * (1 - quality); // 0 at perfect fit, 1 at 0.5, 2 at none
  const fraud = random.chance(BASE_RATES.fraud * badness);
  const abandons = random.chance(BASE_RATES.abandon * (0.6 + 0.4 * badness) * (fraud ? 0.3 : 1));
  return {
    index,
    channel,
    quality,
    misfitRate: fraud ? 0 : clamp(BASE_RATES.misfit * badness, 0, 0.5), // cheats answer to get in
    fraud,
    sentiment: clamp(random.normal(0.55 + 0.2 * (quality - 0.5), 0.22), 0, 1),
    engagement: fraud ? random.next() * 0.2 : clamp(random.normal(0.5, 0.2), 0, 1),
    abandonAfterPage: abandons ? abandonPage(random, pageCount) : null,
    firstName: random.pick(FIRST_NAMES),
    lastName: random.pick(LAST_NAMES),
  };
}

/**
 * Which page someone gives up after: most drop off early. With one page there is no
 * "after a page" before the end, so -1 means they left without saving anything.
 */
function abandonPage(random: Random, pageCount: number): number {
  if (pageCount <= 1) return -1;
  const weights = Array.from({ length: pageCount - 1 }, (_, page) => 1 / (page + 1));
  return random.weighted(weights);
}
