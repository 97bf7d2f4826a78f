import { Hono } from "hono";
import { publicDefinition } from "@sieve/core";
import type { AppDeps, AppEnv } from "../app-env.js";
import { AppError, notFound } from "../errors.js";
import { findPublishedBySlug } from "../surveys/survey-repository.js";

/** What a respondent may see: the live version, stripped of every screening rule. */
export function publicSurveyRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/public/surveys/:slug", async (c) => {
    const survey = await findPublishedBySlug(deps.db, c.req.param("slug").toLowerCase());
    if (!survey) throw notFound("Survey");
    const definition = publicDefinition(survey.definition);
    if (survey.status === "closed") {
      throw new AppError(410, "survey_closed", "This survey is closed", { endScreen: definition.endScreens.closed });
    }
    c.header("Cache-Control", "no-store");
    return c.json({
      survey: {
        slug: survey.slug,
        version: survey.version,
        title: definition.title,
        description: definition.description,
        estimatedMinutes: definition.estimatedMinutes,
        definition,
      },
    });
  });
}
