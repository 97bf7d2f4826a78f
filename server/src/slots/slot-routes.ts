/**
 * Interview slots a researcher offers: one at a time or a weekly pattern over a date range,
 * in an IANA time zone, with a location and/or meeting link; scoped to one survey or the
 * whole workspace. Listing shows which are free and who booked the rest.
 */
import { Hono } from "hono";
import { z } from "zod";
import { expandWeeklyPattern, singleSlot, type Result, type SlotTime } from "@sieve/core";
import type { AppDeps, AppEnv } from "../app-env.js";
import { AppError, conflict, notFound } from "../errors.js";
import { jsonBody, queryParams } from "../lib/validate.js";
import { allow, requireRole } from "../auth/auth-middleware.js";
import { findSurvey } from "../surveys/survey-repository.js";
import { writeTransaction } from "../db/transactions.js";
import { deleteFreeSlot, existingStarts, findSlot, findSlotsByIds, insertSlots, listSlots } from "./slot-repository.js";

const HttpUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), "Use an http(s) link");

const Common = {
  surveyId: z.string().min(1).max(100).nullable().default(null),
  timeZone: z.string().trim().min(1).max(100),
  durationMinutes: z.number().int(),
  location: z.string().trim().max(300).default(""),
  meetingUrl: HttpUrl.nullable().default(null),
};

export const CreateSlotsBodySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("single"), date: z.string(), time: z.string(), ...Common }),
  z.object({
    kind: z.literal("weekly"),
    from: z.string(),
    to: z.string(),
    weekdays: z.array(z.number().int()).min(1).max(7),
    startTime: z.string(),
    endTime: z.string(),
    bufferMinutes: z.number().int().default(0),
    ...Common,
  }),
]);

export const SlotsQuerySchema = z.object({
  survey: z.string().min(1).max(100).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  state: z.enum(["free", "booked", "all"]).default("all"),
});

export const SlotSchema = z.object({
  id: z.string(),
  surveyId: z.string().nullable(),
  seriesId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  location: z.string(),
  meetingUrl: z.string().nullable(),
  booking: z
    .object({ invitationId: z.string(), bookedAt: z.string().nullable(), status: z.string(), respondent: z.object({ id: z.string(), email: z.string().nullable(), name: z.string().nullable() }) })
    .nullable(),
  createdAt: z.string(),
});

export function slotRoutes(deps: AppDeps) {
  const { db, clock, ids } = deps;
  return new Hono<AppEnv>()
    .get("/slots", queryParams(SlotsQuerySchema), async (c) => {
      const { workspace } = requireRole(c, "viewer");
      const q = c.req.valid("query");
      const iso = (s: string | undefined) => (s ? new Date(s).toISOString() : undefined);
      return c.json({ slots: await listSlots(db, workspace.id, { surveyId: q.survey, from: iso(q.from), to: iso(q.to), state: q.state }) });
    })
    .post("/slots", allow("editor"), jsonBody(CreateSlotsBodySchema), async (c) => {
      const { workspace, actor } = requireRole(c, "editor");
      const body = c.req.valid("json");
      if (body.surveyId !== null && !(await findSurvey(db, workspace.id, body.surveyId))) throw notFound("Survey");
      const times: Result<SlotTime | SlotTime[]> =
        body.kind === "single"
          ? singleSlot({ date: body.date, time: body.time, durationMinutes: body.durationMinutes, timeZone: body.timeZone })
          : expandWeeklyPattern({ ...body });
      if (!times.ok) throw new AppError(400, "invalid_slots", times.issues[0]!.message, { issues: times.issues });
      const now = clock.now();
      const wanted = (Array.isArray(times.value) ? times.value : [times.value]).filter((t) => t.start.getTime() > now.getTime());
      if (wanted.length === 0) throw new AppError(400, "invalid_slots", "Every slot would be in the past", { issues: [{ path: [], code: "in_the_past", message: "Every slot would be in the past" }] });
      const seriesId = body.kind === "weekly" ? ids.newId() : null;
      const created = await writeTransaction(db, async (trx) => {
        const taken = await existingStarts(trx, workspace.id, body.surveyId, wanted.map((t) => t.start.toISOString()));
        const rows = wanted
          .filter((t) => !taken.has(t.start.toISOString()))
          .map((t) => ({
            id: ids.newId(),
            workspaceId: workspace.id,
            surveyId: body.surveyId,
            seriesId,
            start: t.start,
            end: t.end,
            timeZone: body.timeZone,
            location: body.location,
            meetingUrl: body.meetingUrl,
            createdBy: actor.user.id,
            now,
          }));
        await insertSlots(trx, rows);
        return rows.map((r) => r.id);
      });
      return c.json({ slots: await findSlotsByIds(db, workspace.id, created), skipped: wanted.length - created.length }, 201);
    })
    .delete("/slots/:id", async (c) => {
      const { workspace } = requireRole(c, "editor");
      const slot = await findSlot(db, workspace.id, c.req.param("id"));
      if (!slot) throw notFound("Slot");
      if (!(await deleteFreeSlot(db, workspace.id, slot.id))) throw conflict("slot_booked", "This slot is booked; cancel the interview first");
      return c.body(null, 204);
    });
}
