import { Hono } from "hono";
import { emptyDefinition, findTemplate, validateDefinition, type SurveyDefinition } from "@sieve/core";
import type { AppDeps, AppEnv } from "../app-env.js";
import { AppError, badRequest, conflict, notFound } from "../errors.js";
import { jsonBody } from "../lib/validate.js";
import { newSlug } from "../lib/slug.js";
import { writeTransaction } from "../db/transactions.js";
import { allow, requireRole } from "../auth/auth-middleware.js";
import {
  deleteSurvey,
  findSurvey,
  insertSurvey,
  insertVersion,
  listSurveys,
  saveDraft,
  slugExists,
  updateSurveyRow,
  type SurveyRecord,
} from "./survey-repository.js";
import { CreateSurveyBodySchema, PatchSurveyBodySchema, PutDefinitionBodySchema } from "./survey-schemas.js";
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";

/** The API's view of a survey: the draft, its publish blockers, and whether it differs from the live version. */
export function surveyDetail(s: SurveyRecord) {
  return {
    id: s.id,
    title: s.title,
    slug: s.slug,
    status: s.status,
    revision: s.revision,
    publishedVersion: s.publishedVersion,
    responseCount: s.responseCount,
    lastActivityAt: s.lastActivityAt ?? s.updatedAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    publishedAt: s.publishedAt,
    hasUnpublishedChanges: s.publishedRevision !== s.revision,
    definition: s.definition,
    issues: validateDefinition(s.definition),
  };
}

async function uniqueSlug(db: Kysely<Database>): Promise<string> {
  for (;;) {
    const slug = newSlug();
    if (!(await slugExists(db, slug))) return slug;
  }
}

export function surveyRoutes(deps: AppDeps) {
  const { db, clock, ids } = deps;

  const load = async (workspaceId: string, id: string) => {
    const survey = await findSurvey(db, workspaceId, id);
    if (!survey) throw notFound("Survey");
    return survey;
  };

  const create = async (workspaceId: string, userId: string, definition: SurveyDefinition) => {
    const id = ids.newId();
    await insertSurvey(db, { id, workspaceId, slug: await uniqueSlug(db), definition, createdBy: userId, now: clock.now() });
    return surveyDetail(await load(workspaceId, id));
  };

  return new Hono<AppEnv>()
    .get("/surveys", async (c) => {
      const { workspace } = requireRole(c, "viewer");
      return c.json({ surveys: await listSurveys(db, workspace.id) });
    })
    .post("/surveys", allow("editor"), jsonBody(CreateSurveyBodySchema), async (c) => {
      const { actor, workspace } = requireRole(c, "editor");
      const body = c.req.valid("json");
      let definition: SurveyDefinition;
      if (body.templateId !== undefined) {
        const template = findTemplate(body.templateId);
        if (!template) throw badRequest("unknown_template", `There is no template "${body.templateId}"`, { templateId: body.templateId });
        definition = structuredClone(template.definition);
      } else if (body.definition !== undefined) {
        definition = body.definition;
      } else {
        definition = emptyDefinition(body.title ?? "Untitled survey");
      }
      if (body.title !== undefined) definition = { ...definition, title: body.title };
      return c.json({ survey: await create(workspace.id, actor.user.id, definition) }, 201);
    })
    .get("/surveys/:id", async (c) => {
      const { workspace } = requireRole(c, "viewer");
      return c.json({ survey: surveyDetail(await load(workspace.id, c.req.param("id"))) });
    })
    .patch("/surveys/:id", allow("editor"), jsonBody(PatchSurveyBodySchema), async (c) => {
      const { workspace } = requireRole(c, "editor");
      const id = c.req.param("id");
      const body = c.req.valid("json");
      const survey = await load(workspace.id, id);
      const now = clock.now();
      if (body.slug !== undefined && body.slug !== survey.slug) {
        if (await slugExists(db, body.slug)) throw conflict("slug_taken", "That link is already used by another survey");
        try {
          await updateSurveyRow(db, id, workspace.id, { slug: body.slug, updated_at: now.toISOString() });
        } catch (error) {
          // A concurrent rename can win the unique index between the check and the write.
          if (await slugExists(db, body.slug)) throw conflict("slug_taken", "That link is already used by another survey");
          throw error;
        }
      }
      if (body.title !== undefined && body.title !== survey.definition.title) {
        const saved = await saveDraft(db, {
          id,
          workspaceId: workspace.id,
          expectedRevision: survey.revision,
          definition: { ...survey.definition, title: body.title },
          now,
        });
        if (saved === null) throw conflict("revision_conflict", "The survey was changed meanwhile; reload and try again");
      }
      return c.json({ survey: surveyDetail(await load(workspace.id, id)) });
    })
    .delete("/surveys/:id", async (c) => {
      const { workspace } = requireRole(c, "editor");
      if (!(await deleteSurvey(db, workspace.id, c.req.param("id")))) throw notFound("Survey");
      return c.body(null, 204);
    })
    .put("/surveys/:id/definition", allow("editor"), jsonBody(PutDefinitionBodySchema), async (c) => {
      const { workspace } = requireRole(c, "editor");
      const id = c.req.param("id");
      const { revision, definition } = c.req.valid("json");
      await load(workspace.id, id);
      const saved = await saveDraft(db, { id, workspaceId: workspace.id, expectedRevision: revision, definition, now: clock.now() });
      if (saved === null) {
        const current = await load(workspace.id, id);
        throw conflict("revision_conflict", "Someone else saved this survey meanwhile; reload to see their changes", {
          currentRevision: current.revision,
        });
      }
      return c.json({ survey: surveyDetail(await load(workspace.id, id)) });
    })
    .post("/surveys/:id/publish", async (c) => {
      const { actor, workspace } = requireRole(c, "editor");
      const id = c.req.param("id");
      const now = clock.now();
      const version = await writeTransaction(db, async (trx) => {
        const survey = await findSurvey(trx, workspace.id, id, { forUpdate: true });
        if (!survey) throw notFound("Survey");
        const issues = validateDefinition(survey.definition);
        if (issues.length > 0) {
          throw new AppError(400, "invalid_definition", `The survey cannot be published: ${issues.length} issue(s) to fix`, { issues });
        }
        if (survey.publishedRevision === survey.revision && survey.publishedVersion !== null) {
          return { number: survey.publishedVersion, publishedAt: survey.publishedAt ?? now.toISOString() };
        }
        const number = (survey.publishedVersion ?? 0) + 1;
        await insertVersion(trx, {
          surveyId: id,
          workspaceId: workspace.id,
          version: number,
          revision: survey.revision,
          definition: survey.definition,
          status: survey.status === "draft" ? "open" : survey.status,
          publishedBy: actor.user.id,
          now,
        });
        return { number, publishedAt: now.toISOString() };
      });
      return c.json({ survey: surveyDetail(await load(workspace.id, id)), version });
    })
    .post("/surveys/:id/close", async (c) => {
      const { workspace } = requireRole(c, "editor");
      const id = c.req.param("id");
      const survey = await load(workspace.id, id);
      if (survey.status === "draft") throw conflict("not_published", "Publish the survey before closing it");
      if (survey.status === "open") {
        const now = clock.now().toISOString();
        await updateSurveyRow(db, id, workspace.id, { status: "closed", closed_at: now, updated_at: now });
      }
      return c.json({ survey: surveyDetail(await load(workspace.id, id)) });
    })
    .post("/surveys/:id/reopen", async (c) => {
      const { workspace } = requireRole(c, "editor");
      const id = c.req.param("id");
      const survey = await load(workspace.id, id);
      if (survey.status === "draft") throw conflict("not_published", "Publish the survey to open it");
      if (survey.status === "closed") {
        await updateSurveyRow(db, id, workspace.id, { status: "open", closed_at: null, updated_at: clock.now().toISOString() });
      }
      return c.json({ survey: surveyDetail(await load(workspace.id, id)) });
    })
    .post("/surveys/:id/duplicate", async (c) => {
      const { actor, workspace } = requireRole(c, "editor");
      const survey = await load(workspace.id, c.req.param("id"));
      const title = `Copy of ${survey.definition.title}`.slice(0, 200);
      return c.json({ survey: await create(workspace.id, actor.user.id, { ...survey.definition, title }) }, 201);
    });
}
