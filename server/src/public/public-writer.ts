/**
 * The public side's writes: saving responses, and counting page views and link clicks. On
 * SQLite `sieve serve` runs them on the save thread (save-thread.ts), the only writer of the
 * public traffic; elsewhere (Postgres, tests) they run in the request's thread.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { IdGenerator } from "../ops/clock.js";
import { writeTransaction } from "../db/transactions.js";
import { bumpFunnel } from "../funnel/funnel-repository.js";
import { createResponseSaver, type ResponseSaver } from "./response-saver.js";

/** A funnel step counted outside a save: a page view or a tracked-link click. */
export type FunnelCount = { surveyId: string; channelId: string | null; step: "views" | "clicks"; now: string };

export type PublicWriter = {
  save: ResponseSaver;
  count(count: FunnelCount): Promise<void>;
};

/** Counts join the write transactions of saves arriving with them, so they add to the same funnel rows once. */
export function countFunnel(db: Kysely<Database>, c: FunnelCount): Promise<void> {
  return writeTransaction(db, (trx) => bumpFunnel(trx, c.surveyId, c.channelId, c.step, new Date(c.now)));
}

export function createPublicWriter(deps: { db: Kysely<Database>; ids: IdGenerator }): PublicWriter {
  return { save: createResponseSaver(deps), count: (c) => countFunnel(deps.db, c) };
}
