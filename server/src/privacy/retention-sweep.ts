/**
 * Erases contact data past each workspace's retention period. main.ts runs it hourly next
 * to the mail worker; each erasure is its own transaction and its own audit entry.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { Clock, IdGenerator } from "../ops/clock.js";
import { writeTransaction } from "../db/transactions.js";
import { recordAudit } from "./audit-repository.js";
import { eraseRespondent, expiredRespondents } from "./privacy-repository.js";

export async function sweepExpiredContacts(deps: { db: Kysely<Database>; clock: Clock; ids: IdGenerator }, batch = 500): Promise<number> {
  const now = deps.clock.now();
  let erased = 0;
  for (const due of await expiredRespondents(deps.db, now, batch)) {
    await writeTransaction(deps.db, async (trx) => {
      const summary = await eraseRespondent(trx, due.workspaceId, due.respondentId, now);
      if (!summary) return;
      await recordAudit(trx, {
        id: deps.ids.newId(),
        workspaceId: due.workspaceId,
        actorUserId: null,
        action: "respondent.expire",
        subjectId: due.respondentId,
        details: { ...summary, retentionDays: due.days },
        now,
      });
      erased++;
    });
  }
  return erased;
}
