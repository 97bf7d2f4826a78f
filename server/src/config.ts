/**
 * Configuration is parsed once, here, from the environment and passed down.
 * Nothing else in the server reads process.env.
 */
import { z } from "zod";

const booleanish = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  /** postgres://… selects Postgres; empty means the embedded SQLite file under DATA_DIR. */
  DATABASE_URL: z.string().default(""),
  /** The URL people reach Sieve at; used in setup/invite links and to decide Secure cookies. */
  PUBLIC_URL: z.string().url().optional(),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
  TRUST_PROXY: booleanish.default(false),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** log2 of the scrypt cost parameter N. 17 (the default) follows OWASP's guidance. */
  SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(17),
  SQLITE_SYNCHRONOUS: z.enum(["NORMAL", "FULL"]).default("NORMAL"),
  /** Public response saves allowed per client (salted IP hash) per minute. */
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** How often live dashboards check for new responses. */
  LIVE_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /** smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465 (TLS); empty keeps email in the in-app outbox. */
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^(smtps?:\/\/.+)?$/, "must start with smtp:// or smtps://")
    .default(""),
  /** The From address of every email. */
  MAIL_FROM: z.string().trim().default(""),
  /** Delivery attempts before an email is marked failed. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** How often the outbox worker looks for due email. */
  MAIL_POLL_MS: z.coerce.number().int().min(200).max(600_000).default(5000),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };
  publicUrl: string | null;
  trustProxy: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  sessionDays: number;
  scryptLogN: number;
  sqliteSynchronous: "NORMAL" | "FULL";
  publicRateLimit: number;
  livePollMs: number;
  smtpUrl: string | null;
  mailFrom: string;
  mailMaxAttempts: number;
  mailPollMs: number;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Parse and validate the environment into a Config. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return { ok: false, message: `Invalid configuration — ${message}` };
  }
  const e = parsed.data;
  const url = e.DATABASE_URL.trim();
  let database: Config["database"];
  if (url === "") database = { kind: "sqlite", file: `${e.DATA_DIR.replace(/\/+$/, "")}/sieve.db` };
  else if (/^postgres(ql)?:\/\//.test(url)) database = { kind: "postgres", url };
  else if (url.startsWith("sqlite:")) database = { kind: "sqlite", file: url.slice("sqlite:".length) };
  else return { ok: false, message: "Invalid configuration — DATABASE_URL must start with postgres:// or sqlite:" };
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      dataDir: e.DATA_DIR,
      database,
      publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, "") : null,
      trustProxy: e.TRUST_PROXY,
      logLevel: e.LOG_LEVEL,
      sessionDays: e.SESSION_DAYS,
      scryptLogN: e.SCRYPT_LOG_N,
      sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
      publicRateLimit: e.PUBLIC_RATE_LIMIT,
      livePollMs: e.LIVE_POLL_MS,
      smtpUrl: e.SMTP_URL || null,
      mailFrom: e.MAIL_FROM || `Sieve <no-reply@${e.PUBLIC_URL ? new URL(e.PUBLIC_URL).hostname : "localhost"}>`,
      mailMaxAttempts: e.MAIL_MAX_ATTEMPTS,
      mailPollMs: e.MAIL_POLL_MS,
    },
  };
}
