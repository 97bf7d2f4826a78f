import type { Kysely } from "kysely";
import type { Database, UserRow } from "../db/database.js";
import { hashToken, randomToken } from "./secrets.js";

export type User = { id: string; email: string; name: string; createdAt: string };
export type Role = "owner" | "editor" | "viewer";

export function userRowToUser(row: Pick<UserRow, "id" | "email" | "name" | "created_at">): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.created_at };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", normalizeEmail(email)).executeTakeFirst();
}

export async function insertUser(
  db: Kysely<Database>,
  user: { id: string; email: string; name: string; passwordHash: string; now: Date },
): Promise<User> {
  const row = {
    id: user.id,
    email: normalizeEmail(user.email),
    name: user.name.trim(),
    password_hash: user.passwordHash,
    created_at: user.now.toISOString(),
  };
  await db.insertInto("users").values(row).execute();
  return userRowToUser(row);
}

export async function updatePasswordHash(db: Kysely<Database>, userId: string, passwordHash: string) {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}

// ---------------------------------------------------------------- setup token

const SETUP_KEY = "setup_token_hash";

/** Issue a fresh one-time setup token (replacing any earlier one); returns the raw token. */
export async function issueSetupToken(db: Kysely<Database>): Promise<string> {
  const token = randomToken();
  await db.deleteFrom("instance").where("key", "=", SETUP_KEY).execute();
  await db.insertInto("instance").values({ key: SETUP_KEY, value: hashToken(token) }).execute();
  return token;
}

/** Consume the setup token: true exactly once for the right token. */
export async function consumeSetupToken(db: Kysely<Database>, token: string): Promise<boolean> {
  const result = await db
    .deleteFrom("instance")
    .where("key", "=", SETUP_KEY)
    .where("value", "=", hashToken(token))
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** A stable per-instance secret for keyed hashes (created on first use). */
export async function instanceSecret(db: Kysely<Database>): Promise<string> {
  const existing = await db.selectFrom("instance").select("value").where("key", "=", "secret").executeTakeFirst();
  if (existing) return existing.value;
  await db
    .insertInto("instance")
    .values({ key: "secret", value: randomToken() })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db.selectFrom("instance").select("value").where("key", "=", "secret").executeTakeFirstOrThrow();
  return row.value;
}

// ---------------------------------------------------------------- sessions

export async function createSession(
  db: Kysely<Database>,
  s: { userId: string; workspaceId: string | null; now: Date; days: number },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(s.now.getTime() + s.days * 86_400_000);
  await db
    .insertInto("sessions")
    .values({
      id: hashToken(token),
      user_id: s.userId,
      workspace_id: s.workspaceId,
      created_at: s.now.toISOString(),
      last_seen_at: s.now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

export async function findSession(db: Kysely<Database>, token: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as sessionId",
      "sessions.workspace_id as workspaceId",
      "sessions.last_seen_at as lastSeenAt",
      "sessions.expires_at as expiresAt",
      "users.id",
      "users.email",
      "users.name",
      "users.created_at",
    ])
    .where("sessions.id", "=", hashToken(token))
    .executeTakeFirst();
}

export async function extendSession(db: Kysely<Database>, sessionId: string, now: Date, days: number) {
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  await db
    .updateTable("sessions")
    .set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .where("id", "=", sessionId)
    .execute();
  return expiresAt;
}

export async function setSessionWorkspace(db: Kysely<Database>, sessionId: string, workspaceId: string) {
  await db.updateTable("sessions").set({ workspace_id: workspaceId }).where("id", "=", sessionId).execute();
}

export async function deleteSession(db: Kysely<Database>, sessionId: string) {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date) {
  await db.deleteFrom("sessions").where("expires_at", "<", now.toISOString()).execute();
}

// ---------------------------------------------------------------- rate limits

/**
 * Fixed-window counter kept in the database, so every instance sees the same count.
 * Returns the count in the current window after this hit.
 */
export async function hitRateLimit(db: Kysely<Database>, key: string, now: Date, windowMs: number): Promise<number> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => ({
        count: eb
          .case()
          .when("rate_limits.window_start", "=", windowStart)
          .then(eb("rate_limits.count", "+", 1))
          .else(1)
          .end(),
        window_start: windowStart,
      })),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function peekRateLimit(db: Kysely<Database>, key: string, now: Date, windowMs: number): Promise<number> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();
  const row = await db.selectFrom("rate_limits").select(["count", "window_start"]).where("key", "=", key).executeTakeFirst();
  return row && row.window_start === windowStart ? Number(row.count) : 0;
}

export async function clearRateLimit(db: Kysely<Database>, key: string) {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}

// ---------------------------------------------------------------- API tokens

export type ApiToken = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

export async function createApiToken(
  db: Kysely<Database>,
  t: { id: string; userId: string; workspaceId: string; name: string; now: Date },
): Promise<{ token: ApiToken; secret: string }> {
  const secret = `sieve_${randomToken()}`;
  await db
    .insertInto("api_tokens")
    .values({
      id: t.id,
      user_id: t.userId,
      workspace_id: t.workspaceId,
      name: t.name,
      token_hash: hashToken(secret),
      created_at: t.now.toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { token: { id: t.id, name: t.name, createdAt: t.now.toISOString(), lastUsedAt: null }, secret };
}

export async function listApiTokens(db: Kysely<Database>, userId: string, workspaceId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom("api_tokens")
    .select(["id", "name", "created_at", "last_used_at"])
    .where("user_id", "=", userId)
    .where("workspace_id", "=", workspaceId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

export async function revokeApiToken(db: Kysely<Database>, userId: string, tokenId: string, now: Date): Promise<boolean> {
  const res = await db
    .updateTable("api_tokens")
    .set({ revoked_at: now.toISOString() })
    .where("id", "=", tokenId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function findApiToken(db: Kysely<Database>, secret: string) {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([
      "api_tokens.id as tokenId",
      "api_tokens.workspace_id as workspaceId",
      "api_tokens.last_used_at as lastUsedAt",
      "users.id",
      "users.email",
      "users.name",
      "users.created_at",
    ])
    .where("api_tokens.token_hash", "=", hashToken(secret))
    .where("api_tokens.revoked_at", "is", null)
    .executeTakeFirst();
}

export async function touchApiToken(db: Kysely<Database>, tokenId: string, now: Date) {
  await db.updateTable("api_tokens").set({ last_used_at: now.toISOString() }).where("id", "=", tokenId).execute();
}
