/**
 * The in-app outbox: every email Sieve queued, its delivery state and — for editors —
 * its full text and HTML. Without SMTP_URL this is where invitations are read and copied.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../app-env.js";
import { conflict, notFound } from "../errors.js";
import { queryParams } from "../lib/validate.js";
import { requireRole } from "../auth/auth-middleware.js";
import { emailRowToDetail, findEmail, listEmails, requeueEmail } from "./outbox-repository.js";

export const EMAIL_STATUSES = ["pending", "sending", "sent", "failed", "cancelled", "suppressed"] as const;
export const EMAIL_KINDS = ["invitation", "confirmation", "reminder", "cancellation", "researcher_notice"] as const;

export const OutboxQuerySchema = z.object({
  status: z.enum(EMAIL_STATUSES).optional(),
  kind: z.enum(EMAIL_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const EmailSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(EMAIL_KINDS),
  to: z.string(),
  toName: z.string().nullable(),
  subject: z.string(),
  status: z.enum(EMAIL_STATUSES),
  attempts: z.number().int(),
  sendAfter: z.string(),
  /** Null, or the moment from which the email is cancelled instead of sent (a reminder once its interview started). */
  sendBefore: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  respondentId: z.string().nullable(),
  invitationId: z.string().nullable(),
});

export const EmailDetailSchema = EmailSummarySchema.extend({
  replyTo: z.string().nullable(),
  text: z.string(),
  html: z.string(),
  headers: z.record(z.string(), z.string()),
  calendar: z.object({ method: z.enum(["REQUEST", "CANCEL"]), filename: z.string(), content: z.string() }).nullable(),
});

export function outboxRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  return new Hono<AppEnv>()
    .get("/outbox", queryParams(OutboxQuerySchema), async (c) => {
      const { workspace } = requireRole(c, "viewer");
      const q = c.req.valid("query");
      const { emails, total } = await listEmails(db, workspace.id, { status: q.status, kind: q.kind, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return c.json({ delivery: deps.mailer ? ("smtp" as const) : ("outbox_only" as const), total, emails });
    })
    .get("/outbox/:id", async (c) => {
      // Editors only: bodies carry live booking and unsubscribe links.
      const { workspace } = requireRole(c, "editor");
      const row = await findEmail(db, workspace.id, c.req.param("id"));
      if (!row) throw notFound("Email");
      return c.json({ email: emailRowToDetail(row) });
    })
    .post("/outbox/:id/retry", async (c) => {
      const { workspace } = requireRole(c, "editor");
      const row = await findEmail(db, workspace.id, c.req.param("id"));
      if (!row) throw notFound("Email");
      if (!(await requeueEmail(db, workspace.id, row.id, clock.now()))) {
        throw conflict("not_retryable", `Only failed emails can be sent again (this one is ${row.status})`);
      }
      return c.json({ email: emailRowToDetail((await findEmail(db, workspace.id, row.id))!) });
    });
}
