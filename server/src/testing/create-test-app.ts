/**
 * The real app on a real database, for route tests and cross-package flows. Requests
 * go through `app.request()` — the whole middleware stack, no sockets. Each `agent`
 * keeps its own cookie jar, like one browser.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../app.js";
import { startSaveThread } from "../public/save-thread.js";
import type { AppDeps } from "../app-env.js";
import { parseConfig, type Config } from "../config.js";
import { createPasswordHasher } from "../auth/passwords.js";
import { issueSetupToken } from "../auth/auth-repository.js";
import { createAccountWithWorkspace } from "../auth/create-account.js";
import { silentLogger } from "../ops/logger.js";
import type { Mailer } from "../mail/mailer.js";
import { createTestDb, type Dialect, type TestDb } from "./test-db.js";

export const TEST_ORIGIN = "http://localhost";

export type TestClock = { now(): Date; set(date: Date | string): void; advance(ms: number): void };

export function createTestClock(start = "2026-11-22T09:00:00.000Z"): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => void (current = new Date(d)),
    advance: (ms) => void (current = new Date(current.getTime() + ms)),
  };
}

export type RequestOptions = {
  body?: unknown;
  rawBody?: string | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  /** Default: same-origin. `false` sends no Origin/Sec-Fetch-Site (a non-browser client). */
  origin?: string | false;
  token?: string;
};

export type Agent = {
  cookie: string | null;
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  json<T = any>(method: string, path: string, options?: RequestOptions): Promise<{ status: number; body: T; res: Response }>;
};

export type TestApp = {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  db: TestDb["db"];
  dialect: Dialect;
  clock: TestClock;
  agent(): Agent;
  /** Run first-run setup; returns the owner's signed-in agent and ids. */
  setupOwner(input?: { email?: string; password?: string; name?: string; workspaceName?: string }): Promise<{
    agent: Agent;
    userId: string;
    workspaceId: string;
    email: string;
    password: string;
  }>;
  /** Add a user with `role` to the owner's workspace and sign them in. */
  addMember(owner: Agent, role: "owner" | "editor" | "viewer", email: string): Promise<{ agent: Agent; userId: string }>;
  /** A user who owns a different workspace, signed in. */
  createOutsider(email?: string): Promise<{ agent: Agent; userId: string; workspaceId: string }>;
  cleanup(): Promise<void>;
};

export async function createTestApp(
  options: {
    dialect?: Dialect;
    config?: Partial<Config>;
    webDist?: string | null;
    sqliteFile?: string;
    mailer?: Mailer | null;
    /** Save public responses on the save thread, as `sieve serve` does on SQLite (a temporary database file unless `sqliteFile`). */
    saveThread?: boolean;
  } = {},
): Promise<TestApp> {
  const dialect = options.dialect ?? "sqlite";
  if (options.saveThread && dialect !== "sqlite") throw new Error("the save thread is for SQLite");
  const tempDir = options.saveThread && !options.sqliteFile ? mkdtempSync(join(tmpdir(), "sieve-save-thread-")) : null;
  const sqliteFile = options.sqliteFile ?? (tempDir ? join(tempDir, "sieve.db") : undefined);
  const testDb = await createTestDb(dialect, sqliteFile ? { file: sqliteFile } : {});
  const saveThread = options.saveThread && sqliteFile ? startSaveThread(sqliteFile) : null;
  const parsed = parseConfig({ LOG_LEVEL: "silent" });
  if (!parsed.ok) throw new Error(parsed.message);
  const clock = createTestClock();
  const deps: AppDeps = {
    db: testDb.db,
    config: { ...parsed.config, ...options.config },
    logger: silentLogger,
    clock,
    ids: { newId: () => crypto.randomUUID() },
    // Low cost keeps the suite fast; the production cost is asserted in passwords.test.ts.
    passwords: createPasswordHasher(10),
    webDist: options.webDist ?? null,
    mailer: options.mailer ?? null,
    ...(saveThread ? { publicWriter: saveThread } : {}),
  };
  const app = createApp(deps);

  const agent = (): Agent => {
    const self: Agent = {
      cookie: null,
      async request(method, path, o = {}) {
        const headers: Record<string, string> = { ...o.headers };
        if (o.origin !== false && !["GET", "HEAD"].includes(method)) {
          headers["origin"] ??= o.origin ?? TEST_ORIGIN;
          if (o.origin === undefined) headers["sec-fetch-site"] ??= "same-origin";
        }
        if (self.cookie) headers["cookie"] = self.cookie;
        if (o.token) headers["authorization"] = `Bearer ${o.token}`;
        let body: string | ReadableStream<Uint8Array> | undefined;
        if (o.rawBody !== undefined) body = o.rawBody;
        else if (o.body !== undefined) {
          body = JSON.stringify(o.body);
          headers["content-type"] ??= "application/json";
        }
        const init: RequestInit & { duplex?: "half" } = { method, headers, body };
        if (body instanceof ReadableStream) init.duplex = "half";
        const res = await app.request(`${TEST_ORIGIN}${path}`, init);
        const setCookie = res.headers.get("set-cookie");
        if (setCookie) {
          const m = /sieve_session=([^;]*)/.exec(setCookie);
          if (m) self.cookie = m[1] ? `sieve_session=${m[1]}` : null;
        }
        return res;
      },
      async json(method, path, o) {
        const res = await self.request(method, path, o);
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : null, res };
      },
    };
    return self;
  };

  const setupOwner: TestApp["setupOwner"] = async (input = {}) => {
    const token = await issueSetupToken(testDb.db);
    const a = agent();
    const email = input.email ?? "owner@example.com";
    const password = input.password ?? "correct horse battery";
    const res = await a.json("POST", "/api/setup", {
      body: { token, name: input.name ?? "Olivia Owner", email, password, workspaceName: input.workspaceName ?? "Research" },
    });
    if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { agent: a, userId: res.body.user.id, workspaceId: res.body.workspace.id, email, password };
  };

  const addMember: TestApp["addMember"] = async (owner, role, email) => {
    const invited = await owner.json("POST", "/api/workspace/members", { body: { email, role } });
    if (invited.status !== 201 || !invited.body.invite) throw new Error(`invite failed: ${JSON.stringify(invited.body)}`);
    const token = String(invited.body.invite.url).split("/join/")[1];
    const a = agent();
    const accepted = await a.json("POST", `/api/invites/${token}/accept`, { body: { name: role, password: "member password 1" } });
    if (accepted.status !== 201) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
    return { agent: a, userId: accepted.body.user.id };
  };

  const createOutsider: TestApp["createOutsider"] = async (email = "outsider@example.com") => {
    const password = "outsider password";
    const { user, workspace } = await createAccountWithWorkspace(testDb.db, deps, {
      email,
      name: "Outsider",
      passwordHash: await deps.passwords.hash(password),
      workspaceName: "Elsewhere",
    });
    const a = agent();
    const res = await a.json("POST", "/api/auth/login", { body: { email, password } });
    if (res.status !== 200) throw new Error(`outsider login failed: ${JSON.stringify(res.body)}`);
    return { agent: a, userId: user.id, workspaceId: workspace.id };
  };

  const cleanup = async () => {
    await saveThread?.stop();
    await testDb.cleanup();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  return { app, deps, db: testDb.db, dialect, clock, agent, setupOwner, addMember, createOutsider, cleanup };
}
