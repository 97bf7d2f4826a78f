/**
 * Saving a public response: idempotent on the browser-made id, validated against the version
 * the response started on, with screener, segments and quotas decided in one write
 * transaction so quota caps hold exactly under concurrency.
 *
 * It takes plain data and gives plain data (or an AppError), so the same code runs in the
 * request's thread or, on SQLite, on the save thread (save-thread.ts), which takes the
 * database work of public saves off the thread that serves HTTP.
 */
import type { Kysely } from "kysely";
import {
  allQuestions,
  evaluateScreener,
  evaluateSegments,
  isSpeeding,
  isStraightLining,
  publicDefinition,
  validateAnswers,
  type Answers,
  type SurveyDefinition,
} from "@sieve/core";
import type { z } from "zod";
import type { Database } from "../db/database.js";
import type { IdGenerator } from "../ops/clock.js";
import { AppError, notFound } from "../errors.js";
import { hashJson } from "../lib/canonical-json.js";
import { keyedHash } from "../auth/secrets.js";
import { instanceSecret } from "../auth/auth-repository.js";
import { Lru } from "../lib/lru.js";
import { isSqlite, writeTransaction, lockForUpdate } from "../db/transactions.js";
import { bumpFunnel } from "../funnel/funnel-repository.js";
import {
  countCompleted,
  countQualified,
  hasCompletedDuplicate,
  hasCompletedWithEmail,
  lockResponse,
  newResponseRow,
  storeResponse,
  touchSurveyActivity,
  upsertRespondent,
} from "../responses/response-repository.js";
import { closeIfDue, createVersionCache, findChannelForSurvey, findLiveSurvey, type LiveSurvey } from "./public-survey-repository.js";
import type { PutResponseBodySchema } from "./public-schemas.js";

export type End = "qualified" | "disqualified" | "over_quota" | "closed";
export type Reply = { status: "partial" | "complete"; next: "continue" | "end"; end?: End };

export type SaveInput = {
  id: string;
  body: z.output<typeof PutResponseBodySchema>;
  /** The request's keyed client-address hash and user agent: with the survey id they make the duplicate check's hash. */
  clientKey: string;
  userAgent: string;
  /** Survey ids this browser's cookie says it has completed. */
  seenBefore: string[];
  now: string;
  /** The body's canonical hash (bodyHashOf): a repeated request must match it exactly. */
  bodyHash: string;
};

/** What makes two saves "the same request" for idempotency. */
export function bodyHashOf(body: SaveInput["body"]): string {
  return hashJson({ survey: body.survey, channel: body.channel ?? null, answers: body.answers, complete: body.complete, hp: body.hp ?? "" });
}

export type SaveResult = { reply: Reply; surveyId: string };
export type ResponseSaver = (input: SaveInput) => Promise<SaveResult>;

const ACTIVITY_RESOLUTION_MS = 5_000;

/** Another transaction stored this response id's first save while ours was deciding it. */
class FirstSaveRace extends Error {}
/** A Postgres completion that turned out to need the survey's row lock after all. */
class SurveyLockNeeded extends Error {}

/** Whether completing a response of this version decides on counts of other responses (quotas, the limit, duplicates). */
function decidesOnCounts(definition: SurveyDefinition): boolean {
  return definition.quotas.length > 0 || definition.settings.responseLimit !== null || definition.settings.onePerPerson;
}

/** Which end screen an outcome shows. A flagged respondent sees the neutral "not a match" screen. */
function endFor(outcome: "qualified" | "disqualified" | "over_quota" | "flagged"): End {
  return outcome === "flagged" ? "disqualified" : outcome;
}

export function closedError(definition: SurveyDefinition) {
  return new AppError(410, "survey_closed", "This survey is closed", { endScreen: publicDefinition(definition).endScreens.closed });
}

// No end screen in the details: the qualified one may redirect to a panel's completion URL,
// which must not be reachable by taking a survey twice.
const alreadyResponded = () => new AppError(409, "already_responded", "You have already taken part in this survey");

/** The first answered email question's value, lower-cased. */
function emailOf(definition: SurveyDefinition, answers: Answers): string | null {
  for (const { question } of allQuestions(definition)) {
    const value = answers[question.id];
    if (question.type === "email" && typeof value === "string" && value.trim()) return value.trim().toLowerCase();
  }
  return null;
}

/** The consent the respondent gave: a consent question they ticked, else the survey's consent text shown with the email field. */
function consentOf(definition: SurveyDefinition, answers: Answers): string | null {
  for (const { question } of allQuestions(definition)) {
    if (question.type === "consent" && answers[question.id] === true) return question.text;
  }
  return definition.settings.consentText || null;
}

/** Published surveys by slug, with their (cached) definitions; shared by reading and saving. */
export function createLiveSurveys(db: Kysely<Database>) {
  const versionOf = createVersionCache();
  let secret: Promise<string> | null = null;
  return {
    versionOf,
    async load(slug: string): Promise<{ survey: LiveSurvey; definition: SurveyDefinition }> {
      const survey = await findLiveSurvey(db, slug.toLowerCase());
      const definition = survey && (await versionOf(db, survey.id, survey.version));
      if (!survey || !definition) throw notFound("Survey");
      return { survey, definition };
    },
    /** One person's hash for one survey: keyed client address and user agent, never the address itself. */
    async dedupeHash(surveyId: string, clientKey: string, userAgent: string): Promise<string> {
      secret ??= instanceSecret(db).catch((e) => {
        secret = null;
        throw e;
      });
      return keyedHash(await secret, `${surveyId}|${clientKey}|${userAgent}`);
    },
  };
}

export function createResponseSaver(deps: { db: Kysely<Database>; ids: IdGenerator }): ResponseSaver {
  const { db, ids } = deps;
  const live$ = createLiveSurveys(db);
  const versionOf = live$.versionOf;
  const lastTouched = new Lru<string, number>(1000);

  return async ({ id, body, clientKey, userAgent, seenBefore, now: nowIso, bodyHash }) => {
    const now = new Date(nowIso);
    const live = await live$.load(body.survey);
    const channel = await findChannelForSurvey(db, live.survey.id, body.channel);
    const ctx = { channel: channel ? { code: channel.code, kind: channel.kind } : null };
    const dedupe = await live$.dedupeHash(live.survey.id, clientKey, userAgent);
    const meta: Record<string, string> = Object.fromEntries(Object.entries(body.meta ?? {}).filter(([, v]) => typeof v === "string")) as Record<string, string>;

    const attempt = (lockSurvey: boolean) => writeTransaction(db, async (trx): Promise<Reply> => {
      // Completions of a survey with quotas, a response limit or one response per person take its row
      // lock first, so the counts they decide on cannot interleave (Postgres; SQLite's BEGIN IMMEDIATE
      // already serializes every writer). Other completions run side by side.
      const pgCompletion = body.complete && !isSqlite(trx);
      if (pgCompletion && lockSurvey) await lockForUpdate(trx, trx.selectFrom("surveys").select("id").where("id", "=", live.survey.id)).execute();
      const existing = await lockResponse(trx, id);
      const created = existing === undefined;
      // A first save decides everything before the row exists, then inserts it once, decided.
      const row =
        existing ??
        newResponseRow({ id, surveyId: live.survey.id, version: live.survey.version, channelId: channel?.id ?? null, dedupeHash: dedupe, meta, now });
      if (row.survey_id !== live.survey.id) throw new AppError(409, "response_id_conflict", "This response id belongs to another survey");
      const definition = row.version === live.survey.version ? live.definition : await versionOf(trx, row.survey_id, row.version);
      if (!definition) throw new Error(`version ${row.version} of ${row.survey_id} is missing`);
      // Started on an older version that counts where the live one does not: start over, with the lock.
      if (pgCompletion && !lockSurvey && decidesOnCounts(definition)) throw new SurveyLockNeeded();

      if (row.status === "complete") {
        if (row.body_hash === bodyHash && row.outcome) return { status: "complete", next: "end", end: endFor(row.outcome) };
        throw new AppError(409, "response_completed", "This response is already complete and cannot be changed");
      }
      if (await closeIfDue(trx, live.survey, live.definition, now)) throw closedError(live.definition);
      if (created && definition.settings.onePerPerson) {
        if (seenBefore.includes(live.survey.id) || (await hasCompletedDuplicate(trx, live.survey.id, dedupe, id))) {
          throw alreadyResponded();
        }
      }

      const validated = validateAnswers(definition, body.answers, { ctx, partial: !body.complete, shapeChecked: true });
      if (!validated.ok) {
        throw new AppError(400, "invalid_answers", `${validated.issues.length} answer(s) need attention`, { issues: validated.issues });
      }
      const answers = validated.value;
      const flags = new Set<string>(JSON.parse(row.flags) as string[]);
      if (body.hp) flags.add("honeypot");
      const page = body.page !== undefined ? definition.pages[body.page] : undefined;
      if (!created && page && body.page! > (row.last_page ?? -1) && isSpeeding(page, now.getTime() - Date.parse(row.updated_at))) {
        flags.add("speeding");
      }

      const screener = evaluateScreener(definition, answers, ctx, { complete: body.complete });
      const endsEarly = !body.complete && screener.outcome === "disqualified";
      const finishing = body.complete || endsEarly;
      let outcome: "qualified" | "disqualified" | "over_quota" | "flagged" | null = null;
      let segments: string[] = [];
      let respondentId = row.respondent_id;
      if (finishing) {
        if (isStraightLining(definition, answers)) flags.add("straight_lining");
        segments = evaluateSegments(definition, answers, ctx);
        outcome = flags.has("honeypot") ? "flagged" : screener.outcome === "undecided" ? "disqualified" : screener.outcome;
        if (outcome === "qualified") {
          const limit = live.definition.settings.responseLimit;
          if (limit !== null && (await countCompleted(trx, live.survey.id)) >= limit) throw closedError(live.definition);
          for (const quota of definition.quotas) {
            if (quota.segmentId !== null && !segments.includes(quota.segmentId)) continue;
            if ((await countQualified(trx, live.survey.id, quota.segmentId)) >= quota.cap) {
              outcome = "over_quota";
              break;
            }
          }
        }
        const email = emailOf(definition, answers);
        if (email) {
          if (definition.settings.onePerPerson && (await hasCompletedWithEmail(trx, live.survey.id, live.survey.workspaceId, email, id))) {
            throw alreadyResponded();
          }
          respondentId = await upsertRespondent(trx, {
            id: ids.newId(),
            workspaceId: live.survey.workspaceId,
            email,
            consentText: consentOf(definition, answers),
            now,
          });
        }
      }
      const stored = await storeResponse(
        trx,
        definition,
        row,
        {
          id,
          surveyId: live.survey.id,
          status: finishing ? "complete" : "partial",
          outcome,
          reason: finishing && screener.reason ? `${screener.reason.rule}:${screener.reason.questionId}` : null,
          segments,
          flags: [...flags],
          respondentId,
          updatedAt: now,
          completedAt: finishing ? now : null,
          durationMs: finishing ? now.getTime() - Date.parse(row.started_at) : null,
          bodyHash,
          lastPage: body.page ?? row.last_page,
          fresh: created,
          channelId: row.channel_id,
          startedAt: row.started_at,
        },
        answers,
      );
      if (!stored) throw new FirstSaveRace();
      const steps = [...(created ? (["starts"] as const) : []), ...(finishing ? (["completes"] as const) : [])];
      await bumpFunnel(trx, live.survey.id, row.channel_id, steps, now);
      // "Last activity" is for people scanning a list: a few seconds of lag saves a write per response.
      if (finishing && now.getTime() - (lastTouched.get(live.survey.id) ?? 0) > ACTIVITY_RESOLUTION_MS) {
        lastTouched.set(live.survey.id, now.getTime());
        await touchSurveyActivity(trx, live.survey.id, now);
      }
      return finishing && outcome ? { status: "complete", next: "end", end: endFor(outcome) } : { status: "partial", next: "continue" };
    });
    // Postgres only: two first saves of one id at once (the one that loses the insert runs again and
    // finds the row), or a completion that needs the survey lock it did not take.
    let lockSurvey = decidesOnCounts(live.definition);
    for (let tries = 1; ; tries++) {
      try {
        return { reply: await attempt(lockSurvey), surveyId: live.survey.id };
      } catch (error) {
        if (tries >= 3 || !(error instanceof FirstSaveRace || error instanceof SurveyLockNeeded)) throw error;
        if (error instanceof SurveyLockNeeded) lockSurvey = true;
      }
    }
  };
}
