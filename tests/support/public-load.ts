/**
 * What the crash and load suites share: a published screener on a live instance, the
 * bodies respondents send, and reading back — straight from SQLite or Postgres, not
 * through the app — which responses and answer rows were stored.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { screenerInput } from "@sieve/server/testing";
import type { LiveInstance } from "./live-instance.js";

/** A screener without quotas (every complete response counts the same), published. */
export async function publishLoadSurvey(live: LiveInstance): Promise<{ id: string; slug: string }> {
  const input = screenerInput("Under load");
  input.quotas = [];
  const created = await live.api<{ survey: { id: string; slug: string } }>("POST", "/api/surveys", { definition: input });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await live.api("POST", `/api/surveys/${created.body.survey.id}/publish`);
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return created.body.survey;
}

/** Answer rows each kind of save leaves: page 1 = role + two tools; complete adds "why" and the email. */
export const ANSWER_ROWS = { partial: 3, complete: 5 } as const;

export function partialBody(slug: string): string {
  return JSON.stringify({ survey: slug, answers: { role: "me", tools: ["notion", "obsidian"] }, complete: false, page: 0 });
}

export function completeBody(slug: string, id: string): string {
  return JSON.stringify({
    survey: slug,
    answers: { role: "me", tools: ["notion", "obsidian"], why: `because ${id.slice(0, 8)}`, email: `${id}@load.example` },
    complete: true,
  });
}

export type StoredResponse = { id: string; status: string; answers: number };

export type Store = {
  /** Responses among `ids` (all when omitted) with their answer-row counts. */
  responses(ids?: string[]): Promise<StoredResponse[]>;
  /** Answer rows whose response does not exist. */
  orphanAnswers(): Promise<number>;
  close(): Promise<void>;
};

const RESPONSES_SQL = `select r.id, r.status, (select count(*) from answers a where a.response_id = r.id) as answers from responses r`;
const ORPHANS_SQL = `select count(*) as n from answers a left join responses r on r.id = a.response_id where r.id is null`;

/** The instance's SQLite file, opened directly (the server may be dead: WAL recovery happens here). */
export function sqliteStore(dataDir: string): Store & { integrity(): string[]; foreignKeyProblems(): unknown[] } {
  const db = new Database(join(dataDir, "sieve.db"));
  const byChunk = <T>(ids: string[], fn: (chunk: string[]) => T[]) => {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += 500) out.push(...fn(ids.slice(i, i + 500)));
    return out;
  };
  return {
    async responses(ids) {
      if (!ids) return db.prepare(RESPONSES_SQL).all() as StoredResponse[];
      return byChunk(ids, (chunk) => db.prepare(`${RESPONSES_SQL} where r.id in (${chunk.map(() => "?").join(",")})`).all(...chunk) as StoredResponse[]);
    },
    async orphanAnswers() {
      return (db.prepare(ORPHANS_SQL).get() as { n: number }).n;
    },
    integrity: () => (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check),
    foreignKeyProblems: () => db.pragma("foreign_key_check") as unknown[],
    async close() {
      db.close();
    },
  };
}

export function postgresStore(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    async responses(ids) {
      const r = ids
        ? await pool.query(`${RESPONSES_SQL} where r.id = any($1::text[])`, [ids])
        : await pool.query(RESPONSES_SQL);
      return r.rows.map((row: { id: string; status: string; answers: string | number }) => ({ ...row, answers: Number(row.answers) }));
    },
    async orphanAnswers() {
      return Number((await pool.query(ORPHANS_SQL)).rows[0].n);
    },
    close: () => pool.end(),
  };
}

/**
 * A brand-new database on the Postgres server of `baseUrl` (TEST_DATABASE_URL), for a server
 * process of its own; `drop` removes it (and any connection left to it).
 */
export async function freshPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sieve_load_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [name]);
      await c.query(`drop database if exists ${name}`);
      await c.end();
    },
  };
}
