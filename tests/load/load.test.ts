import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInstance, type LiveInstance } from "../support/live-instance.js";
import { ANSWER_ROWS, completeBody, freshPostgresDatabase, postgresStore, publishLoadSurvey, sqliteStore, type Store } from "../support/public-load.js";

/**
 * Public saves under load on the real server process: autocannon at 100 and 200
 * connections (3 s each in CI, 20 s with FULL=1), every request a new respondent completing
 * the screener. No errors, timeouts or non-2xx answers, and every acknowledged response is
 * in the database with all its answer rows — on SQLite, and on Postgres (a database of its
 * own, dropped afterwards) when TEST_DATABASE_URL is set.
 */

const FULL = process.env.FULL === "1";
const SECONDS = FULL ? 20 : 3;
const CONNECTIONS = [100, 200];

type Target = { name: "sqlite" | "postgres" };
const targets: Target[] = [{ name: "sqlite" }, ...(process.env.TEST_DATABASE_URL ? [{ name: "postgres" as const }] : [])];

describe.each(targets)("public PUT under load on $name", ({ name }) => {
  let live: LiveInstance;
  let slug: string;
  let store: () => Store;
  let dropDatabase: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    const env: Record<string, string> = { PUBLIC_RATE_LIMIT: "1000000" };
    if (name === "postgres") {
      const db = await freshPostgresDatabase(process.env.TEST_DATABASE_URL!);
      env.DATABASE_URL = db.url;
      dropDatabase = db.drop;
      store = () => postgresStore(db.url);
    }
    live = await startInstance(env);
    if (name === "sqlite") store = () => sqliteStore(live.dataDir);
    slug = (await publishLoadSurvey(live)).slug;
    // Respondents open the survey before they save; on SQLite that view starts the server's save thread.
    await fetch(`${live.url}/api/public/surveys/${slug}`).then((r) => r.arrayBuffer());
  });
  afterAll(async () => {
    await live?.dispose();
    await dropDatabase?.();
  });

  it.each(CONNECTIONS)(`%i connections for ${SECONDS} s: no errors, nothing acknowledged is lost`, async (connections) => {
    const acknowledged = new Set<string>();
    const statuses = new Map<number, number>();
    const result = await autocannon({
      url: `${live.url}/api/public/responses/x`,
      connections,
      duration: SECONDS,
      timeout: 10,
      requests: [
        {
          method: "PUT",
          // Each connection has one request in flight, so its context names the id of the answer that comes next.
          setupRequest: (req, context) => {
            const id = randomUUID();
            (context as { id?: string }).id = id;
            return {
              ...req,
              path: `/api/public/responses/${id}`,
              body: completeBody(slug, id),
              headers: { "content-type": "application/json", origin: live.url, "sec-fetch-site": "same-origin" },
            };
          },
          onResponse: (status, _body, context) => {
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (status >= 200 && status < 300) acknowledged.add((context as { id: string }).id);
          },
        },
      ],
    });
    const summary = `${name}, ${connections} connections: ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms, ${result["2xx"]} × 2xx, statuses ${JSON.stringify(Object.fromEntries(statuses))}, errors ${result.errors}, timeouts ${result.timeouts}`;
    console.log(summary);
    expect(result.errors, summary).toBe(0);
    expect(result.timeouts, summary).toBe(0);
    expect(result.non2xx, summary).toBe(0);
    expect(acknowledged.size, summary).toBe(result["2xx"]);
    expect(acknowledged.size, summary).toBeGreaterThan(20);

    const s = store();
    try {
      const stored = await s.responses([...acknowledged]);
      const found = new Map(stored.map((r) => [r.id, r]));
      const lost = [...acknowledged].filter((id) => found.get(id)?.status !== "complete");
      expect(lost, "acknowledged but not stored as complete").toEqual([]);
      expect(stored.filter((r) => r.answers !== ANSWER_ROWS.complete), "stored without all their answers").toEqual([]);
      expect(await s.orphanAnswers()).toBe(0);
    } finally {
      await s.close();
    }
  });
});
