/**
 * Live results and shared read-only links. Live views are Server-Sent Events fed by
 * polling the survey's response high-water mark in the database, so a response saved
 * through any instance reaches dashboards connected to any other.
 */
import { Hono, type Context } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../app-env.js";
import { AppError, notFound } from "../errors.js";
import { jsonBody } from "../lib/validate.js";
import { allow, requireRole } from "../auth/auth-middleware.js";
import { requestOrigin } from "../auth/session-cookie.js";
import { findSurvey } from "../surveys/survey-repository.js";
import { createResultLink, findResultLink, listResultLinks, responseMark, revokeResultLink } from "./result-links-repository.js";
import { readFilter, resultsBody, resultsSurvey } from "./results-routes.js";

export const CreateResultLinkBodySchema = z.object({ hideText: z.boolean().default(false) });

const HEARTBEAT_MS = 15_000;

function liveStream(c: Context<AppEnv>, deps: AppDeps, surveyId: string) {
  c.header("Cache-Control", "no-store");
  // Tells nginx-style proxies not to buffer the stream.
  c.header("X-Accel-Buffering", "no");
  // Hono answers HEAD by running the GET handler and dropping the body unread: a stream
  // started here would never be cancelled and would poll the database forever.
  if (c.req.method === "HEAD") return c.body(null, 200, { "Content-Type": "text/event-stream" });
  return streamSSE(c, async (stream) => {
    let open = true;
    stream.onAbort(() => {
      open = false;
    });
    let last = "";
    let lastBeat = Date.now();
    while (open) {
      const mark = await responseMark(deps.db, surveyId);
      const key = `${mark.responses}|${mark.lastActivityAt}`;
      if (key !== last) {
        last = key;
        await stream.writeSSE({ event: "changed", data: JSON.stringify(mark) });
      } else if (Date.now() - lastBeat > HEARTBEAT_MS) {
        lastBeat = Date.now();
        await stream.write(": keep-alive\n\n");
      }
      await stream.sleep(deps.config.livePollMs);
    }
  });
}

async function sharedTarget(deps: AppDeps, token: string) {
  const link = await findResultLink(deps.db, token);
  if (!link) throw new AppError(404, "link_invalid", "This results link is invalid or was revoked");
  const target = await resultsSurvey(deps, link.workspace_id, link.survey_id);
  return { link, target: { ...target, workspaceId: link.workspace_id } };
}

export function liveRoutes(deps: AppDeps) {
  const { db, clock, ids } = deps;
  return new Hono<AppEnv>()
    .get("/surveys/:id/live", async (c) => {
      const { workspace } = requireRole(c, "viewer");
      const survey = await findSurvey(db, workspace.id, c.req.param("id"));
      if (!survey) throw notFound("Survey");
      return liveStream(c, deps, survey.id);
    })
    .get("/surveys/:id/result-links", async (c) => {
      const { workspace } = requireRole(c, "viewer");
      const survey = await findSurvey(db, workspace.id, c.req.param("id"));
      if (!survey) throw notFound("Survey");
      return c.json({ links: await listResultLinks(db, workspace.id, survey.id) });
    })
    .post("/surveys/:id/result-links", allow("editor"), jsonBody(CreateResultLinkBodySchema), async (c) => {
      const { actor, workspace } = requireRole(c, "editor");
      const survey = await findSurvey(db, workspace.id, c.req.param("id"));
      if (!survey) throw notFound("Survey");
      const { link, token } = await createResultLink(db, {
        id: ids.newId(),
        surveyId: survey.id,
        workspaceId: workspace.id,
        hideText: c.req.valid("json").hideText,
        createdBy: actor.user.id,
        now: clock.now(),
      });
      // The token is stored hashed: this is the only time the URL can be shown.
      return c.json({ link: { ...link, url: `${requestOrigin(c, deps.config)}/r/${token}` } }, 201);
    })
    .delete("/surveys/:id/result-links/:linkId", async (c) => {
      const { workspace } = requireRole(c, "editor");
      if (!(await revokeResultLink(db, workspace.id, c.req.param("id"), c.req.param("linkId"), clock.now()))) throw notFound("Link");
      return c.body(null, 204);
    })
    .get("/public/results/:token", async (c) => {
      const filter = readFilter(c);
      const { link, target } = await sharedTarget(deps, c.req.param("token"));
      c.header("Cache-Control", "no-store");
      c.header("X-Robots-Tag", "noindex");
      return c.json({ ...(await resultsBody(deps, target, filter, { hideText: link.hide_text === 1 })), shared: { hideText: link.hide_text === 1 } });
    })
    .get("/public/results/:token/live", async (c) => {
      const { target } = await sharedTarget(deps, c.req.param("token"));
      return liveStream(c, deps, target.survey.id);
    });
}
