import { Hono, type Context } from "hono";
import { z } from "zod";
import { ChannelKindSchema } from "@sieve/core";
import type { AppDeps, AppEnv } from "../app-env.js";
import { conflict, notFound } from "../errors.js";
import { jsonBody } from "../lib/validate.js";
import { randomCode } from "../lib/slug.js";
import { allow, requireRole } from "../auth/auth-middleware.js";
import { requestOrigin } from "../auth/session-cookie.js";
import { findSurvey } from "../surveys/survey-repository.js";
import {
  codeExists,
  deleteChannel,
  findChannel,
  insertChannel,
  listChannels,
  updateChannel,
  type Channel,
} from "./channel-repository.js";

export const ChannelCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$/, "Use 3–32 lowercase letters, digits and dashes");

export const CreateChannelBodySchema = z.object({
  name: z.string().trim().min(1).max(80),
  kind: ChannelKindSchema,
  code: ChannelCodeSchema.optional(),
});

export const PatchChannelBodySchema = z
  .object({ name: z.string().trim().min(1).max(80).optional(), kind: ChannelKindSchema.optional(), code: ChannelCodeSchema.optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Nothing to change" });

export const ChannelSchema = z.object({
  id: z.string(),
  surveyId: z.string(),
  name: z.string(),
  kind: ChannelKindSchema,
  code: z.string(),
  url: z.string(),
  createdAt: z.string(),
});

export function channelRoutes(deps: AppDeps) {
  const { db, clock, ids } = deps;
  const withUrl = (c: Context<AppEnv>, channel: Channel) => ({ ...channel, url: `${requestOrigin(c, deps.config)}/c/${channel.code}` });
  const survey = async (workspaceId: string, id: string) => {
    const s = await findSurvey(db, workspaceId, id);
    if (!s) throw notFound("Survey");
    return s;
  };
  const takenCode = () => conflict("code_taken", "That short code is already used by another link");

  return new Hono<AppEnv>()
    .get("/surveys/:id/channels", async (c) => {
      const { workspace } = requireRole(c, "viewer");
      const s = await survey(workspace.id, c.req.param("id"));
      return c.json({ channels: (await listChannels(db, workspace.id, s.id)).map((ch) => withUrl(c, ch)) });
    })
    .post("/surveys/:id/channels", allow("editor"), jsonBody(CreateChannelBodySchema), async (c) => {
      const { workspace } = requireRole(c, "editor");
      const s = await survey(workspace.id, c.req.param("id"));
      const body = c.req.valid("json");
      let code = body.code;
      if (code !== undefined && (await codeExists(db, code))) throw takenCode();
      while (code === undefined || (body.code === undefined && (await codeExists(db, code)))) code = randomCode(7);
      const id = ids.newId();
      try {
        await insertChannel(db, { id, workspaceId: workspace.id, surveyId: s.id, name: body.name, kind: body.kind, code, now: clock.now() });
      } catch (error) {
        if (await codeExists(db, code)) throw takenCode();
        throw error;
      }
      const created = await findChannel(db, workspace.id, s.id, id);
      return c.json({ channel: withUrl(c, created!) }, 201);
    })
    .patch("/surveys/:id/channels/:channelId", allow("editor"), jsonBody(PatchChannelBodySchema), async (c) => {
      const { workspace } = requireRole(c, "editor");
      const s = await survey(workspace.id, c.req.param("id"));
      const channel = await findChannel(db, workspace.id, s.id, c.req.param("channelId"));
      if (!channel) throw notFound("Channel");
      const body = c.req.valid("json");
      if (body.code !== undefined && body.code !== channel.code && (await codeExists(db, body.code))) throw takenCode();
      try {
        await updateChannel(db, workspace.id, channel.id, body);
      } catch (error) {
        if (body.code !== undefined && (await codeExists(db, body.code))) throw takenCode();
        throw error;
      }
      return c.json({ channel: withUrl(c, (await findChannel(db, workspace.id, s.id, channel.id))!) });
    })
    .delete("/surveys/:id/channels/:channelId", async (c) => {
      const { workspace } = requireRole(c, "editor");
      const s = await survey(workspace.id, c.req.param("id"));
      if (!(await deleteChannel(db, workspace.id, s.id, c.req.param("channelId")))) throw notFound("Channel");
      return c.body(null, 204);
    });
}
