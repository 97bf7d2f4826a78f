import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { screenerInput } from "@sieve/server/testing";
import { removeDir, runCli, startServer, tempDataDir, type ServerProcess } from "../support/server-process.js";

describe("pnpm sieve (the CLI) against a real server", () => {
  let dataDir: string;
  let env: Record<string, string>;
  let server: ServerProcess | null = null;
  beforeAll(() => {
    dataDir = tempDataDir();
    env = { DATA_DIR: dataDir, SCRYPT_LOG_N: "14" };
  });
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it("migrate creates the SQLite database under DATA_DIR", () => {
    const r = runCli(["migrate"], env);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(existsSync(join(dataDir, "sieve.db"))).toBe(true);
  });

  it("user:create + token:create give a token that creates, publishes and lists surveys over HTTP", async () => {
    const created = runCli(["user:create", "--email", "cli@example.com", "--password", "a long password", "--name", "Cli User", "--workspace", "Ops"], env);
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('workspace "Ops"');
    const duplicate = runCli(["user:create", "--email", "cli@example.com", "--password", "a long password"], env);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain("already exists");

    const token = runCli(["token:create", "--email", "cli@example.com", "--name", "deploy script"], env);
    expect(token.status).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^sieve_/);

    server = await startServer(env);
    expect(server.setupUrl).toBeNull(); // a user exists: no setup link is printed
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${server!.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    const create = await api("POST", "/api/surveys", { definition: screenerInput("From the CLI") });
    expect(create.status).toBe(201);
    const { survey } = (await create.json()) as { survey: { id: string; slug: string } };
    const publish = await api("POST", `/api/surveys/${survey.id}/publish`);
    expect(publish.status).toBe(200);
    const list = (await (await api("GET", "/api/surveys")).json()) as { surveys: { title: string; status: string }[] };
    expect(list.surveys).toEqual([expect.objectContaining({ title: "From the CLI", status: "open" })]);
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: "ok", database: "sqlite" });
  });

  it("backup writes a consistent copy while the server runs", () => {
    const target = join(dataDir, "backup.db");
    const r = runCli(["backup", target], env);
    expect(r.status).toBe(0);
    const copy = new SQLite(target, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(copy.prepare("select title from surveys").all()).toEqual([{ title: "From the CLI" }]);
    } finally {
      copy.close();
    }
    expect(runCli(["backup", target], env).status).toBe(1); // never overwrites
  });

  it("seed:demo adds a published screener with channels and responses", () => {
    const r = runCli(["seed:demo", "--email", "cli@example.com", "--count", "120"], env);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const db = new SQLite(join(dataDir, "sieve.db"), { readonly: true });
    try {
      const counts = db
        .prepare(`select count(*) as responses, sum(status = 'complete') as complete, count(distinct channel_id) as channels,
                  sum(outcome = 'qualified') as qualified, sum(outcome = 'disqualified') as disqualified
                  from responses`)
        .get() as Record<string, number>;
      expect(counts.responses).toBe(120);
      expect(counts.channels).toBe(4);
      expect(counts.complete).toBeGreaterThan(80);
      expect(counts.qualified).toBeGreaterThan(0);
      expect(counts.disqualified).toBeGreaterThan(0);
      const funnel = db.prepare("select sum(clicks) as clicks, sum(views) as views, sum(starts) as starts from funnel_counts").get() as { clicks: number; views: number; starts: number };
      expect(funnel.starts).toBe(120);
      expect(funnel.views).toBeGreaterThan(funnel.starts);
      const answers = db.prepare("select count(*) as n from answers").get() as { n: number };
      expect(answers.n).toBeGreaterThan(120);
    } finally {
      db.close();
    }
  });

  it("logs JSON lines without secrets and shuts down gracefully on SIGTERM", async () => {
    const login = await fetch(`${server!.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server!.url },
      body: JSON.stringify({ email: "cli@example.com", password: "a long password" }),
    });
    expect(login.status).toBe(200);
    // Log lines are batched per event-loop turn: wait for the login's line to arrive.
    await expect.poll(() => server!.logs().includes('"route":"/api/auth/login"')).toBe(true);
    const logs = server!.logs();
    expect(logs).not.toContain("a long password");
    expect(logs).not.toContain("cli@example.com");
    const lines = logs.split("\n").filter((l) => l.startsWith("{"));
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.some((l) => l.includes('"route":"/api/auth/login"') && l.includes('"requestId"'))).toBe(true);
    expect(await server!.stop("SIGTERM")).toBe(0);
    expect(server!.logs()).toContain('"msg":"stopped"');
    server = null;
  });

  it("explains bad usage", () => {
    const r = runCli(["user:create", "--email", "x@example.com"], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--password is required");
    expect(runCli(["frobnicate"], env).status).toBe(2);
  });
});
