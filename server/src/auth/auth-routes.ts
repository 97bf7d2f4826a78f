import { Hono, type Context } from "hono";
import type { AppDeps, AppEnv } from "../app-env.js";
import { AppError, conflict, notFound } from "../errors.js";
import { jsonBody } from "../lib/validate.js";
import { writeTransaction } from "../db/transactions.js";
import {
  clearRateLimit,
  consumeSetupToken,
  countUsers,
  createApiToken,
  createSession,
  deleteSession,
  findUserByEmail,
  hitRateLimit,
  listApiTokens,
  normalizeEmail,
  peekRateLimit,
  revokeApiToken,
  setSessionWorkspace,
  userRowToUser,
  type User,
} from "./auth-repository.js";
import {
  CreateTokenBodySchema,
  LoginBodySchema,
  SetupBodySchema,
  SwitchWorkspaceBodySchema,
} from "./auth-schemas.js";
import { allow, requireRole, requireUser } from "./auth-middleware.js";
import { clearSessionCookie, writeSessionCookie } from "./session-cookie.js";
import { createAccountWithWorkspace } from "./create-account.js";
import { keyedHash } from "./secrets.js";
import { findMembership, listWorkspacesForUser } from "../workspaces/workspace-repository.js";

const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_CLIENT = 30;

export async function startSession(
  deps: AppDeps,
  c: Context<AppEnv>,
  userId: string,
  workspaceId: string | null,
  replacing: string | null,
) {
  // Rotate: a session id from before sign-in is never reused after it.
  if (replacing) await deleteSession(deps.db, replacing);
  const now = deps.clock.now();
  const { token, expiresAt } = await createSession(deps.db, { userId, workspaceId, now, days: deps.config.sessionDays });
  writeSessionCookie(c, deps.config, token, expiresAt, now);
}

async function meBody(deps: AppDeps, user: User, workspaceId: string | null) {
  const workspaces = await listWorkspacesForUser(deps.db, user.id);
  const workspace = workspaces.find((w) => w.id === workspaceId) ?? workspaces[0] ?? null;
  return { user, workspace, workspaces };
}

export function authRoutes(deps: AppDeps) {
  const { db, clock, ids, passwords } = deps;
  return new Hono<AppEnv>()
    .get("/setup", async (c) => c.json({ needed: (await countUsers(db)) === 0 }))
    .post("/setup", jsonBody(SetupBodySchema), async (c) => {
      const body = c.req.valid("json");
      if ((await countUsers(db)) > 0) throw conflict("setup_done", "Sieve is already set up; sign in instead");
      const passwordHash = await passwords.hash(body.password);
      const created = await writeTransaction(db, async (trx) => {
        if ((await countUsers(trx)) > 0) throw conflict("setup_done", "Sieve is already set up; sign in instead");
        if (!(await consumeSetupToken(trx, body.token))) {
          throw new AppError(403, "setup_token_invalid", "This setup link is not valid. Use the link printed in the server log.");
        }
        return createAccountWithWorkspace(trx, deps, {
          email: body.email,
          name: body.name,
          passwordHash,
          workspaceName: body.workspaceName,
        });
      });
      await startSession(deps, c, created.user.id, created.workspace.id, null);
      deps.logger.info("instance set up", { userId: created.user.id, workspaceId: created.workspace.id });
      return c.json(created, 201);
    })
    .post("/auth/login", jsonBody(LoginBodySchema), async (c) => {
      const { email, password } = c.req.valid("json");
      const now = clock.now();
      const accountKey = `login:account:${keyedHash("login", normalizeEmail(email))}`;
      const clientKey = `login:client:${c.get("clientKey")}`;
      const [accountFailures, clientFailures] = await Promise.all([
        peekRateLimit(db, accountKey, now, LOGIN_WINDOW_MS),
        peekRateLimit(db, clientKey, now, LOGIN_WINDOW_MS),
      ]);
      if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || clientFailures >= MAX_FAILURES_PER_CLIENT) {
        const retryAfterSeconds = Math.ceil((LOGIN_WINDOW_MS - (now.getTime() % LOGIN_WINDOW_MS)) / 1000);
        c.header("Retry-After", String(retryAfterSeconds));
        throw new AppError(429, "too_many_attempts", "Too many failed sign-ins. Try again later.", { retryAfterSeconds });
      }
      const row = await findUserByEmail(db, email);
      // Same work and the same answer whether or not the account exists.
      const ok = row ? await passwords.verify(password, row.password_hash) : (await passwords.verifyDummy(password), false);
      if (!row || !ok) {
        await hitRateLimit(db, accountKey, now, LOGIN_WINDOW_MS);
        await hitRateLimit(db, clientKey, now, LOGIN_WINDOW_MS);
        throw new AppError(401, "invalid_credentials", "Email or password is incorrect");
      }
      await clearRateLimit(db, accountKey);
      const workspaces = await listWorkspacesForUser(db, row.id);
      await startSession(deps, c, row.id, workspaces[0]?.id ?? null, c.get("actor")?.sessionId ?? null);
      return c.json({ user: userRowToUser(row) });
    })
    .post("/auth/logout", async (c) => {
      const actor = c.get("actor");
      if (actor?.sessionId) await deleteSession(db, actor.sessionId);
      clearSessionCookie(c, deps.config);
      return c.body(null, 204);
    })
    .get("/auth/me", async (c) => {
      const actor = requireUser(c);
      return c.json(await meBody(deps, actor.user, actor.workspace?.id ?? null));
    })
    .post("/auth/workspace", jsonBody(SwitchWorkspaceBodySchema), async (c) => {
      const actor = requireUser(c);
      const { workspaceId } = c.req.valid("json");
      const membership = await findMembership(db, workspaceId, actor.user.id);
      if (!membership) throw notFound("Workspace");
      if (actor.sessionId) await setSessionWorkspace(db, actor.sessionId, workspaceId);
      return c.json(await meBody(deps, actor.user, workspaceId));
    })
    .get("/tokens", async (c) => {
      const { actor, workspace } = requireRole(c, "viewer");
      return c.json({ tokens: await listApiTokens(db, actor.user.id, workspace.id) });
    })
    .post("/tokens", allow("viewer"), jsonBody(CreateTokenBodySchema), async (c) => {
      const { actor, workspace } = requireRole(c, "viewer");
      const { name } = c.req.valid("json");
      const created = await createApiToken(db, {
        id: ids.newId(),
        userId: actor.user.id,
        workspaceId: workspace.id,
        name,
        now: clock.now(),
      });
      return c.json(created, 201);
    })
    .delete("/tokens/:id", async (c) => {
      const actor = requireUser(c);
      if (!(await revokeApiToken(db, actor.user.id, c.req.param("id"), clock.now()))) throw notFound("Token");
      return c.body(null, 204);
    });
}
