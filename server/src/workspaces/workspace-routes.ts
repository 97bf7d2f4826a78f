import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../app-env.js";
import { AppError, conflict, notFound } from "../errors.js";
import { jsonBody } from "../lib/validate.js";
import { writeTransaction } from "../db/transactions.js";
import { EmailSchema, NameSchema, PasswordSchema, RoleSchema } from "../auth/auth-schemas.js";
import { allow, requireRole, requireUser } from "../auth/auth-middleware.js";
import { findUserByEmail, insertUser, setSessionWorkspace } from "../auth/auth-repository.js";
import { startSession } from "../auth/auth-routes.js";
import { requestOrigin } from "../auth/session-cookie.js";
import {
  addMembership,
  countOwners,
  createInvite,
  deleteInvite,
  findMember,
  findMembership,
  findOpenInviteByToken,
  insertWorkspace,
  listMembers,
  listOpenInvites,
  markInviteAccepted,
  removeMember,
  renameWorkspace,
  setMemberRole,
} from "./workspace-repository.js";

export const CreateWorkspaceBodySchema = z.object({ name: NameSchema });
export const AddMemberBodySchema = z.object({ email: EmailSchema, role: RoleSchema });
export const SetRoleBodySchema = z.object({ role: RoleSchema });
export const AcceptInviteBodySchema = z.object({ name: NameSchema, password: PasswordSchema });

const INVITE_DAYS = 7;

export function workspaceRoutes(deps: AppDeps) {
  const { db, clock, ids } = deps;
  return new Hono<AppEnv>()
    .post("/workspaces", jsonBody(CreateWorkspaceBodySchema), async (c) => {
      const actor = requireUser(c);
      const { name } = c.req.valid("json");
      const now = clock.now();
      const id = ids.newId();
      await writeTransaction(db, async (trx) => {
        await insertWorkspace(trx, { id, name, now });
        await addMembership(trx, { workspaceId: id, userId: actor.user.id, role: "owner", now });
      });
      if (actor.sessionId) await setSessionWorkspace(db, actor.sessionId, id);
      return c.json({ workspace: { id, name, role: "owner" as const } }, 201);
    })
    .get("/workspace", (c) => c.json({ workspace: requireRole(c, "viewer").workspace }))
    .patch("/workspace", allow("owner"), jsonBody(CreateWorkspaceBodySchema), async (c) => {
      const { workspace } = requireRole(c, "owner");
      const { name } = c.req.valid("json");
      await renameWorkspace(db, workspace.id, name);
      return c.json({ workspace: { ...workspace, name } });
    })
    .get("/workspace/members", async (c) => {
      const { workspace } = requireRole(c, "viewer");
      const [members, invites] = await Promise.all([
        listMembers(db, workspace.id),
        workspace.role === "owner" ? listOpenInvites(db, workspace.id, clock.now()) : Promise.resolve([]),
      ]);
      return c.json({ members, invites });
    })
    .post("/workspace/members", allow("owner"), jsonBody(AddMemberBodySchema), async (c) => {
      const { actor, workspace } = requireRole(c, "owner");
      const { email, role } = c.req.valid("json");
      const now = clock.now();
      const existing = await findUserByEmail(db, email);
      if (existing) {
        if (await findMembership(db, workspace.id, existing.id)) {
          throw conflict("already_member", "That person is already a member of this workspace");
        }
        await addMembership(db, { workspaceId: workspace.id, userId: existing.id, role, now });
        return c.json({ member: await findMember(db, workspace.id, existing.id) }, 201);
      }
      const { invite, token } = await createInvite(db, {
        id: ids.newId(),
        workspaceId: workspace.id,
        email,
        role,
        createdBy: actor.user.id,
        now,
        days: INVITE_DAYS,
      });
      return c.json({ invite: { ...invite, url: `${requestOrigin(c, deps.config)}/join/${token}` } }, 201);
    })
    .patch("/workspace/members/:userId", allow("owner"), jsonBody(SetRoleBodySchema), async (c) => {
      const { workspace } = requireRole(c, "owner");
      const userId = c.req.param("userId");
      const { role } = c.req.valid("json");
      const member = await writeTransaction(db, async (trx) => {
        const current = await findMember(trx, workspace.id, userId);
        if (!current) throw notFound("Member");
        if (current.role === "owner" && role !== "owner" && (await countOwners(trx, workspace.id)) <= 1) {
          throw conflict("last_owner", "A workspace needs at least one owner");
        }
        await setMemberRole(trx, workspace.id, userId, role);
        return { ...current, role };
      });
      return c.json({ member });
    })
    .delete("/workspace/members/:userId", async (c) => {
      const { workspace } = requireRole(c, "owner");
      const userId = c.req.param("userId");
      await writeTransaction(db, async (trx) => {
        const current = await findMember(trx, workspace.id, userId);
        if (!current) throw notFound("Member");
        if (current.role === "owner" && (await countOwners(trx, workspace.id)) <= 1) {
          throw conflict("last_owner", "A workspace needs at least one owner");
        }
        await removeMember(trx, workspace.id, userId);
      });
      return c.body(null, 204);
    })
    .delete("/workspace/invites/:id", async (c) => {
      const { workspace } = requireRole(c, "owner");
      if (!(await deleteInvite(db, workspace.id, c.req.param("id")))) throw notFound("Invite");
      return c.body(null, 204);
    })
    .get("/invites/:token", async (c) => {
      const invite = await findOpenInviteByToken(db, c.req.param("token"), clock.now());
      if (!invite) throw new AppError(404, "invite_invalid", "This invite link is invalid or has expired");
      return c.json({ workspaceName: invite.workspaceName, email: invite.email, role: invite.role });
    })
    .post("/invites/:token/accept", jsonBody(AcceptInviteBodySchema), async (c) => {
      const { name, password } = c.req.valid("json");
      const now = clock.now();
      const invite = await findOpenInviteByToken(db, c.req.param("token"), now);
      if (!invite) throw new AppError(404, "invite_invalid", "This invite link is invalid or has expired");
      const passwordHash = await deps.passwords.hash(password);
      const user = await writeTransaction(db, async (trx) => {
        if (!(await markInviteAccepted(trx, invite.id, now))) {
          throw new AppError(404, "invite_invalid", "This invite link is invalid or has expired");
        }
        if (await findUserByEmail(trx, invite.email)) {
          throw conflict("account_exists", "An account with this email exists; ask the owner to add it directly");
        }
        const created = await insertUser(trx, { id: ids.newId(), email: invite.email, name, passwordHash, now });
        await addMembership(trx, { workspaceId: invite.workspaceId, userId: created.id, role: invite.role, now });
        return created;
      });
      await startSession(deps, c, user.id, invite.workspaceId, c.get("actor")?.sessionId ?? null);
      return c.json({ user }, 201);
    });
}
