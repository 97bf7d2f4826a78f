/**
 * Who is calling: a browser session (HttpOnly cookie) or a personal API token
 * (`Authorization: Bearer sieve_…`). Both resolve to an Actor scoped to one
 * workspace: the session's current workspace, the token's workspace, or the one
 * named by the `X-Sieve-Workspace` header (if the user is a member).
 */
import type { Context, MiddlewareHandler } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Actor, AppDeps, AppEnv } from "../app-env.js";
import { AppError, forbidden, unauthenticated } from "../errors.js";
import {
  deleteSession,
  extendSession,
  findApiToken,
  findSession,
  instanceSecret,
  touchApiToken,
  userRowToUser,
  type Role,
} from "./auth-repository.js";
import { findMembership, listWorkspacesForUser } from "../workspaces/workspace-repository.js";
import { keyedHash } from "./secrets.js";
import { Lru } from "../lib/lru.js";
import { clearSessionCookie, readSessionCookie, requestOrigin, writeSessionCookie } from "./session-cookie.js";

const SLIDE_AFTER_MS = 60 * 60 * 1000;
const TOKEN_TOUCH_MS = 60 * 1000;

function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket; every such request shares one key.
    return "local";
  }
}

/** Sets `clientKey`: a keyed hash of the client address (no raw IP is kept anywhere). */
export function clientKeyMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  let secret: Promise<string> | null = null;
  // A busy survey sees the same few addresses over and over (a proxy, an office): hash each once.
  const keys = new Lru<string, string>(10_000);
  return async (c, next) => {
    secret ??= instanceSecret(deps.db).catch((e) => {
      secret = null;
      throw e;
    });
    const address = clientAddress(c, deps.config.trustProxy);
    let key = keys.get(address);
    if (key === undefined) keys.set(address, (key = keyedHash(await secret, address)));
    c.set("clientKey", key);
    await next();
  };
}

async function resolveWorkspace(deps: AppDeps, userId: string, requested: string | null | undefined) {
  if (requested) return (await findMembership(deps.db, requested, userId)) ?? null;
  const all = await listWorkspacesForUser(deps.db, userId);
  return all[0] ?? null;
}

export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("actor", null);
    const header = c.req.header("authorization");
    const headerWorkspace = c.req.header("x-sieve-workspace");
    const now = deps.clock.now();
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const row = match?.[1] ? await findApiToken(deps.db, match[1]) : undefined;
      if (!row) throw new AppError(401, "invalid_token", "The API token is missing, malformed or revoked");
      if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > TOKEN_TOUCH_MS) {
        await touchApiToken(deps.db, row.tokenId, now);
      }
      const workspace = await findMembership(deps.db, headerWorkspace ?? row.workspaceId, row.id);
      if (headerWorkspace && !workspace) throw new AppError(404, "not_found", "Workspace not found");
      c.set("actor", { user: userRowToUser(row), via: "token", sessionId: null, workspace: workspace ?? null });
      return next();
    }
    const token = readSessionCookie(c);
    if (token) {
      const row = await findSession(deps.db, token);
      if (row && Date.parse(row.expiresAt) > now.getTime()) {
        if (now.getTime() - Date.parse(row.lastSeenAt) > SLIDE_AFTER_MS) {
          const expiresAt = await extendSession(deps.db, row.sessionId, now, deps.config.sessionDays);
          writeSessionCookie(c, deps.config, token, expiresAt, now);
        }
        const workspace = await resolveWorkspace(deps, row.id, headerWorkspace ?? row.workspaceId);
        if (headerWorkspace && !workspace) throw new AppError(404, "not_found", "Workspace not found");
        c.set("actor", { user: userRowToUser(row), via: "session", sessionId: row.sessionId, workspace });
      } else {
        if (row) await deleteSession(deps.db, row.sessionId);
        clearSessionCookie(c, deps.config);
      }
    }
    return next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a state-changing request that could carry our cookie must come from our own
 * origin. Browsers send Sec-Fetch-Site (and Origin) on every such request; Hono's
 * `csrf()` only looks at form content types, so a cross-site JSON or text/plain POST
 * would slip through it. Bearer-token calls carry no ambient credential and pass.
 */
export function csrfGuard(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.header("authorization") !== undefined) return next();
    const site = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    const allowed =
      site !== undefined
        ? (site === "same-origin" || site === "none") && (origin === undefined || origin === requestOrigin(c, deps.config))
        : origin !== undefined && origin === requestOrigin(c, deps.config);
    if (!allowed) {
      throw new AppError(403, "csrf_rejected", "Cross-site request refused: send it from the Sieve app or use an API token");
    }
    return next();
  };
}

const rank: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

export function requireUser(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  if (!actor) throw unauthenticated();
  return actor;
}

/**
 * requireRole as middleware, placed before a body validator: a caller below the role gets 403
 * before their body is read, so a viewer cannot probe an editor's endpoint for validation details.
 */
export const allow =
  (min: Role): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    requireRole(c, min);
    await next();
  };

/** The caller's workspace, if their role there is at least `min`. */
export function requireRole(c: Context<AppEnv>, min: Role) {
  const actor = requireUser(c);
  if (!actor.workspace) throw new AppError(403, "no_workspace", "You are not a member of any workspace");
  if (rank[actor.workspace.role] < rank[min]) {
    throw forbidden(
      min === "owner" ? "Only workspace owners can do this" : "Viewers have read-only access to this workspace",
    );
  }
  return { actor, workspace: actor.workspace };
}
