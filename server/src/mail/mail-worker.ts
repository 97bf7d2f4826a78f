/**
 * Sends the outbox. Started only by main.ts (and driven step by step in tests through
 * `runOnce`). Each run claims due rows (see outbox-repository), sends them one by one and
 * records the outcome: sent; back to pending with exponential backoff; or failed for good
 * after `maxAttempts` tries or a permanent (5xx) SMTP reply.
 */
import type { Kysely } from "kysely";
import type { Database, EmailRow } from "../db/database.js";
import type { Clock } from "../ops/clock.js";
import type { Logger } from "../ops/logger.js";
import type { Mailer, OutgoingMail } from "./mailer.js";
import { isPermanentMailError } from "./mailer.js";
import { retryDelayMs } from "./backoff.js";
import { claimDueEmails, markAttemptFailed, markSent } from "./outbox-repository.js";

export type MailWorkerDeps = { db: Kysely<Database>; mailer: Mailer; clock: Clock; logger: Logger; maxAttempts: number };
export type MailRunSummary = { sent: number; retrying: number; failed: number };

/** Longer than the transport's own timeouts, so a live send is never reclaimed by another worker. */
const LEASE_MS = 5 * 60_000;
const BATCH = 20;

function toOutgoing(row: EmailRow, from: string): OutgoingMail {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "sieve.invalid";
  return {
    messageId: `<${row.id}@${domain}>`,
    from,
    to: { address: row.to_address, name: row.to_name },
    replyTo: row.reply_to,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    headers: JSON.parse(row.headers) as Record<string, string>,
    calendar: row.calendar ? (JSON.parse(row.calendar) as OutgoingMail["calendar"]) : null,
  };
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

export function createMailWorker(deps: MailWorkerDeps) {
  const { db, mailer, clock, logger, maxAttempts } = deps;
  let running: Promise<MailRunSummary> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  async function run(): Promise<MailRunSummary> {
    const summary: MailRunSummary = { sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      const claimed = await claimDueEmails(db, clock.now(), { limit: BATCH, leaseMs: LEASE_MS });
      for (const row of claimed) {
        try {
          await mailer.send(toOutgoing(row, mailer.from));
          await markSent(db, row.id, clock.now());
          summary.sent++;
        } catch (error) {
          const permanent = isPermanentMailError(error);
          const retry = !permanent && row.attempts < maxAttempts;
          const retryAt = retry ? new Date(clock.now().getTime() + retryDelayMs(row.attempts)) : null;
          await markAttemptFailed(db, row.id, { error: describe(error), retryAt });
          if (retry) summary.retrying++;
          else summary.failed++;
          logger.warn("email delivery failed", { emailId: row.id, attempt: row.attempts, permanent, retryAt: retryAt?.toISOString() ?? null, error: describe(error) });
        }
      }
      if (claimed.length < BATCH) return summary;
    }
  }

  return {
    /** One pass over everything due now. Concurrent calls share the pass in flight. */
    runOnce(): Promise<MailRunSummary> {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
    start(intervalMs: number) {
      if (timer) return;
      const tick = () =>
        void this.runOnce().catch((error: unknown) => logger.error("mail worker run failed", { error: describe(error) }));
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}

export type MailWorker = ReturnType<typeof createMailWorker>;
