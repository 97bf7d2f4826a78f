/**
 * Inviting respondents to interviews: pick respondents, write a message with merge fields
 * (previewable), send. Each invitation gets its own booking link (a random token stored
 * only hashed; the link is returned once, for copying when email is not set up). Nobody
 * unsubscribed, erased or flagged is invited — flagged only with `overrideFlags`.
 * Then the pipeline: outcomes, notes, incentives and their CSV export. Booking offered on the
 * qualified end screen (booking-offer-routes.ts) makes invitations too, so it is mounted here.
 */
import { Hono } from "hono";
import { z } from "zod";
import {
  CSV_BOM,
  DEFAULT_INVITATION_TEMPLATE,
  INTERVIEW_STATUSES,
  MERGE_FIELDS,
  canResearcherMove,
  csvRow,
  firstNameOf,
  renderMergeFields,
  validateInvitationTemplate,
  type InvitationTemplate,
  type MergeValues,
} from "@sieve/core";
import type { AppDeps, AppEnv } from "../app-env.js";
import { AppError, conflict, notFound } from "../errors.js";
import { jsonBody, queryParams } from "../lib/validate.js";
import { allow, requireRole } from "../auth/auth-middleware.js";
import { requestOrigin } from "../auth/session-cookie.js";
import { hashToken, randomToken } from "../auth/secrets.js";
import { writeTransaction } from "../db/transactions.js";
import { findSurvey } from "../surveys/survey-repository.js";
import { findRespondent, findRespondentsByIds } from "../respondents/respondent-repository.js";
import { composeEmail } from "../mail/compose-email.js";
import { queueEmail } from "../mail/outbox.js";
import { releaseSlotOf } from "../slots/slot-repository.js";
import { queueCancelledEmails } from "../bookings/interview-mail.js";
import {
  findInvitation,
  flaggedRespondentIds,
  incentiveRows,
  insertInvitation,
  invitedRespondentIds,
  listInvitations,
  lockInvitation,
  suppressedAddresses,
  updateInvitation,
  type Invitation,
  type LoadedInvitation,
} from "./invitation-repository.js";
import { bookingOfferRoutes } from "./booking-offer-routes.js";

const Subject = z.string().trim().min(1).max(200).regex(/^[^\r\n]*$/, "A subject is one line");
const Body = z.string().trim().min(1).max(20_000);

export const PreviewInvitationBodySchema = z.object({
  subject: Subject.optional(),
  body: Body.optional(),
  respondentId: z.string().min(1).max(100).optional(),
});

export const CreateInvitationsBodySchema = z.object({
  respondentIds: z.array(z.string().min(1).max(100)).min(1).max(500),
  subject: Subject.optional(),
  body: Body.optional(),
  /** Invite respondents whose responses were flagged (never unsubscribed or erased ones). */
  overrideFlags: z.boolean().default(false),
  /** false: create the links only (copy them by hand), queue no email. */
  send: z.boolean().default(true),
});

const Money = z
  .number()
  .min(0)
  .max(1_000_000)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, "At most two decimals");

export const PatchInvitationBodySchema = z
  .object({
    status: z.enum(INTERVIEW_STATUSES).optional(),
    notes: z.string().max(20_000).optional(),
    incentive: z.object({ amount: Money, currency: z.string().regex(/^[A-Z]{3}$/, "An ISO 4217 code such as USD") }).nullable().optional(),
    incentivePaid: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Nothing to change" });

export const InvitationsQuerySchema = z.object({ status: z.enum(INTERVIEW_STATUSES).optional() });

export const InvitationSchema = z.object({
  id: z.string(),
  surveyId: z.string(),
  surveyTitle: z.string(),
  respondent: z.object({ id: z.string(), email: z.string().nullable(), name: z.string().nullable() }),
  status: z.enum(INTERVIEW_STATUSES),
  notes: z.string(),
  incentive: z.object({ amount: z.number(), currency: z.string(), paidAt: z.string().nullable() }).nullable(),
  slot: z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), timeZone: z.string(), location: z.string(), meetingUrl: z.string().nullable() }).nullable(),
  sequence: z.number().int(),
  createdBy: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  bookedAt: z.string().nullable(),
});

export const SKIP_REASONS = ["not_found", "erased", "no_email", "unsubscribed", "flagged", "already_invited"] as const;

const publicInvitation = (i: LoadedInvitation): Invitation => {
  const { workspaceId: _w, reminderEmailId: _r, ...rest } = i;
  return rest;
};

function templateOrThrow(subject: string | undefined, body: string | undefined): InvitationTemplate {
  const checked = validateInvitationTemplate({ subject: subject ?? DEFAULT_INVITATION_TEMPLATE.subject, body: body ?? DEFAULT_INVITATION_TEMPLATE.body });
  if (!checked.ok) throw new AppError(400, "invalid_template", checked.issues[0]!.message, { issues: checked.issues, fields: MERGE_FIELDS });
  return checked.value;
}

const invitationReason = (workspaceName: string) => `You get this because you shared your email with ${workspaceName} in a research survey.`;

export function invitationRoutes(deps: AppDeps) {
  const { db, clock, ids } = deps;

  const surveyOf = async (workspaceId: string, id: string) => {
    const s = await findSurvey(db, workspaceId, id);
    if (!s) throw notFound("Survey");
    return s;
  };

  const render = (t: InvitationTemplate, values: MergeValues) => ({ subject: renderMergeFields(t.subject, values), body: renderMergeFields(t.body, values) });

  return new Hono<AppEnv>()
    .route("/", bookingOfferRoutes(deps))
    .get("/surveys/:id/invitations", queryParams(InvitationsQuerySchema), async (c) => {
      const { workspace } = requireRole(c, "viewer");
      const survey = await surveyOf(workspace.id, c.req.param("id"));
      const list = await listInvitations(db, workspace.id, survey.id, c.req.valid("query").status);
      const counts = Object.fromEntries(INTERVIEW_STATUSES.map((s) => [s, list.filter((i) => i.status === s).length]));
      return c.json({ counts, invitations: list.map(publicInvitation) });
    })
    .post("/surveys/:id/invitations/preview", allow("editor"), jsonBody(PreviewInvitationBodySchema), async (c) => {
      const { workspace, actor } = requireRole(c, "editor");
      const survey = await surveyOf(workspace.id, c.req.param("id"));
      const input = c.req.valid("json");
      const template = templateOrThrow(input.subject, input.body);
      let name: string | null = null;
      if (input.respondentId) {
        const p = await findRespondent(db, workspace.id, input.respondentId);
        if (!p || p.erasedAt) throw notFound("Respondent");
        name = p.name;
      }
      const origin = requestOrigin(c, deps.config);
      const filled = render(template, {
        first_name: firstNameOf(name),
        survey_title: survey.title,
        booking_link: `${origin}/b/preview`,
        researcher_name: actor.user.name,
      });
      const composed = composeEmail({ subject: filled.subject, body: filled.body, reason: invitationReason(workspace.name), unsubscribeUrl: `${origin}/u/preview` });
      return c.json({ subject: filled.subject, text: composed.text, html: composed.html, fields: [...MERGE_FIELDS] });
    })
    .post("/surveys/:id/invitations", allow("editor"), jsonBody(CreateInvitationsBodySchema), async (c) => {
      const { workspace, actor } = requireRole(c, "editor");
      const survey = await surveyOf(workspace.id, c.req.param("id"));
      const input = c.req.valid("json");
      const template = templateOrThrow(input.subject, input.body);
      const origin = requestOrigin(c, deps.config);
      const now = clock.now();
      const wanted = [...new Set(input.respondentIds)];

      const result = await writeTransaction(db, async (trx) => {
        const found = new Map((await findRespondentsByIds(trx, workspace.id, wanted)).map((p) => [p.id, p]));
        const flagged = await flaggedRespondentIds(trx, wanted);
        const invited = await invitedRespondentIds(trx, survey.id, wanted);
        const suppressed = await suppressedAddresses(trx, workspace.id, [...found.values()].flatMap((p) => (p.email ? [p.email] : [])));
        const skipped: { respondentId: string; reason: (typeof SKIP_REASONS)[number] }[] = [];
        const created: { id: string; respondentId: string; email: string; link: string; emailId: string | null }[] = [];
        for (const respondentId of wanted) {
          const p = found.get(respondentId);
          const reason = !p
            ? "not_found"
            : p.erasedAt
              ? "erased"
              : !p.email
                ? "no_email"
                : p.unsubscribedAt || suppressed.has(p.email.toLowerCase())
                  ? "unsubscribed"
                  : flagged.has(respondentId) && !input.overrideFlags
                    ? "flagged"
                    : invited.has(respondentId)
                      ? "already_invited"
                      : null;
          if (reason || !p?.email) {
            skipped.push({ respondentId, reason: reason ?? "no_email" });
            continue;
          }
          const id = ids.newId();
          const token = randomToken(32);
          if (!(await insertInvitation(trx, { id, workspaceId: workspace.id, surveyId: survey.id, respondentId, tokenHash: hashToken(token), createdBy: actor.user.id, now }))) {
            skipped.push({ respondentId, reason: "already_invited" });
            continue;
          }
          const link = `${origin}/b/${token}`;
          let emailId: string | null = null;
          if (input.send) {
            const filled = render(template, { first_name: firstNameOf(p.name), survey_title: survey.title, booking_link: link, researcher_name: actor.user.name });
            emailId = await queueEmail(trx, ids, {
              workspaceId: workspace.id,
              kind: "invitation",
              to: { address: p.email, name: p.name },
              replyTo: actor.user.email,
              subject: filled.subject,
              body: filled.body,
              reason: invitationReason(workspace.name),
              origin,
              respondentId,
              invitationId: id,
              calendar: null,
              sendAfter: now,
              now,
            });
          }
          created.push({ id, respondentId, email: p.email, link, emailId });
        }
        return { created, skipped };
      });
      if (result.created.length === 0) {
        throw conflict("nobody_invited", "None of these respondents can be invited", { skipped: result.skipped });
      }
      return c.json({ invitations: result.created, skipped: result.skipped, emailed: input.send }, 201);
    })
    .patch("/invitations/:id", allow("editor"), jsonBody(PatchInvitationBodySchema), async (c) => {
      const { workspace } = requireRole(c, "editor");
      const body = c.req.valid("json");
      const invitation = await findInvitation(db, workspace.id, c.req.param("id"));
      if (!invitation) throw notFound("Invitation");
      const now = clock.now();
      const origin = requestOrigin(c, deps.config);
      await writeTransaction(db, async (trx) => {
        const row = await lockInvitation(trx, invitation.id);
        if (!row) throw notFound("Invitation");
        const set: Parameters<typeof updateInvitation>[2] = { updated_at: now.toISOString() };
        if (body.status !== undefined && body.status !== row.status) {
          if (!canResearcherMove(row.status, body.status)) {
            throw conflict("invalid_transition", `An interview cannot go from ${row.status} to ${body.status}`, { from: row.status, to: body.status });
          }
          set.status = body.status;
          if (row.status === "booked" && (body.status === "cancelled" || body.status === "declined")) {
            const old = await releaseSlotOf(trx, row.id);
            if (old && Date.parse(old.ends_at) > now.getTime() && invitation.respondent.email) {
              await queueCancelledEmails(
                trx,
                ids,
                { invitation: { ...invitation, reminderEmailId: row.reminder_email_id }, workspaceName: workspace.name, origin, bookingUrl: null, now },
                old,
                { sequence: row.sequence, by: "researcher" },
              );
              set.sequence = row.sequence + 1;
            }
            set.reminder_email_id = null;
          }
          if (body.status === "invited") await releaseSlotOf(trx, row.id);
        }
        if (body.notes !== undefined) set.notes = body.notes;
        if (body.incentive !== undefined) {
          set.incentive_cents = body.incentive ? Math.round(body.incentive.amount * 100) : null;
          set.incentive_currency = body.incentive?.currency ?? null;
          if (!body.incentive) set.incentive_paid_at = null;
        }
        if (body.incentivePaid !== undefined) {
          const hasIncentive = body.incentive !== undefined ? body.incentive !== null : row.incentive_cents !== null;
          if (body.incentivePaid && !hasIncentive) throw conflict("no_incentive", "Set an incentive amount before marking it paid");
          set.incentive_paid_at = body.incentivePaid ? (row.incentive_paid_at ?? now.toISOString()) : null;
        }
        await updateInvitation(trx, row.id, set);
      });
      return c.json({ invitation: publicInvitation((await findInvitation(db, workspace.id, invitation.id))!) });
    })
    .get("/surveys/:id/incentives.csv", async (c) => {
      const { workspace } = requireRole(c, "editor");
      const survey = await surveyOf(workspace.id, c.req.param("id"));
      const rows = await incentiveRows(db, workspace.id, survey.id);
      const lines = [
        csvRow(["Email", "Name", "Survey", "Status", "Interview start (UTC)", "Amount", "Currency", "Paid", "Paid at"]),
        ...rows.map((i) =>
          csvRow([
            i.respondent.email ?? "(erased)",
            i.respondent.name,
            i.surveyTitle,
            i.status,
            i.slot?.startsAt ?? null,
            i.incentive ? i.incentive.amount.toFixed(2) : null,
            i.incentive?.currency ?? null,
            i.incentive?.paidAt ? "yes" : "no",
            i.incentive?.paidAt ?? null,
          ]),
        ),
      ];
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="incentives-${survey.slug}.csv"`);
      c.header("Cache-Control", "no-store");
      return c.body(CSV_BOM + lines.join(""));
    });
}
