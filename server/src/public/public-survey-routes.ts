/**
 * The respondent's API: no account, no cookie session. Reading a survey never reveals
 * how it screens; saving a response is idempotent on the browser-made id, validates
 * against the version the response started on, and decides screener, segments and
 * quotas in one write transaction so quota caps hold exactly under concurrency.
 */
import { Hono, type Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
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
import type { AppDeps, AppEnv } from "../app-env.js";
import { AppError, notFound } from "../errors.js";
import { jsonBody, parseOrThrow } from "../lib/validate.js";
import { hashJson } from "../lib/canonical-json.js";
import { keyedHash } from "../auth/secrets.js";
import { instanceSecret } from "../auth/auth-repository.js";
import { WindowCounter } from "../lib/window-counter.js";
import { Lru } from "../lib/lru.js";
import { isSqlite, writeTransaction, lockForUpdate } from "../db/transactions.js";
import { bumpFunnel } from "../funnel/funnel-repository.js";
import {
  claimResponse,
  countCompleted,
  countQualified,
  hasCompletedDuplicate,
  hasCompletedWithEmail,
  lockResponse,
  touchSurveyActivity,
  updateResponse,
  upsertRespondent,
} from "../responses/response-repository.js";
import { closeIfDue, createVersionCache, findChannelForSurvey, findLiveSurvey, type LiveSurvey } from "./public-survey-repository.js";
import { PutResponseBodySchema, ResponseIdSchema } from "./public-schemas.js";

type End = "qualified" | "disqualified" | "over_quota" | "closed";
type Reply = { status: "partial" | "complete"; next: "continue" | "end"; end?: End };

const DONE_COOKIE = "sieve_done";
const RATE_WINDOW_MS = 60_000;
const ACTIVITY_RESOLUTION_MS = 5_000;

/** Which end screen an outcome shows. A flagged respondent sees the neutral "not a match" screen. */
function endFor(outcome: "qualified" | "disqualified" | "over_quota" | "flagged"): End {
  return outcome === "flagged" ? "disqualified" : outcome;
}

function closedError(definition: SurveyDefinition) {
  return new AppError(410, "survey_closed", "This survey is closed", { endScreen: publicDefinition(definition).endScreens.closed });
}

// No end screen in the details: the qualified one may redirect to a panel's completion URL,
// which must not be reachable by taking a survey twice.
const alreadyResponded = () => new AppError(409, "already_responded", "You have already taken part in this survey");

function doneSurveys(c: Context<AppEnv>): string[] {
  return (getCookie(c, DONE_COOKIE) ?? "").split(".").filter(Boolean);
}

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

export function publicSurveyRoutes(deps: AppDeps) {
  const { db, clock, ids } = deps;
  const versionOf = createVersionCache();
  const saves = new WindowCounter(RATE_WINDOW_MS);
  const lastTouched = new Lru<string, number>(1000);
  let secret: Promise<string> | null = null;
  const dedupeHash = async (c: Context<AppEnv>, surveyId: string) => {
    secret ??= instanceSecret(db);
    return keyedHash(await secret, `${surveyId}|${c.get("clientKey")}|${c.req.header("user-agent") ?? ""}`);
  };

  const loadLive = async (slug: string): Promise<{ survey: LiveSurvey; definition: SurveyDefinition }> => {
    const survey = await findLiveSurvey(db, slug.toLowerCase());
    const definition = survey && (await versionOf(db, survey.id, survey.version));
    if (!survey || !definition) throw notFound("Survey");
    return { survey, definition };
  };

  return new Hono<AppEnv>()
    .get("/public/surveys/:slug", async (c) => {
      const { survey, definition } = await loadLive(c.req.param("slug"));
      const now = clock.now();
      if (await closeIfDue(db, survey, definition, now)) throw closedError(definition);
      const channel = await findChannelForSurvey(db, survey.id, c.req.query("c"));
      await bumpFunnel(db, survey.id, channel?.id ?? null, "views", now);
      const repeat =
        definition.settings.onePerPerson &&
        (doneSurveys(c).includes(survey.id) || (await hasCompletedDuplicate(db, survey.id, await dedupeHash(c, survey.id), "")));
      const pub = publicDefinition(definition);
      c.header("Cache-Control", "no-store");
      return c.json({
        survey: {
          slug: survey.slug,
          version: survey.version,
          title: pub.title,
          description: pub.description,
          estimatedMinutes: pub.estimatedMinutes,
          definition: pub,
          channel: channel ? { code: channel.code, kind: channel.kind } : null,
          alreadyResponded: repeat,
        },
      });
    })
    .put("/public/responses/:id", jsonBody(PutResponseBodySchema), async (c) => {
      const id = parseOrThrow(ResponseIdSchema, c.req.param("id"), "path");
      const body = c.req.valid("json");
      const now = clock.now();
      if (saves.hit(c.get("clientKey"), now) > deps.config.publicRateLimit) {
        c.header("Retry-After", "60");
        throw new AppError(429, "too_many_requests", "Too many saves from this network; try again in a minute", { retryAfterSeconds: 60 });
      }
      const live = await loadLive(body.survey);
      const channel = await findChannelForSurvey(db, live.survey.id, body.channel);
      const ctx = { channel: channel ? { code: channel.code, kind: channel.kind } : null };
      const bodyHash = hashJson({ survey: body.survey, channel: body.channel ?? null, answers: body.answers, complete: body.complete, hp: body.hp ?? "" });
      const dedupe = await dedupeHash(c, live.survey.id);
      const meta: Record<string, string> = Object.fromEntries(Object.entries(body.meta ?? {}).filter(([, v]) => typeof v === "string")) as Record<string, string>;
      const seenBefore = doneSurveys(c);

      const reply = await writeTransaction(db, async (trx): Promise<Reply> => {
        // Completions of one survey take its row lock first, so quota counts cannot interleave (Postgres;
        // SQLite's BEGIN IMMEDIATE already serializes every writer).
        if (body.complete && !isSqlite(trx)) await lockForUpdate(trx, trx.selectFrom("surveys").select("id").where("id", "=", live.survey.id)).execute();
        const claimed = await claimResponse(trx, {
          id,
          surveyId: live.survey.id,
          version: live.survey.version,
          channelId: channel?.id ?? null,
          dedupeHash: dedupe,
          meta,
          now,
        });
        // A row this transaction just created is exactly what it inserted (and locked); only an existing one is read.
        const created = claimed !== null;
        const row = claimed ?? (await lockResponse(trx, id));
        if (!row) throw new Error("claimed response vanished");
        if (row.survey_id !== live.survey.id) throw new AppError(409, "response_id_conflict", "This response id belongs to another survey");
        const definition = row.version === live.survey.version ? live.definition : await versionOf(trx, row.survey_id, row.version);
        if (!definition) throw new Error(`version ${row.version} of ${row.survey_id} is missing`);

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

        const validated = validateAnswers(definition, body.answers, { ctx, partial: !body.complete });
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
        await updateResponse(
          trx,
          definition,
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
        const steps = [...(created ? (["starts"] as const) : []), ...(finishing ? (["completes"] as const) : [])];
        await bumpFunnel(trx, live.survey.id, row.channel_id, steps, now);
        // "Last activity" is for people scanning a list: a few seconds of lag saves a write per response.
        if (finishing && now.getTime() - (lastTouched.get(live.survey.id) ?? 0) > ACTIVITY_RESOLUTION_MS) {
          lastTouched.set(live.survey.id, now.getTime());
          await touchSurveyActivity(trx, live.survey.id, now);
        }
        return finishing && outcome ? { status: "complete", next: "end", end: endFor(outcome) } : { status: "partial", next: "continue" };
      });

      if (reply.status === "complete" && !seenBefore.includes(live.survey.id)) {
        setCookie(c, DONE_COOKIE, [...seenBefore.slice(-49), live.survey.id].join("."), {
          httpOnly: true,
          sameSite: "Lax",
          path: "/",
          maxAge: 365 * 86_400,
          secure: new URL(c.req.url).protocol === "https:" || (deps.config.publicUrl?.startsWith("https://") ?? false),
        });
      }
      return c.json(reply);
    });
}
