/** An append-only record of privacy-relevant actions: exports, erasures, expiries, unsubscribes, retention changes. */
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";

export type AuditAction =
  | "respondent.export"
  | "respondent.erase"
  | "respondent.expire"
  | "respondent.unsubscribe"
  | "workspace.retention";

export type AuditEntry = {
  id: string;
  action: AuditAction;
  actorUserId: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  createdAt: string;
};

export async function recordAudit(
  db: Kysely<Database>,
  e: { id: string; workspaceId: string; actorUserId: string | null; action: AuditAction; subjectId: string | null; details?: Record<string, unknown>; now: Date },
) {
  await db
    .insertInto("audit_log")
    .values({
      id: e.id,
      workspace_id: e.workspaceId,
      actor_user_id: e.actorUserId,
      action: e.action,
      subject_id: e.subjectId,
      details: JSON.stringify(e.details ?? {}),
      created_at: e.now.toISOString(),
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, workspaceId: string, o: { subjectId?: string | undefined; limit: number }): Promise<AuditEntry[]> {
  let q = db.selectFrom("audit_log").selectAll().where("workspace_id", "=", workspaceId);
  if (o.subjectId) q = q.where("subject_id", "=", o.subjectId);
  const rows = await q.orderBy("created_at", "desc").orderBy("id", "desc").limit(o.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action as AuditAction,
    actorUserId: r.actor_user_id,
    subjectId: r.subject_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
    createdAt: r.created_at,
  }));
}
