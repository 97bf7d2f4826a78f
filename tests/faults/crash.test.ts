import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type ServerProcess } from "../support/server-process.js";
import { startInstance, type LiveInstance } from "../support/live-instance.js";
import { ANSWER_ROWS, completeBody, partialBody, publishLoadSurvey, sqliteStore } from "../support/public-load.js";

/**
 * kill -9 under load: the real server process on SQLite takes public saves from 32
 * concurrent respondents (half save page 1 first, then complete) and is killed with
 * SIGKILL at a random moment, restarted on the same DATA_DIR, loaded and killed again.
 * Afterwards, read straight from the file: every save that was acknowledged is there, no
 * response is half-written (its answer rows match its status exactly), no answer row is
 * orphaned, and SQLite's integrity and foreign-key checks pass.
 */

const FULL = process.env.FULL === "1";
const CYCLES = FULL ? 6 : 3;
/** Load per cycle before the kill, in ms: random in [min, max]. ≤ 20 s in all in CI. */
const LOAD_MS = FULL ? [3_000, 10_000] : [1_500, 5_000];
const WORKERS = 32;

type Acks = { partial: Set<string>; complete: Set<string>; failed: number };

/** Respondents hammering the server until `stop()`; each save that got a 200 is recorded. */
function respondents(url: string, slug: string, acks: Acks) {
  let running = true;
  const put = async (id: string, body: string) => {
    const res = await fetch(`${url}/api/public/responses/${id}`, {
      method: "PUT",
      headers: { "content-type": "application/json", origin: url, "sec-fetch-site": "same-origin" },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  };
  const worker = async (w: number) => {
    for (let i = 0; running; i++) {
      const id = randomUUID();
      try {
        if ((w + i) % 2 === 0) {
          if ((await put(id, partialBody(slug))) !== 200) throw new Error("partial not acknowledged");
          acks.partial.add(id);
        }
        const status = await put(id, completeBody(slug, id));
        if (status === 200) acks.complete.add(id);
        else throw new Error(`complete answered ${status}`);
      } catch {
        acks.failed++;
        // The server is gone (being killed or restarting): back off a little.
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const all = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  return {
    async stop() {
      running = false;
      await all;
    },
  };
}

describe("kill -9 mid-load on SQLite", () => {
  let live: LiveInstance;
  let server: ServerProcess | null = null;
  const acks: Acks = { partial: new Set(), complete: new Set(), failed: 0 };
  const cycles: string[] = [];

  beforeAll(async () => {
    live = await startInstance({ PUBLIC_RATE_LIMIT: "1000000" });
    server = live.server;
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    await live?.dispose();
  });

  it(`acknowledged saves survive ${CYCLES} kill -9 cycles; nothing is half-written; the file is intact`, async () => {
    const { slug } = await publishLoadSurvey(live);
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      if (!server) server = await startServer(live.env, { direct: true });
      const before = acks.complete.size;
      const load = respondents(server.url, slug, acks);
      const ms = LOAD_MS[0]! + Math.random() * (LOAD_MS[1]! - LOAD_MS[0]!);
      await new Promise((r) => setTimeout(r, ms));
      const pid = server.pid!;
      const code = await server.stop("SIGKILL");
      server = null;
      // The server itself died, not just a wrapper around it.
      expect(() => process.kill(pid, 0)).toThrow();
      await load.stop();
      cycles.push(`cycle ${cycle + 1}: ${Math.round(ms)} ms of load, ${acks.complete.size - before} completes acknowledged, exit ${code}`);
    }
    console.log(`${cycles.join("\n")}\nacknowledged: ${acks.partial.size} partial saves, ${acks.complete.size} completes; ${acks.failed} requests cut off by the kills`);
    expect(acks.complete.size).toBeGreaterThan(50);

    // The dead server's file, as it is: opening it replays the WAL like the next start would.
    const store = sqliteStore(live.dataDir);
    try {
      expect(store.integrity()).toEqual(["ok"]);
      expect(store.foreignKeyProblems()).toEqual([]);
      expect(await store.orphanAnswers()).toBe(0);
      const all = await store.responses();
      const byId = new Map(all.map((r) => [r.id, r]));
      const lostCompletes = [...acks.complete].filter((id) => byId.get(id)?.status !== "complete");
      const lostPartials = [...acks.partial].filter((id) => !byId.has(id));
      expect(lostCompletes, "acknowledged completes missing").toEqual([]);
      expect(lostPartials, "acknowledged partial saves missing").toEqual([]);
      const halfWritten = all.filter((r) => r.answers !== ANSWER_ROWS[r.status as keyof typeof ANSWER_ROWS]);
      expect(halfWritten, "responses whose answer rows do not match their status").toEqual([]);
    } finally {
      await store.close();
    }

    // And it starts again and serves the same data.
    server = await startServer(live.env, { direct: true });
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const list = await fetch(`${server.url}/api/surveys`, { headers: { authorization: `Bearer ${live.token}` } });
    const surveys = (await list.json()) as { surveys: { slug: string; responseCount: number }[] };
    expect(surveys.surveys.find((s) => s.slug === slug)!.responseCount).toBeGreaterThanOrEqual(acks.complete.size);
  });
});
