import { Hono } from "hono";
import { allQuestions, isAnswerable, surveyTemplates, findTemplate } from "@sieve/core";
import type { AppDeps, AppEnv } from "../app-env.js";
import { notFound } from "../errors.js";
import { requireRole } from "../auth/auth-middleware.js";

export function templateRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>()
    .get("/templates", (c) => {
      requireRole(c, "viewer");
      return c.json({
        templates: surveyTemplates.map((t) => ({
          id: t.id,
          name: t.name,
          description: t.description,
          category: t.category,
          questionCount: allQuestions(t.definition).filter((q) => isAnswerable(q.question)).length,
          estimatedMinutes: t.definition.estimatedMinutes,
        })),
      });
    })
    .get("/templates/:id", (c) => {
      requireRole(c, "viewer");
      const template = findTemplate(c.req.param("id"));
      if (!template) throw notFound("Template");
      return c.json({ template });
    });
}
