import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { issueSetupToken } from "./auth-repository.js";

describe.each(testDialects)("accounts on %s", (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ dialect });
  });
  afterEach(async () => t.cleanup());

  describe("first-run setup", () => {
    it("reports that setup is needed until the first user exists", async () => {
      expect((await t.agent().json("GET", "/api/setup")).body).toEqual({ needed: true });
      await t.setupOwner();
      expect((await t.agent().json("GET", "/api/setup")).body).toEqual({ needed: false });
    });

    it("creates the owner and first workspace and signs them in", async () => {
      const { agent } = await t.setupOwner({ email: "Founder@Example.com", workspaceName: "Acme research" });
      const me = await agent.json("GET", "/api/auth/me");
      expect(me.status).toBe(200);
      expect(me.body.user.email).toBe("founder@example.com");
      expect(me.body.workspace).toMatchObject({ name: "Acme research", role: "owner" });
    });

    it("works only once: the same link cannot create a second owner", async () => {
      const token = await issueSetupToken(t.db);
      const body = { token, name: "A", email: "a@example.com", password: "long enough pw", workspaceName: "W" };
      expect((await t.agent().json("POST", "/api/setup", { body })).status).toBe(201);
      const again = await t.agent().json("POST", "/api/setup", { body: { ...body, email: "b@example.com" } });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("setup_done");
    });

    it("refuses a wrong setup token", async () => {
      await issueSetupToken(t.db);
      const res = await t.agent().json("POST", "/api/setup", {
        body: { token: "guessed", name: "A", email: "a@example.com", password: "long enough pw", workspaceName: "W" },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("setup_token_invalid");
      expect((await t.agent().json("GET", "/api/setup")).body.needed).toBe(true);
    });

    it("lists every invalid field with its path", async () => {
      const res = await t.agent().json("POST", "/api/setup", { body: { token: "x", email: "not-an-email", password: "short" } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
      const paths = res.body.error.details.issues.map((i: { path: string[] }) => i.path.join("."));
      expect(paths).toEqual(expect.arrayContaining(["email", "password", "name", "workspaceName"]));
    });
  });

  describe("sign in and out", () => {
    it("signs in with the right password and sets a hardened cookie", async () => {
      const { email, password } = await t.setupOwner();
      const a = t.agent();
      const res = await a.request("POST", "/api/auth/login", { body: { email, password } });
      expect(res.status).toBe(200);
      const cookie = res.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/sieve_session=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i);
      expect((await a.json("GET", "/api/auth/me")).status).toBe(200);
    });

    it("marks the cookie Secure when served over https", async () => {
      await t.cleanup();
      t = await createTestApp({ dialect, config: { publicUrl: "https://sieve.example.org" } });
      const token = await issueSetupToken(t.db);
      const res = await t.agent().request("POST", "/api/setup", {
        origin: "https://sieve.example.org",
        body: { token, name: "A", email: "a@example.com", password: "long enough pw", workspaceName: "W" },
      });
      expect(res.status).toBe(201);
      expect(res.headers.get("set-cookie")).toMatch(/Secure/);
    });

    it("rejects a wrong password with the same answer as an unknown account", async () => {
      const { email } = await t.setupOwner();
      const wrong = await t.agent().json("POST", "/api/auth/login", { body: { email, password: "wrong password!" } });
      const unknown = await t.agent().json("POST", "/api/auth/login", { body: { email: "nobody@example.com", password: "wrong password!" } });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.error.code).toBe("invalid_credentials");
    });

    it("throttles an account after five failures, even with the right password", async () => {
      const { email, password } = await t.setupOwner();
      for (let i = 0; i < 5; i++) {
        expect((await t.agent().json("POST", "/api/auth/login", { body: { email, password: `wrong ${i} password` } })).status).toBe(401);
      }
      const blocked = await t.agent().json("POST", "/api/auth/login", { body: { email, password } });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe("too_many_attempts");
      expect(blocked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
      expect(blocked.res.headers.get("retry-after")).toBeTruthy();
      t.clock.advance(16 * 60 * 1000);
      expect((await t.agent().json("POST", "/api/auth/login", { body: { email, password } })).status).toBe(200);
    });

    it("throttles one client trying many accounts", async () => {
      await t.setupOwner();
      let last = 0;
      for (let i = 0; i < 31; i++) {
        last = (await t.agent().json("POST", "/api/auth/login", { body: { email: `user${i}@example.com`, password: "guess guess" } })).status;
      }
      expect(last).toBe(429);
    });

    it("rotates the session at sign-in: the old session id stops working", async () => {
      const { agent, email, password } = await t.setupOwner();
      const before = agent.cookie;
      await agent.json("POST", "/api/auth/login", { body: { email, password } });
      expect(agent.cookie).not.toBe(before);
      const stale = t.agent();
      stale.cookie = before;
      expect((await stale.json("GET", "/api/auth/me")).status).toBe(401);
      expect((await agent.json("GET", "/api/auth/me")).status).toBe(200);
    });

    it("logs out and the session no longer works", async () => {
      const { agent } = await t.setupOwner();
      const cookie = agent.cookie;
      expect((await agent.request("POST", "/api/auth/logout")).status).toBe(204);
      const replay = t.agent();
      replay.cookie = cookie;
      expect((await replay.json("GET", "/api/auth/me")).status).toBe(401);
    });

    it("expires an idle session and slides the expiry of an active one", async () => {
      const { agent } = await t.setupOwner();
      const idle = t.agent();
      idle.cookie = agent.cookie;
      // Active: used every 10 days, it outlives the 14-day lifetime.
      for (let i = 0; i < 3; i++) {
        t.clock.advance(10 * 86_400_000);
        expect((await agent.json("GET", "/api/auth/me")).status).toBe(200);
      }
      // Idle for 15 days: gone.
      t.clock.advance(15 * 86_400_000);
      const expired = await agent.json("GET", "/api/auth/me");
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe("unauthenticated");
    });
  });

  describe("CSRF", () => {
    it("refuses a cross-origin JSON POST carrying the session cookie", async () => {
      const { agent } = await t.setupOwner();
      const res = await agent.json("POST", "/api/surveys", {
        body: { title: "Evil" },
        origin: "https://evil.example",
        headers: { "sec-fetch-site": "cross-site" },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("csrf_rejected");
      expect((await agent.json("GET", "/api/surveys")).body.surveys).toHaveLength(0);
    });

    it("refuses a cross-origin text/plain form post and an upper-case content type", async () => {
      const { agent } = await t.setupOwner();
      for (const type of ["text/plain", "APPLICATION/JSON"]) {
        const res = await agent.request("POST", "/api/surveys", {
          rawBody: JSON.stringify({ title: "Evil" }),
          headers: { "content-type": type },
          origin: "https://evil.example",
        });
        expect(res.status).toBe(403);
      }
    });

    it("refuses a state change with neither Origin nor Sec-Fetch-Site", async () => {
      const { agent } = await t.setupOwner();
      const res = await agent.json("POST", "/api/surveys", { body: { title: "x" }, origin: false });
      expect(res.status).toBe(403);
    });

    it("accepts a same-origin request identified by Origin alone (older browsers)", async () => {
      const { agent } = await t.setupOwner();
      const res = await agent.json("POST", "/api/surveys", { body: { title: "ok" }, origin: "http://localhost" });
      expect(res.status).toBe(201);
    });

    it("lets bearer-token clients call without Origin", async () => {
      const { agent } = await t.setupOwner();
      const { body } = await agent.json("POST", "/api/tokens", { body: { name: "ci" } });
      const res = await t.agent().json("POST", "/api/surveys", { body: { title: "via token" }, origin: false, token: body.secret });
      expect(res.status).toBe(201);
    });
  });

  describe("personal API tokens", () => {
    it("are shown once, stored hashed, listed without the secret, and revocable", async () => {
      const { agent } = await t.setupOwner();
      const created = await agent.json("POST", "/api/tokens", { body: { name: "Zapier" } });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^sieve_[A-Za-z0-9_-]{40,}$/);
      const stored = await t.db.selectFrom("api_tokens").selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(created.body.secret);

      const list = await agent.json("GET", "/api/tokens");
      expect(list.body.tokens).toEqual([expect.objectContaining({ name: "Zapier", lastUsedAt: null })]);
      expect(JSON.stringify(list.body)).not.toContain(created.body.secret);

      const api = t.agent();
      expect((await api.json("GET", "/api/surveys", { token: created.body.secret })).status).toBe(200);
      expect((await agent.json("GET", "/api/tokens")).body.tokens[0].lastUsedAt).not.toBeNull();

      expect((await agent.request("DELETE", `/api/tokens/${created.body.token.id}`)).status).toBe(204);
      const revoked = await api.json("GET", "/api/surveys", { token: created.body.secret });
      expect(revoked.status).toBe(401);
      expect(revoked.body.error.code).toBe("invalid_token");
    });

    it("rejects a malformed Authorization header instead of falling back to the cookie", async () => {
      const { agent } = await t.setupOwner();
      const res = await agent.json("GET", "/api/surveys", { headers: { authorization: "Basic abc" } });
      expect(res.status).toBe(401);
    });
  });
});
