/**
 * Public PUT throughput on the real server process (SQLite under a temp DATA_DIR, or
 * Postgres with BENCH_DATABASE_URL) with autocannon, as a ratio to a bare Hono JSON echo
 * measured in the same run. Every request is a new response id completing the screener.
 * Response ids are made as the respondent page makes them (UUID v7, time-ordered).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { uuidV7 } from "@sieve/core";
import { join } from "node:path";
import autocannon from "autocannon";
import { screenerInput } from "@sieve/server/testing";
import { removeDir, repoRoot, runCli, startServer, tempDataDir } from "../support/server-process.js";

export type Row = { name: string; value: string; note?: string };

async function startEcho(): Promise<{ url: string; stop(): void }> {
  const child = spawn(join(repoRoot, "node_modules", ".bin", "tsx"), [join(repoRoot, "tests", "bench", "echo-server.ts")], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve) => {
    child.stdout.on("data", (d: Buffer) => {
      const m = /"port":(\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

function run(url: string, connections: number, seconds: number, body: (id: string) => string) {
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: "PUT",
        setupRequest: (req) => {
          // Ids as the respondent page makes them (time-ordered v7).
          const id = uuidV7(Date.now(), randomBytes(16));
          return { ...req, path: `${(req.path ?? "").replace(/\/[^/]*$/, "")}/${id}`, body: body(id), headers: { "content-type": "application/json", origin: new URL(url).origin } };
        },
      },
    ],
  });
}

export async function publicPutBench(seconds: number, connections: number): Promise<Row[]> {
  const dataDir = tempDataDir();
  const env: Record<string, string> = { DATA_DIR: dataDir, SCRYPT_LOG_N: "12", PUBLIC_RATE_LIMIT: "1000000" };
  if (process.env.BENCH_DATABASE_URL) env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  runCli(["user:create", "--email", "bench@example.com", "--password", "bench password"], env);
  const token = runCli(["token:create", "--email", "bench@example.com", "--name", "bench"], env).stdout.trim();
  const server = await startServer(env);
  const echo = await startEcho();
  try {
    const api = async (method: string, path: string, body?: unknown) =>
      (await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      })).json() as Promise<any>;
    const input = screenerInput("Bench");
    input.quotas = [];
    const created = await api("POST", "/api/surveys", { definition: input });
    await api("POST", `/api/surveys/${created.survey.id}/publish`);
    const payload = (i: string) =>
      JSON.stringify({ survey: created.survey.slug, answers: { role: "me", tools: ["notion"], why: "x", email: `${i.slice(-12)}@example.com` }, complete: true });

    // A respondent opens the survey before saving: the view starts the server's save thread.
    await fetch(`${server.url}/api/public/surveys/${created.survey.slug}`).then((r) => r.arrayBuffer());
    const baseline = await run(`${echo.url}/echo/x`, connections, seconds, payload);
    const sieve = await run(`${server.url}/api/public/responses/x`, connections, seconds, payload);
    const acknowledged = sieve["2xx"];
    const stored = await api("GET", "/api/surveys").then((b) => b.surveys[0].responseCount as number);
    const errors = sieve.errors + sieve.non2xx + sieve.timeouts;
    if (errors > 0) console.error("public PUT errors", { errors: sieve.errors, non2xx: sieve.non2xx, timeouts: sieve.timeouts, statusCodes: sieve.statusCodeStats });
    return [
      { name: `bare Hono echo, ${connections} connections`, value: `${baseline.requests.average.toFixed(0)} req/s`, note: `p99 ${baseline.latency.p99} ms` },
      { name: `public PUT (complete), ${connections} connections, ${env.DATABASE_URL ? "Postgres" : "SQLite"}`, value: `${sieve.requests.average.toFixed(0)} req/s`, note: `p99 ${sieve.latency.p99} ms, errors ${errors}` },
      { name: "public PUT ÷ echo throughput", value: (sieve.requests.average / baseline.requests.average).toFixed(2), note: "target ≥ 0.5" },
      // Requests still in flight when autocannon stops are stored but not counted as acknowledged.
      { name: "responses stored / PUTs acknowledged", value: `${stored} / ${acknowledged}`, note: stored >= acknowledged ? "none lost" : "LOST RESPONSES" },
    ];
  } finally {
    echo.stop();
    await server.stop();
    removeDir(dataDir);
  }
}
