/**
 * The persistent email outbox. Rows are claimed for sending inside a write transaction —
 * `FOR UPDATE SKIP LOCKED` on Postgres, SQLite's write lock otherwise — and flipped to
 * `sending` with a lease before the transaction ends, so two workers (or two instances)
 * never send one email twice. A worker that dies mid-send leaves its rows to be reclaimed
 * when the lease lapses. An email whose `send_before` has passed by the time it is due (a
 * reminder held up past its interview's start) is cancelled by the claim, not sent.
 */
import { sql, type Kysely } from "kysely";
import type { Database, EmailKind, EmailRow, EmailStatus } from "../db/database.js";
import { isSqlite, writeTransaction } from "../db/transactions.js";

export type NewEmail = {
  id: string;
  workspaceId: string;
  kind: EmailKind;
  to: { address: string; name: string | null };
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  calendar: { method: "REQUEST" | "CANCEL"; filename: string; content: string } | null;
  respondentId: string | null;
  invitationId: string | null;
  unsubscribeTokenHash: string;
  sendAfter: Date;
  /** The moment after which the email is no longer worth sending; null when it never goes stale. */
  sendBefore?: Date | null;
  now: Date;
};

export async function insertEmail(db: Kysely<Database>, e: NewEmail) {
  await db
    .insertInto("emails")
    .values({
      id: e.id,
      workspace_id: e.workspaceId,
      kind: e.kind,
      to_address: e.to.address,
      to_name: e.to.name,
      reply_to: e.replyTo,
      subject: e.subject,
      text_body: e.text,
      html_body: e.html,
      headers: JSON.stringify(e.headers),
      calendar: e.calendar ? JSON.stringify(e.calendar) : null,
      respondent_id: e.respondentId,
      invitation_id: e.invitationId,
      unsubscribe_token_hash: e.unsubscribeTokenHash,
      status: "pending",
      attempts: 0,
      send_after: e.sendAfter.toISOString(),
      send_before: e.sendBefore?.toISOString() ?? null,
      next_attempt_at: e.sendAfter.toISOString(),
      locked_until: null,
      last_error: null,
      sent_at: null,
      created_at: e.now.toISOString(),
    })
    .execute();
}

export type EmailSummary = {
  id: string;
  kind: EmailKind;
  to: string;
  toName: string | null;
  subject: string;
  status: EmailStatus;
  attempts: number;
  sendAfter: string;
  sendBefore: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  respondentId: string | null;
  invitationId: string | null;
};

export type EmailDetail = EmailSummary & {
  replyTo: string | null;
  text: string;
  html: string;
  headers: Record<string, string>;
  calendar: { method: "REQUEST" | "CANCEL"; filename: string; content: string } | null;
};

export function emailRowToSummary(row: EmailRow): EmailSummary {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    toName: row.to_name,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    sendAfter: row.send_after,
    sendBefore: row.send_before,
    nextAttemptAt: row.status === "pending" ? row.next_attempt_at : null,
    lastError: row.last_error,
    sentAt: row.sent_at,
    createdAt: row.created_at,
    respondentId: row.respondent_id,
    invitationId: row.invitation_id,
  };
}

export function emailRowToDetail(row: EmailRow): EmailDetail {
  return {
    ...emailRowToSummary(row),
    replyTo: row.reply_to,
    text: row.text_body,
    html: row.html_body,
    headers: JSON.parse(row.headers) as Record<string, string>,
    calendar: row.calendar ? (JSON.parse(row.calendar) as EmailDetail["calendar"]) : null,
  };
}

export async function listEmails(
  db: Kysely<Database>,
  workspaceId: string,
  f: { status?: EmailStatus | undefined; kind?: EmailKind | undefined; limit: number; offset: number },
): Promise<{ emails: EmailSummary[]; total: number }> {
  let q = db.selectFrom("emails").where("workspace_id", "=", workspaceId);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.kind) q = q.where("kind", "=", f.kind);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy("created_at", "desc").orderBy("id", "desc").limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { emails: rows.map(emailRowToSummary), total: Number(count.n) };
}

export async function findEmail(db: Kysely<Database>, workspaceId: string, id: string) {
  return db.selectFrom("emails").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
}

/** A failed email back in the queue with a fresh attempt budget. */
export async function requeueEmail(db: Kysely<Database>, workspaceId: string, id: string, now: Date): Promise<boolean> {
  const res = await db
    .updateTable("emails")
    .set({ status: "pending", attempts: 0, next_attempt_at: now.toISOString(), last_error: null, locked_until: null })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Stops a scheduled email (a reminder for an interview that moved or was cancelled). */
export async function cancelPendingEmail(db: Kysely<Database>, id: string) {
  await db.updateTable("emails").set({ status: "cancelled", locked_until: null }).where("id", "=", id).where("status", "=", "pending").execute();
}

/** What the outbox shows for an email cancelled because it could no longer arrive in time. */
export const TOO_LATE_ERROR = "Not sent: its moment passed (the interview had started) before it could be delivered.";

/** Past its `send_before` at `at`: sending it now would tell the recipient something no longer true. */
const isTooLate = (row: EmailRow, at: string) => row.send_before !== null && row.send_before <= at;

/** Cancels the claimed rows that are too late to send, in the claim's transaction; returns the rest. */
async function cancelTooLate(trx: Kysely<Database>, rows: EmailRow[], at: string): Promise<EmailRow[]> {
  const late = rows.filter((r) => isTooLate(r, at)).map((r) => r.id);
  if (late.length > 0) {
    await trx.updateTable("emails").set({ status: "cancelled", last_error: TOO_LATE_ERROR, locked_until: null }).where("id", "in", late).execute();
  }
  return rows.filter((r) => !isTooLate(r, at));
}

/**
 * Claims up to `limit` due emails: pending and due, or `sending` with a lapsed lease.
 * Rows whose `send_before` has passed become `cancelled` (with the reason in last_error),
 * rows to unsubscribed, erased or suppressed addresses become `suppressed`; neither is returned.
 */
export async function claimDueEmails(db: Kysely<Database>, now: Date, o: { limit: number; leaseMs: number }): Promise<EmailRow[]> {
  const at = now.toISOString();
  return writeTransaction(db, async (trx) => {
    const due = trx
      .selectFrom("emails")
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", at)]),
          eb.and([eb("status", "=", "sending"), eb("locked_until", "<", at)]),
        ]),
      )
      .orderBy("next_attempt_at")
      .limit(o.limit);
    const rows = await (isSqlite(trx) ? due : due.forUpdate().skipLocked()).execute();
    const timely = await cancelTooLate(trx, rows, at);
    if (timely.length === 0) return [];
    const ids = timely.map((r) => r.id);
    const blocked = new Set(
      (
        await trx
          .selectFrom("emails as e")
          .select("e.id")
          .where("e.id", "in", ids)
          .where((eb) =>
            eb.or([
              eb.exists(
                eb
                  .selectFrom("respondents as p")
                  .select("p.id")
                  .whereRef("p.id", "=", "e.respondent_id")
                  .where((w) => w.or([w("p.unsubscribed_at", "is not", null), w("p.erased_at", "is not", null)])),
              ),
              eb.exists(
                eb
                  .selectFrom("mail_suppressions as s")
                  .select("s.address")
                  .whereRef("s.workspace_id", "=", "e.workspace_id")
                  .whereRef("s.address", "=", sql`lower(e.to_address)`),
              ),
            ]),
          )
          .execute()
      ).map((r) => r.id),
    );
    if (blocked.size > 0) {
      await trx.updateTable("emails").set({ status: "suppressed", locked_until: null }).where("id", "in", [...blocked]).execute();
    }
    const sendable = ids.filter((id) => !blocked.has(id));
    if (sendable.length === 0) return [];
    const lease = new Date(now.getTime() + o.leaseMs).toISOString();
    await trx
      .updateTable("emails")
      .set((eb) => ({ status: "sending", locked_until: lease, attempts: eb("attempts", "+", 1) }))
      .where("id", "in", sendable)
      .execute();
    return timely.filter((r) => !blocked.has(r.id)).map((r) => ({ ...r, status: "sending" as const, locked_until: lease, attempts: r.attempts + 1 }));
  });
}

export async function markSent(db: Kysely<Database>, id: string, at: Date) {
  await db
    .updateTable("emails")
    .set({ status: "sent", sent_at: at.toISOString(), locked_until: null, last_error: null })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .execute();
}

export async function markAttemptFailed(db: Kysely<Database>, id: string, o: { error: string; retryAt: Date | null }) {
  await db
    .updateTable("emails")
    .set(
      o.retryAt
        ? { status: "pending", next_attempt_at: o.retryAt.toISOString(), locked_until: null, last_error: o.error }
        : { status: "failed", locked_until: null, last_error: o.error },
    )
    .where("id", "=", id)
    .where("status", "=", "sending")
    .execute();
}

/** Who an unsubscribe token belongs to. */
export async function findByUnsubscribeToken(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom("emails")
    .select(["workspace_id", "to_address", "respondent_id"])
    .where("unsubscribe_token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** Stops all mail to `address` in the workspace, at once: future mail and anything still queued. */
export async function suppressAddress(db: Kysely<Database>, workspaceId: string, address: string, respondentId: string | null, now: Date): Promise<boolean> {
  const lower = address.toLowerCase();
  const inserted = await db
    .insertInto("mail_suppressions")
    .values({ workspace_id: workspaceId, address: lower, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(["workspace_id", "address"]).doNothing())
    .returning("address")
    .executeTakeFirst();
  if (respondentId) {
    await db.updateTable("respondents").set({ unsubscribed_at: now.toISOString() }).where("id", "=", respondentId).where("unsubscribed_at", "is", null).execute();
  }
  await db
    .updateTable("emails")
    .set({ status: "suppressed", locked_until: null })
    .where("workspace_id", "=", workspaceId)
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb(sql`lower(to_address)`, "=", lower), ...(respondentId ? [eb("respondent_id", "=", respondentId)] : [])]))
    .execute();
  return inserted !== undefined;
}

export async function isAddressSuppressed(db: Kysely<Database>, workspaceId: string, address: string): Promise<boolean> {
  const row = await db
    .selectFrom("mail_suppressions")
    .select("address")
    .where("workspace_id", "=", workspaceId)
    .where("address", "=", address.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}
