import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { Role } from "../auth/auth-repository.js";
import { hashToken, randomToken } from "../auth/secrets.js";

export type WorkspaceWithRole = { id: string; name: string; role: Role };
export type Member = { userId: string; email: string; name: string; role: Role; joinedAt: string };
export type Invite = { id: string; email: string; role: Role; createdAt: string; expiresAt: string };

export async function insertWorkspace(db: Kysely<Database>, w: { id: string; name: string; now: Date }) {
  await db.insertInto("workspaces").values({ id: w.id, name: w.name.trim(), created_at: w.now.toISOString() }).execute();
}

export async function addMembership(
  db: Kysely<Database>,
  m: { workspaceId: string; userId: string; role: Role; now: Date },
) {
  await db
    .insertInto("memberships")
    .values({ workspace_id: m.workspaceId, user_id: m.userId, role: m.role, created_at: m.now.toISOString() })
    .execute();
}

export async function listWorkspacesForUser(db: Kysely<Database>, userId: string): Promise<WorkspaceWithRole[]> {
  return db
    .selectFrom("memberships")
    .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
    .select(["workspaces.id", "workspaces.name", "memberships.role"])
    .where("memberships.user_id", "=", userId)
    .orderBy("workspaces.name")
    .orderBy("workspaces.id")
    .execute();
}

export async function findMembership(db: Kysely<Database>, workspaceId: string, userId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
    .select(["workspaces.id", "workspaces.name", "memberships.role"])
    .where("memberships.workspace_id", "=", workspaceId)
    .where("memberships.user_id", "=", userId)
    .executeTakeFirst();
}

export async function renameWorkspace(db: Kysely<Database>, workspaceId: string, name: string) {
  await db.updateTable("workspaces").set({ name: name.trim() }).where("id", "=", workspaceId).execute();
}

export async function listMembers(db: Kysely<Database>, workspaceId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.email", "users.name", "memberships.role", "memberships.created_at"])
    .where("memberships.workspace_id", "=", workspaceId)
    .orderBy("memberships.created_at")
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, role: r.role, joinedAt: r.created_at }));
}

export async function findMember(db: Kysely<Database>, workspaceId: string, userId: string): Promise<Member | undefined> {
  const members = await listMembers(db, workspaceId);
  return members.find((m) => m.userId === userId);
}

export async function setMemberRole(db: Kysely<Database>, workspaceId: string, userId: string, role: Role) {
  await db
    .updateTable("memberships")
    .set({ role })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .execute();
}

export async function removeMember(db: Kysely<Database>, workspaceId: string, userId: string) {
  await db.deleteFrom("memberships").where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
  await db
    .updateTable("sessions")
    .set({ workspace_id: null })
    .where("user_id", "=", userId)
    .where("workspace_id", "=", workspaceId)
    .execute();
  await db
    .updateTable("api_tokens")
    .set({ revoked_at: new Date().toISOString() })
    .where("user_id", "=", userId)
    .where("workspace_id", "=", workspaceId)
    .where("revoked_at", "is", null)
    .execute();
}

export async function countOwners(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------- invites

export async function createInvite(
  db: Kysely<Database>,
  i: { id: string; workspaceId: string; email: string; role: Role; createdBy: string; now: Date; days: number },
): Promise<{ invite: Invite; token: string }> {
  const token = randomToken();
  const expiresAt = new Date(i.now.getTime() + i.days * 86_400_000).toISOString();
  // One open invite per address and workspace: a new one replaces the old link.
  await db
    .deleteFrom("workspace_invites")
    .where("workspace_id", "=", i.workspaceId)
    .where("email", "=", i.email)
    .where("accepted_at", "is", null)
    .execute();
  await db
    .insertInto("workspace_invites")
    .values({
      id: i.id,
      workspace_id: i.workspaceId,
      email: i.email,
      role: i.role,
      token_hash: hashToken(token),
      created_by: i.createdBy,
      created_at: i.now.toISOString(),
      expires_at: expiresAt,
      accepted_at: null,
    })
    .execute();
  return { invite: { id: i.id, email: i.email, role: i.role, createdAt: i.now.toISOString(), expiresAt }, token };
}

export async function listOpenInvites(db: Kysely<Database>, workspaceId: string, now: Date): Promise<Invite[]> {
  const rows = await db
    .selectFrom("workspace_invites")
    .select(["id", "email", "role", "created_at", "expires_at"])
    .where("workspace_id", "=", workspaceId)
    .where("accepted_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, createdAt: r.created_at, expiresAt: r.expires_at }));
}

export async function deleteInvite(db: Kysely<Database>, workspaceId: string, inviteId: string): Promise<boolean> {
  const res = await db
    .deleteFrom("workspace_invites")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", inviteId)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

export async function findOpenInviteByToken(db: Kysely<Database>, token: string, now: Date) {
  return db
    .selectFrom("workspace_invites")
    .innerJoin("workspaces", "workspaces.id", "workspace_invites.workspace_id")
    .select([
      "workspace_invites.id",
      "workspace_invites.workspace_id as workspaceId",
      "workspace_invites.email",
      "workspace_invites.role",
      "workspaces.name as workspaceName",
    ])
    .where("workspace_invites.token_hash", "=", hashToken(token))
    .where("workspace_invites.accepted_at", "is", null)
    .where("workspace_invites.expires_at", ">", now.toISOString())
    .executeTakeFirst();
}

/** Mark accepted; false if someone else accepted it first. */
export async function markInviteAccepted(db: Kysely<Database>, inviteId: string, now: Date): Promise<boolean> {
  const res = await db
    .updateTable("workspace_invites")
    .set({ accepted_at: now.toISOString() })
    .where("id", "=", inviteId)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
