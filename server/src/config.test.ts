import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.js";

describe("parseConfig", () => {
  it("defaults to the embedded SQLite file under ./data on port 3000", () => {
    const r = parseConfig({});
    expect(r).toMatchObject({ ok: true, config: { port: 3000, database: { kind: "sqlite", file: "./data/sieve.db" }, scryptLogN: 17 } });
  });

  it("selects Postgres from DATABASE_URL", () => {
    const r = parseConfig({ DATABASE_URL: "postgres://u@db:5432/sieve" });
    expect(r).toMatchObject({ ok: true, config: { database: { kind: "postgres", url: "postgres://u@db:5432/sieve" } } });
  });

  it("reports every invalid variable by name", () => {
    const r = parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://x" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("PORT");
    const db = parseConfig({ DATABASE_URL: "mysql://x" });
    expect(db).toEqual({ ok: false, message: expect.stringContaining("DATABASE_URL") });
  });

  it("strips a trailing slash from PUBLIC_URL", () => {
    expect(parseConfig({ PUBLIC_URL: "https://sieve.example.org/" })).toMatchObject({ ok: true, config: { publicUrl: "https://sieve.example.org" } });
  });

  it("keeps email in the outbox unless SMTP_URL names an smtp:// or smtps:// server", () => {
    expect(parseConfig({})).toMatchObject({ ok: true, config: { smtpUrl: null, mailFrom: "Sieve <no-reply@localhost>", mailMaxAttempts: 8 } });
    expect(parseConfig({ SMTP_URL: "smtps://u:p@mail.example.org", PUBLIC_URL: "https://research.example.org" })).toMatchObject({
      ok: true,
      config: { smtpUrl: "smtps://u:p@mail.example.org", mailFrom: "Sieve <no-reply@research.example.org>" },
    });
    expect(parseConfig({ SMTP_URL: "http://mail.example.org" })).toEqual({ ok: false, message: expect.stringContaining("SMTP_URL") });
  });
});
