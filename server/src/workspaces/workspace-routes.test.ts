import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";

describe.each(testDialects)("workspaces and members on %s", (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ dialect });
  });
  afterEach(async () => t.cleanup());

  it("invites a new person by a one-time link that makes them a member with the given role", async () => {
    const { agent: owner } = await t.setupOwner();
    const invited = await owner.json("POST", "/api/workspace/members", { body: { email: "Ed@Example.com", role: "editor" } });
    expect(invited.status).toBe(201);
    expect(invited.body.invite).toMatchObject({ email: "ed@example.com", role: "editor" });
    const token = invited.body.invite.url.split("/join/")[1];
    expect((await t.agent().json("GET", `/api/invites/${token}`)).body).toMatchObject({ workspaceName: "Research", role: "editor" });

    const ed = t.agent();
    expect((await ed.json("POST", `/api/invites/${token}/accept`, { body: { name: "Ed", password: "ed's password" } })).status).toBe(201);
    expect((await ed.json("GET", "/api/auth/me")).body.workspace).toMatchObject({ name: "Research", role: "editor" });
    const again = await t.agent().json("POST", `/api/invites/${token}/accept`, { body: { name: "Mallory", password: "mallory password" } });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("invite_invalid");
  });

  it("adds an existing user directly, without an invite link", async () => {
    const { agent: owner } = await t.setupOwner();
    await t.addMember(owner, "viewer", "v@example.com");
    const second = await owner.json("POST", "/api/workspaces", { body: { name: "Second" } });
    expect(second.status).toBe(201);
    const added = await owner.json("POST", "/api/workspace/members", {
      body: { email: "v@example.com", role: "editor" },
      headers: { "x-sieve-workspace": second.body.workspace.id },
    });
    expect(added.status).toBe(201);
    expect(added.body.member).toMatchObject({ email: "v@example.com", role: "editor" });
    const again = await owner.json("POST", "/api/workspace/members", { body: { email: "v@example.com", role: "editor" } });
    expect(again.status).toBe(409);
  });

  it("expires invites after seven days", async () => {
    const { agent: owner } = await t.setupOwner();
    const invited = await owner.json("POST", "/api/workspace/members", { body: { email: "late@example.com", role: "viewer" } });
    const token = invited.body.invite.url.split("/join/")[1];
    t.clock.advance(8 * 86_400_000);
    expect((await t.agent().json("GET", `/api/invites/${token}`)).status).toBe(404);
  });

  it("never leaves a workspace without an owner", async () => {
    const { agent: owner, userId } = await t.setupOwner();
    const demote = await owner.json("PATCH", `/api/workspace/members/${userId}`, { body: { role: "editor" } });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe("last_owner");
    expect((await owner.request("DELETE", `/api/workspace/members/${userId}`)).status).toBe(409);
  });

  it("removing a member ends their access to the workspace at once", async () => {
    const { agent: owner } = await t.setupOwner();
    const { agent: ed, userId } = await t.addMember(owner, "editor", "ed@example.com");
    expect((await ed.json("GET", "/api/surveys")).status).toBe(200);
    expect((await owner.request("DELETE", `/api/workspace/members/${userId}`)).status).toBe(204);
    const after = await ed.json("GET", "/api/surveys");
    expect(after.status).toBe(403);
    expect(after.body.error.code).toBe("no_workspace");
  });

  it("switches the current workspace and refuses one the user is not in", async () => {
    const { agent: owner } = await t.setupOwner();
    const created = await owner.json("POST", "/api/workspaces", { body: { name: "Side project" } });
    const me = await owner.json("GET", "/api/auth/me");
    expect(me.body.workspace.name).toBe("Side project");
    expect(me.body.workspaces.map((w: { name: string }) => w.name)).toEqual(["Research", "Side project"]);
    const back = await owner.json("POST", "/api/auth/workspace", { body: { workspaceId: me.body.workspaces[0].id } });
    expect(back.body.workspace.name).toBe("Research");
    const other = await t.agent().json("POST", "/api/auth/workspace", { body: { workspaceId: created.body.workspace.id } });
    expect(other.status).toBe(401);
    const { agent: stranger } = await t.addMember(owner, "viewer", "s@example.com");
    expect((await stranger.json("POST", "/api/auth/workspace", { body: { workspaceId: created.body.workspace.id } })).status).toBe(404);
  });

  describe("role matrix", () => {
    type Case = { method: string; path: (ids: { surveyId: string }) => string; body?: unknown; min: "viewer" | "editor" | "owner" };
    const cases: Case[] = [
      { method: "GET", path: () => "/api/surveys", min: "viewer" },
      { method: "GET", path: ({ surveyId }) => `/api/surveys/${surveyId}`, min: "viewer" },
      { method: "GET", path: () => "/api/workspace/members", min: "viewer" },
      { method: "GET", path: () => "/api/templates", min: "viewer" },
      { method: "POST", path: () => "/api/surveys", body: { title: "New" }, min: "editor" },
      { method: "PATCH", path: ({ surveyId }) => `/api/surveys/${surveyId}`, body: { title: "Renamed" }, min: "editor" },
      { method: "POST", path: ({ surveyId }) => `/api/surveys/${surveyId}/duplicate`, min: "editor" },
      { method: "POST", path: ({ surveyId }) => `/api/surveys/${surveyId}/channels`, body: { name: "r/x", kind: "reddit" }, min: "editor" },
      { method: "PATCH", path: () => "/api/workspace", body: { name: "Renamed team" }, min: "owner" },
      { method: "POST", path: () => "/api/workspace/members", body: { email: "new@example.com", role: "viewer" }, min: "owner" },
    ];
    const rank = { viewer: 1, editor: 2, owner: 3 } as const;

    it("allows each action from its minimum role up and refuses it below", async () => {
      const { agent: owner } = await t.setupOwner();
      const { agent: editor } = await t.addMember(owner, "editor", "e@example.com");
      const { agent: viewer } = await t.addMember(owner, "viewer", "v@example.com");
      const survey = await owner.json("POST", "/api/surveys", { body: { title: "Matrix" } });
      const ids = { surveyId: survey.body.survey.id as string };
      const agents = { viewer, editor, owner };
      for (const c of cases) {
        for (const role of ["viewer", "editor", "owner"] as const) {
          const res = await agents[role].json(c.method, c.path(ids), c.body === undefined ? {} : { body: c.body });
          const allowed = rank[role] >= rank[c.min];
          expect({ route: `${c.method} ${c.path(ids)}`, role, ok: res.status < 400 }).toEqual({
            route: `${c.method} ${c.path(ids)}`,
            role,
            ok: allowed,
          });
          if (!allowed) expect(res.body.error.code).toBe("forbidden");
        }
      }
    });

    it("refuses everything to anonymous callers", async () => {
      await t.setupOwner();
      for (const path of ["/api/surveys", "/api/workspace/members", "/api/templates", "/api/tokens"]) {
        const res = await t.agent().json("GET", path);
        expect(res.status).toBe(401);
      }
    });
  });
});
