/**
 * Two real `sieve serve` processes on one Postgres database and nothing else in common:
 * separate data directories, separate memory, each with its own outbox worker and live
 * poller. The account and API token are made with the CLI on that database first, so both
 * instances start already set up and either one can be asked anything.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { freshPostgresDatabase } from "./public-load.js";
import { removeDir, runCli, startServer, tempDataDir, type ServerProcess } from "./server-process.js";
import { apiClient, type Api } from "./survey-api.js";

export const RESEARCHER = { email: "researcher@example.com", password: "a long password" };

export type Instance = { name: "A" | "B"; server: ServerProcess; url: string; api: Api; dataDir: string };

export type TwoInstances = {
  a: Instance;
  b: Instance;
  both: [Instance, Instance];
  databaseUrl: string;
  /** Reads the shared database directly, not through either instance. */
  query<T extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  /** Stops both processes, deletes their data directories and drops the database. */
  dispose(): Promise<void>;
};

/**
 * A fresh database on `baseUrl`'s server, a researcher with an API token, then A and B
 * started side by side (their start-up migrations race each other, as they would in a
 * rolling deploy). `env` is given to both.
 */
export async function startTwoInstances(baseUrl: string, env: Record<string, string>): Promise<TwoInstances> {
  const database = await freshPostgresDatabase(baseUrl);
  const dirs = [tempDataDir(), tempDataDir()] as const;
  const started: ServerProcess[] = [];
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const cleanUp = async () => {
    await Promise.all(started.map((s) => s.stop()));
    await pool.end();
    dirs.forEach(removeDir);
    await database.drop();
  };
  try {
    const common = { DATABASE_URL: database.url, SCRYPT_LOG_N: "12", LOG_LEVEL: "warn", ...env };
    const cliEnv = { ...common, DATA_DIR: dirs[0] };
    const user = runCli(["user:create", "--email", RESEARCHER.email, "--password", RESEARCHER.password, "--name", "Rita Researcher", "--workspace", "Research"], cliEnv);
    if (user.status !== 0) throw new Error(`user:create failed: ${user.stderr}`);
    const tokenRun = runCli(["token:create", "--email", RESEARCHER.email, "--name", "two-instances"], cliEnv);
    if (tokenRun.status !== 0) throw new Error(`token:create failed: ${tokenRun.stderr}`);
    const token = tokenRun.stdout.trim();
    const results = await Promise.allSettled(dirs.map((dir) => startServer({ ...common, DATA_DIR: dir }, { direct: true })));
    for (const r of results) if (r.status === "fulfilled") started.push(r.value);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
    const instance = (name: "A" | "B", i: 0 | 1): Instance => ({ name, server: started[i]!, url: started[i]!.url, api: apiClient(started[i]!.url, token), dataDir: dirs[i] });
    const a = instance("A", 0);
    const b = instance("B", 1);
    return {
      a,
      b,
      both: [a, b],
      databaseUrl: database.url,
      async query<T extends Record<string, unknown>>(text: string, values: unknown[] = []) {
        return (await pool.query(text, values)).rows as T[];
      },
      dispose: cleanUp,
    };
  } catch (error) {
    await cleanUp().catch(() => undefined);
    throw error;
  }
}

/** Headers a same-origin browser request to `url` carries (the CSRF guard wants them on cookie or public POSTs). */
export const sameOriginHeaders = (url: string) => ({ origin: new URL(url).origin, "sec-fetch-site": "same-origin" });

/** A respondent's completing save on `url`, the way the respondent page sends it. */
export async function completeResponse(
  url: string,
  slug: string,
  answers: Record<string, unknown>,
  id: string = randomUUID(),
): Promise<{ id: string; status: number; body: { end?: string; error?: { code: string } } }> {
  const res = await fetch(`${url}/api/public/responses/${id}`, {
    method: "PUT",
    headers: { ...sameOriginHeaders(url), "content-type": "application/json" },
    body: JSON.stringify({ survey: slug, answers, complete: true }),
  });
  return { id, status: res.status, body: (await res.json()) as { end?: string; error?: { code: string } } };
}

/** Polls `probe` until it returns a value `done` accepts, or fails after `timeoutMs` with the last value seen. */
export async function waitFor<T>(what: string, probe: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, everyMs));
    last = await probe();
  }
  return last;
}

export type SseEvent = { event: string; data: string; at: number };

export type SseStream = {
  events: SseEvent[];
  status: number;
  close(): void;
};

/** Opens a Server-Sent Events stream and collects its events in the background until closed. */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: abort.signal });
  const events: SseEvent[] = [];
  if (res.ok && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = "message";
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("event:")) event = line.slice(6).trim();
            else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
          }
          if (data.length > 0) events.push({ event, data: data.join("\n"), at: Date.now() });
        }
      }
    })().catch(() => undefined);
  }
  return { events, status: res.status, close: () => abort.abort() };
}

/**
 * Makes the given outbox rows due and, in the same instant, holds a `FOR SHARE` lock on them
 * for `holdMs`. A worker that claims properly (`FOR UPDATE SKIP LOCKED`) passes over them until
 * the lock goes; one that reads due rows without locking them sees them and queues its claim
 * behind the lock. Either way every worker that polls meanwhile reaches for the same rows at
 * once when it lifts — the race two instances run into by chance, made certain.
 */
export async function releaseEmailsTogether(databaseUrl: string, ids: string[], holdMs: number): Promise<void> {
  const updater = new pg.Client({ connectionString: databaseUrl });
  const holder = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([updater.connect(), holder.connect()]);
  try {
    const holderPid = (await holder.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
    await updater.query("begin");
    await updater.query("update emails set next_attempt_at = $2 where id = any($1::text[])", [ids, new Date().toISOString()]);
    await holder.query("begin");
    // Queued behind the update's row locks, it takes its own the moment the update commits.
    const held = holder.query("select id from emails where id = any($1::text[]) for share", [ids]);
    await waitFor(
      "the share lock to queue behind the update",
      async () => (await updater.query<{ waiting: boolean }>("select wait_event_type = 'Lock' as waiting from pg_stat_activity where pid = $1", [holderPid])).rows[0]?.waiting,
      (waiting) => waiting === true,
      5_000,
      10,
    );
    await updater.query("commit");
    const locked = (await held).rowCount;
    if (locked !== ids.length) throw new Error(`locked ${locked} of ${ids.length} emails`);
    await new Promise((r) => setTimeout(r, holdMs));
    await holder.query("commit");
  } finally {
    await Promise.all([updater.end(), holder.end()]);
  }
}
