/**
 * The respondent's API: no account, no cookie session. Reading a survey never reveals
 * how it screens; saving a response (response-saver.ts) is idempotent on the browser-made
 * id, validates against the version the response started on, and decides screener,
 * segments and quotas in one write transaction so quota caps hold exactly under concurrency.
 */
import { Hono, type Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { publicDefinition } from "@sieve/core";
import type { AppDeps, AppEnv } from "../app-env.js";
import { AppError } from "../errors.js";
import { jsonBody, parseOrThrow } from "../lib/validate.js";
import { WindowCounter } from "../lib/window-counter.js";
import { hasCompletedDuplicate } from "../responses/response-repository.js";
import { closeIfDue, findChannelForSurvey } from "./public-survey-repository.js";
import { PutResponseBodySchema, ResponseIdSchema } from "./public-schemas.js";
import { bodyHashOf, closedError, createLiveSurveys } from "./response-saver.js";
import { createPublicWriter } from "./public-writer.js";

const DONE_COOKIE = "sieve_done";
const RATE_WINDOW_MS = 60_000;

function doneSurveys(c: Context<AppEnv>): string[] {
  return (getCookie(c, DONE_COOKIE) ?? "").split(".").filter(Boolean);
}

export function publicSurveyRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  const live = createLiveSurveys(db);
  const writer = deps.publicWriter ?? createPublicWriter(deps);
  const saves = new WindowCounter(RATE_WINDOW_MS);

  return new Hono<AppEnv>()
    .get("/public/surveys/:slug", async (c) => {
      const { survey, definition } = await live.load(c.req.param("slug"));
      const now = clock.now();
      if (await closeIfDue(db, survey, definition, now)) throw closedError(definition);
      const channel = await findChannelForSurvey(db, survey.id, c.req.query("c"));
      await writer.count({ surveyId: survey.id, channelId: channel?.id ?? null, step: "views", now: now.toISOString() });
      const repeat =
        definition.settings.onePerPerson &&
        (doneSurveys(c).includes(survey.id) ||
          (await hasCompletedDuplicate(db, survey.id, await live.dedupeHash(survey.id, c.get("clientKey"), c.req.header("user-agent") ?? ""), "")));
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
      const seenBefore = doneSurveys(c);
      const { reply, surveyId } = await writer.save({
        id,
        body,
        clientKey: c.get("clientKey"),
        userAgent: c.req.header("user-agent") ?? "",
        seenBefore,
        now: now.toISOString(),
        bodyHash: bodyHashOf(body),
      });
      if (reply.status === "complete" && !seenBefore.includes(surveyId)) {
        setCookie(c, DONE_COOKIE, [...seenBefore.slice(-49), surveyId].join("."), {
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
