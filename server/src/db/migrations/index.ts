/** Every migration, in order. Names sort by time; a migration never changes once released. */
import type { Migration } from "kysely";
import * as foundation from "./2026-11-22T1000-foundation.js";

export const migrations: Record<string, Migration> = {
  "2026-11-22T1000-foundation": foundation,
};
