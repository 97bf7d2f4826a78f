/**
 * Privacy requests and settings: export one respondent's data as JSON, erase it, set how
 * long contact data is kept, and read the audit log of all of these.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../app-env.js";
import { notFound } from "../errors.js";
import { jsonBody, queryParams } from "../lib/validate.js";
import { allow, requireRole } from "../auth/auth-middleware.js";
import { writeTransaction } from "../db/transactions.js";
import { listAudit, recordAudit } from "./audit-repository.js";
import { eraseRespondent, exportRespondent, retentionDays, setRetentionDays } from "./privacy-repository.js";

export const PrivacySettingsSchema = z.object({
  /** Erase respondents' contact data this many days after it was collected; null keeps it until erased by hand. */
  contactRetentionDays: z.number().int().min(1).max(3650).nullable(),
});

export const AuditQuerySchema = z.object({
  respondent: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditEntrySchema = z.object({
  id: z.string(),
  action: z.string(),
  actorUserId: z.string().nullable(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export function privacyRoutes(deps: AppDeps) {
  const { db, clock, ids } = deps;
  return new Hono<AppEnv>()
    .get("/respondents/:id/export", async (c) => {
      const { workspace, actor } = requireRole(c, "editor");
      const data = await exportRespondent(db, workspace.id, c.req.param("id"));
      if (!data) throw notFound("Respondent");
      const now = clock.now();
      await recordAudit(db, { id: ids.newId(), workspaceId: workspace.id, actorUserId: actor.user.id, action: "respondent.export", subjectId: data.respondent.id, now });
      c.header("Content-Disposition", `attachment; filename="respondent-${data.respondent.id}.json"`);
      c.header("Cache-Control", "no-store");
      return c.json({ exportedAt: now.toISOString(), workspace: { id: workspace.id, name: workspace.name }, ...data });
    })
    .post("/respondents/:id/erase", async (c) => {
      const { workspace, actor } = requireRole(c, "editor");
      const now = clock.now();
      const summary = await writeTransaction(db, async (trx) => {
        const erased = await eraseRespondent(trx, workspace.id, c.req.param("id"), now);
        if (!erased) throw notFound("Respondent");
        await recordAudit(trx, { id: ids.newId(), workspaceId: workspace.id, actorUserId: actor.user.id, action: "respondent.erase", subjectId: c.req.param("id"), details: erased, now });
        return erased;
      });
      return c.json({ erased: { id: c.req.param("id"), erasedAt: now.toISOString(), ...summary } });
    })
    .get("/privacy", async (c) => {
      const { workspace } = requireRole(c, "viewer");
      return c.json({ contactRetentionDays: await retentionDays(db, workspace.id) });
    })
    .put("/privacy", allow("owner"), jsonBody(PrivacySettingsSchema), async (c) => {
      const { workspace, actor } = requireRole(c, "owner");
      const { contactRetentionDays } = c.req.valid("json");
      const now = clock.now();
      await writeTransaction(db, async (trx) => {
        const before = await retentionDays(trx, workspace.id);
        await setRetentionDays(trx, workspace.id, contactRetentionDays);
        await recordAudit(trx, {
          id: ids.newId(),
          workspaceId: workspace.id,
          actorUserId: actor.user.id,
          action: "workspace.retention",
          subjectId: null,
          details: { from: before, to: contactRetentionDays },
          now,
        });
      });
      return c.json({ contactRetentionDays });
    })
    .get("/privacy/audit", queryParams(AuditQuerySchema), async (c) => {
      const { workspace } = requireRole(c, "owner");
      const q = c.req.valid("query");
      return c.json({ entries: await listAudit(db, workspace.id, { subjectId: q.respondent, limit: q.limit }) });
    });
}
