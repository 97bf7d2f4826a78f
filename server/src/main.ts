/**
 * `pnpm sieve <command>` — the only module with side effects: it reads the
 * environment, opens the database, runs migrations and serves or runs a command.
 */
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Kysely } from "kysely";
import { serve } from "@hono/node-server";
import { parseConfig, type Config } from "./config.js";
import { createDb, openSqlite } from "./db/create-db.js";
import { startCheckpointer } from "./db/checkpointer.js";
import { startSaveThread } from "./public/save-thread.js";
import type { Database } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { createApp } from "./app.js";
import { createBatchedWriter, createLogger, type Logger } from "./ops/logger.js";
import { systemClock, uuidIds } from "./ops/clock.js";
import { createPasswordHasher } from "./auth/passwords.js";
import { countUsers, deleteExpiredSessions, issueSetupToken } from "./auth/auth-repository.js";
import { CliError, seedDemo, tokenCreate, userCreate } from "./cli/commands.js";
import { createSmtpMailer } from "./mail/mailer.js";
import { createMailWorker } from "./mail/mail-worker.js";
import { sweepExpiredContacts } from "./privacy/retention-sweep.js";

const USAGE = `Usage: pnpm sieve <command> [options]

Commands:
  serve                                   Start Sieve (default: http://localhost:3000)
  migrate                                 Apply database migrations and exit
  user:create --email E --password P [--name N] [--workspace W]
                                          Create a user (owner of workspace W, created if new)
  token:create --email E --name N [--workspace W]
                                          Create a personal API token and print it once
  backup <file>                           Online backup of the SQLite database to <file>
  seed:demo [--email E] [--count N]       Add a demo workspace with a published screener and N responses (300)

Environment: PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_URL, TRUST_PROXY, LOG_LEVEL, SESSION_DAYS (see README).`;

const webDist = fileURLToPath(new URL("../../web/dist", import.meta.url));

async function openDatabase(config: Config, logger: Logger, options: { checkpointer?: boolean } = {}): Promise<Kysely<Database>> {
  const db = createDb({
    ...config.database,
    sqliteSynchronous: config.sqliteSynchronous,
    // With the checkpointer on, a commit checkpoints in line only if the WAL reaches ~40 MB.
    ...(options.checkpointer ? { walAutocheckpoint: 10_000 } : {}),
  });
  const migrated = await migrateToLatest(db);
  if (!migrated.ok) {
    await db.destroy();
    throw new CliError(`Database migration failed: ${String(migrated.error)}`);
  }
  if (migrated.applied.length > 0) logger.info("migrations applied", { migrations: migrated.applied });
  return db;
}

async function serveCommand(config: Config, logger: Logger) {
  const db = await openDatabase(config, logger, { checkpointer: config.database.kind === "sqlite" });
  const checkpointer =
    config.database.kind === "sqlite"
      ? startCheckpointer(config.database.file, { onError: (message) => logger.warn("WAL checkpoint failed", { error: message }) })
      : null;
  // On SQLite, public saves run on a thread of their own (public/save-thread.ts).
  const saveThread =
    config.database.kind === "sqlite"
      ? startSaveThread(config.database.file, {
          synchronous: config.sqliteSynchronous,
          onError: (message) => logger.error("save thread failed", { error: message }),
        })
      : null;
  const passwords = createPasswordHasher(config.scryptLogN);
  const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : null;
  const app = createApp({
    db,
    config,
    logger,
    clock: systemClock,
    ids: uuidIds,
    passwords,
    mailer,
    webDist: existsSync(webDist) ? webDist : null,
    ...(saveThread ? { publicWriter: saveThread } : {}),
  });
  if (!existsSync(webDist)) logger.warn("web app not built; run `pnpm build` to serve the UI", { webDist });
  const base = config.publicUrl ?? `http://localhost:${config.port}`;
  if ((await countUsers(db)) === 0) {
    const token = await issueSetupToken(db);
    // The one secret we ever print: whoever holds it claims the instance, once.
    process.stdout.write(`\n  Sieve is not set up yet. Open this one-time link to create the owner account:\n\n    ${base}/setup/${token}\n\n`);
  }
  const sweep = setInterval(() => void deleteExpiredSessions(db, new Date()).catch(() => {}), 3_600_000);
  sweep.unref();
  // The outbox worker runs only with SMTP configured; otherwise email waits in the in-app outbox.
  const mailWorker = mailer ? createMailWorker({ db, mailer, clock: systemClock, logger, maxAttempts: config.mailMaxAttempts }) : null;
  mailWorker?.start(config.mailPollMs);
  if (!mailer) logger.warn("SMTP_URL is not set: email stays in the outbox (GET /api/outbox)");
  const expireContacts = () =>
    void sweepExpiredContacts({ db, clock: systemClock, ids: uuidIds })
      .then((n) => n > 0 && logger.info("expired contact data erased", { respondents: n }))
      .catch((error: unknown) => logger.error("contact expiry sweep failed", { error: String(error) }));
  const retention = setInterval(expireContacts, 3_600_000);
  retention.unref();
  expireContacts();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info("listening", { url: base, port: info.port, database: config.database.kind });
    // Said plainly as well, whatever LOG_LEVEL is: people (and test harnesses) wait for it.
    process.stdout.write(`Sieve is listening on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${info.port} (${config.database.kind})\n`);
  });
  // Longer than load balancers' idle timeouts (often 60 s) and clients' (undici: 4 s), so the
  // server is never the side that closes a keep-alive connection a request is racing onto.
  if ("keepAliveTimeout" in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info("shutting down", { signal });
    clearInterval(sweep);
    clearInterval(retention);
    const force = setTimeout(() => {
      logger.warn("forcing shutdown after 10 s");
      process.exit(1);
    }, 10_000);
    force.unref();
    // Stop accepting, let in-flight requests and the email being sent finish, then close the database.
    const workerStopped = mailWorker?.stop();
    server.close(() => {
      void Promise.resolve(workerStopped)
        .then(() => mailer?.close())
        .then(() => saveThread?.stop())
        .then(() => checkpointer?.stop())
        .then(() => db.destroy())
        .then(() => {
          logger.info("stopped");
          process.exit(0);
        });
    });
    if ("closeIdleConnections" in server) server.closeIdleConnections();
    // Live dashboards hold Server-Sent Event streams open indefinitely: give in-flight requests a
    // moment, then end every remaining connection so the drain finishes well before the hard stop.
    const drain = setTimeout(() => {
      if ("closeAllConnections" in server) server.closeAllConnections();
    }, 3_000);
    drain.unref();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const parsedConfig = parseConfig(process.env);
  if (!parsedConfig.ok) {
    process.stderr.write(parsedConfig.message + "\n");
    return 2;
  }
  const config = parsedConfig.config;
  const out = createBatchedWriter((chunk) => process.stdout.write(chunk));
  process.on("exit", () => out.flush());
  const logger = createLogger(config.logLevel, out.write);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      workspace: { type: "string" },
      count: { type: "string" },
    },
  });
  const required = (key: "email" | "password" | "name") => {
    const v = values[key];
    if (!v) throw new CliError(`--${key} is required\n\n${USAGE}`);
    return v;
  };
  const withDb = async (fn: (db: Kysely<Database>) => Promise<string>) => {
    const cliLogger = createLogger("warn", (line) => process.stderr.write(line));
    const db = await openDatabase(config, cliLogger);
    try {
      process.stdout.write((await fn(db)) + "\n");
    } finally {
      await db.destroy();
    }
  };
  const cliDeps = (db: Kysely<Database>) => ({ db, ids: uuidIds, clock: systemClock, passwords: createPasswordHasher(config.scryptLogN) });

  switch (command) {
    case "serve":
      await serveCommand(config, logger);
      return -1;
    case "migrate":
      await withDb(async () => "Database is up to date.");
      return 0;
    case "user:create":
      await withDb((db) =>
        userCreate(cliDeps(db), { email: required("email"), password: required("password"), name: values.name, workspace: values.workspace }),
      );
      return 0;
    case "token:create":
      await withDb((db) => tokenCreate(cliDeps(db), { email: required("email"), name: required("name"), workspace: values.workspace }));
      return 0;
    case "backup": {
      const target = positionals[0];
      if (!target) throw new CliError(`backup needs a target file\n\n${USAGE}`);
      if (config.database.kind !== "sqlite") throw new CliError("backup is for the embedded SQLite database; on Postgres use pg_dump");
      if (existsSync(target)) throw new CliError(`${target} exists; choose a new file name`);
      const sqlite = openSqlite(config.database.file);
      try {
        // SQLite's online backup API: consistent while the server keeps writing.
        await sqlite.backup(target);
      } finally {
        sqlite.close();
      }
      process.stdout.write(`Backed up ${config.database.file} to ${target}\n`);
      return 0;
    }
    case "seed:demo": {
      const count = values.count === undefined ? 300 : Number(values.count);
      if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new CliError("--count must be a whole number from 1 to 100000");
      await withDb((db) => seedDemo(cliDeps(db), { email: values.email, count }));
      return 0;
    }
    case undefined:
    case "help":
    case "--help":
      process.stdout.write(USAGE + "\n");
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`Unknown command "${command}"\n\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write((error instanceof CliError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)) + "\n");
    process.exit(1);
  },
);
