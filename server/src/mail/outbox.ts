/**
 * Queueing an email: compose text + HTML with the footer, give it its own unsubscribe
 * token (random, stored hashed) and the List-Unsubscribe headers of RFC 2369/8058, and
 * store it for the worker. Everything a send needs is in the row, so nothing is lost on
 * restart and the outbox viewer shows exactly what goes out.
 */
import type { Kysely } from "kysely";
import type { Database, EmailKind } from "../db/database.js";
import type { IdGenerator } from "../ops/clock.js";
import { hashToken, randomToken } from "../auth/secrets.js";
import { composeEmail } from "./compose-email.js";
import { insertEmail } from "./outbox-repository.js";

export type QueueEmailInput = {
  workspaceId: string;
  kind: EmailKind;
  to: { address: string; name: string | null };
  replyTo: string | null;
  subject: string;
  body: string;
  /** Why the recipient gets this, shown above the unsubscribe link. */
  reason: string;
  /** Where links point (PUBLIC_URL or the request's origin). */
  origin: string;
  respondentId: string | null;
  invitationId: string | null;
  calendar: { method: "REQUEST" | "CANCEL"; content: string } | null;
  sendAfter: Date;
  /** Cancel rather than send from this moment on (a reminder once its interview has started). Default: never. */
  sendBefore?: Date | null;
  now: Date;
};

export async function queueEmail(db: Kysely<Database>, ids: IdGenerator, input: QueueEmailInput): Promise<string> {
  const id = ids.newId();
  const token = randomToken(24);
  const unsubscribeUrl = `${input.origin}/u/${token}`;
  const { text, html } = composeEmail({ subject: input.subject, body: input.body, reason: input.reason, unsubscribeUrl });
  await insertEmail(db, {
    id,
    workspaceId: input.workspaceId,
    kind: input.kind,
    to: input.to,
    replyTo: input.replyTo,
    // A subject is one header line.
    subject: input.subject.replace(/[\r\n]+/g, " ").trim(),
    text,
    html,
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    calendar: input.calendar ? { method: input.calendar.method, filename: input.calendar.method === "CANCEL" ? "cancel.ics" : "invite.ics", content: input.calendar.content } : null,
    respondentId: input.respondentId,
    invitationId: input.invitationId,
    unsubscribeTokenHash: hashToken(token),
    sendAfter: input.sendAfter,
    sendBefore: input.sendBefore ?? null,
    now: input.now,
  });
  return id;
}
