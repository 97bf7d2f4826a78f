import type { AddressInfo } from "node:net";
import { request, type Server } from "node:http";
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@sieve/server/app";
import { createTestApp, screenerInput, type TestApp } from "@sieve/server/testing";

/**
 * Live views are endless Server-Sent Events that poll the database. A stream nobody reads
 * any more — the client went away, or the request was a HEAD that never had a body to
 * read — must stop polling; otherwise every such request leaves a loop querying the
 * database forever, and anyone holding a shared results link can pile them up.
 * Polling is observed directly: every query the app makes is counted.
 */
describe("abandoned live streams stop polling the database", () => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  let queries = 0;
  let cookie: string;
  let surveyId: string;
  let linkToken: string;
  let server: ServerType;
  let base: string;

  const counter: Parameters<TestApp["db"]["withPlugin"]>[0] = {
    transformQuery: (args) => {
      queries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };

  /** Queries made during `ms` of quiet, after `settle` ms for in-flight work to finish. */
  const pollingOver = async (ms = 1000, settle = 400) => {
    await new Promise((r) => setTimeout(r, settle));
    const before = queries;
    await new Promise((r) => setTimeout(r, ms));
    return queries - before;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const owner = await t.setupOwner();
    cookie = owner.agent.cookie!;
    const survey = (await owner.agent.json("POST", "/api/surveys", { body: { definition: screenerInput("Live") } })).body.survey;
    await owner.agent.json("POST", `/api/surveys/${survey.id}/publish`);
    surveyId = survey.id;
    linkToken = String((await owner.agent.json("POST", `/api/surveys/${surveyId}/result-links`, { body: {} })).body.link.url).split("/r/")[1]!;
    // The same app, polling every 100 ms, on a database handle that counts queries.
    app = createApp({ ...t.deps, db: t.db.withPlugin(counter), config: { ...t.deps.config, livePollMs: 100 } });
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    (server as Server | undefined)?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    // Streams still polling (the bug this file is about) would hit a destroyed database and
    // log an error every 100 ms; the in-memory database goes away with the worker instead.
    if ((await pollingOver(300, 0)) === 0) await t?.cleanup();
  });

  const paths = () => [`/api/surveys/${surveyId}/live`, `/api/public/results/${linkToken}/live`];

  it("is quiet with no streams open", async () => {
    expect(await pollingOver()).toBe(0);
  });

  it("a stream polls while it is read (so the counting below means something)", async () => {
    const res = await app.request(paths()[0]!, { headers: { cookie } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    expect(await pollingOver(500, 0)).toBeGreaterThanOrEqual(3);
    await reader.cancel();
    expect(await pollingOver()).toBe(0);
  });

  it("GET streams whose reader cancels stop", async () => {
    for (let i = 0; i < 10; i++) {
      for (const path of paths()) {
        const res = await app.request(path, { headers: { cookie } });
        expect(res.status).toBe(200);
        await res.body!.cancel();
      }
    }
    expect(await pollingOver()).toBe(0);
  });

  it("a client that disconnects over real HTTP stops its stream", async () => {
    for (const path of paths()) {
      await new Promise<void>((resolve, reject) => {
        const req = request(`${base}${path}`, { headers: { cookie } }, (res) => {
          expect(res.statusCode).toBe(200);
          res.once("data", () => {
            req.destroy();
            resolve();
          });
        });
        req.on("error", (e) => ((e as { code?: string }).code === "ECONNRESET" ? resolve() : reject(e)));
        req.end();
      });
    }
    expect(await pollingOver()).toBe(0);
  });

  it("HEAD requests leave no stream polling (in-process and over HTTP)", async () => {
    for (let i = 0; i < 10; i++) {
      for (const path of paths()) {
        const res = await app.request(path, { method: "HEAD", headers: { cookie } });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
        const http = await fetch(`${base}${path}`, { method: "HEAD", headers: { cookie } });
        expect(http.status).toBe(200);
      }
    }
    expect(await pollingOver()).toBe(0);
  });
});
