import type { Kysely } from "kysely";
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import type { PasswordHasher } from "./auth/passwords.js";
import type { Role, User } from "./auth/auth-repository.js";
import type { Clock, IdGenerator } from "./ops/clock.js";
import type { Logger } from "./ops/logger.js";
import type { Mailer } from "./mail/mailer.js";
import type { PublicWriter } from "./public/public-writer.js";

/** Everything the app needs from outside, passed in — no globals, no work at import time. */
export type AppDeps = {
  db: Kysely<Database>;
  config: Config;
  logger: Logger;
  clock: Clock;
  ids: IdGenerator;
  passwords: PasswordHasher;
  /** SMTP delivery; null keeps every email in the outbox (readable in the app). Only main.ts starts the worker. */
  mailer: Mailer | null;
  /** Where the built web assets are (web/dist); null serves no UI (API-only tests). */
  webDist: string | null;
  /** The public side's writes; by default in the request's thread, on SQLite in `serve` on the save thread (main.ts). */
  publicWriter?: PublicWriter;
};

export type Actor = {
  user: User;
  via: "session" | "token";
  sessionId: string | null;
  workspace: { id: string; name: string; role: Role } | null;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    actor: Actor | null;
    /** A keyed hash of the client address, never the address itself. */
    clientKey: string;
  };
};
