import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getRequestListener } from "@hono/node-server";
import type { KyselyPlugin, RootOperationNode } from "kysely";
import { SurveyDefinitionSchema } from "@sieve/core";
import { createApp } from "../app.js";
import { createTestApp, type TestApp } from "../testing/create-test-app.js";

// The export's memory does not grow with its size or with a slow reader: the stream asks for
// a page only when the previous one has gone out. Counted in pages queried, not in time or bytes
// of RSS, so the test is deterministic. SQLite only: the behaviour is the route's, not the database's.
describe("streamed exports under a slow reader", () => {
  const RESPONSES = 6000; // 12 pages of 500, about 0.5 MB each
  let t: TestApp;
  let token: string;
  let surveyId: string;
  let pages: number;
  let server: Server;
  let dir: string;
  let outgoing: ServerResponse | null;
  let app: ReturnType<typeof createApp>;

  /** The export's page query: the only select that gathers each response's answers. */
  const isExportPage = (node: RootOperationNode) =>
    node.kind === "SelectQueryNode" && node.limit !== undefined && JSON.stringify(node.selections).includes('"name":"answers"');
  const countPages: KyselyPlugin = {
    transformQuery: ({ node }) => {
      if (isExportPage(node)) pages++;
      return node;
    },
    transformResult: async ({ result }) => result,
  };

  beforeEach(async () => {
    t = await createTestApp();
    const { agent } = await t.setupOwner();
    const definition = SurveyDefinitionSchema.parse({
      schemaVersion: 1,
      title: "Long answers",
      pages: [{ id: "p1", questions: [{ id: "story", type: "long_text", title: "Tell us everything" }] }],
    });
    surveyId = (await agent.json("POST", "/api/surveys", { body: { definition } })).body.survey.id;
    token = (await agent.json("POST", "/api/tokens", { body: { name: "export" } })).body.secret;
    for (let from = 0; from < RESPONSES; from += 500) {
      const ids = Array.from({ length: Math.min(500, RESPONSES - from) }, (_, k) => `00000000-0000-4000-8000-${String(from + k).padStart(12, "0")}`);
      await t.db
        .insertInto("responses")
        .values(ids.map((id, k) => ({
          id, survey_id: surveyId, version: 1, channel_id: null, status: "complete" as const, outcome: null, reason: null,
          segments: "[]", flags: "[]", meta: "{}", respondent_id: null, dedupe_hash: null,
          started_at: new Date(Date.UTC(2026, 10, 1, 0, 0, from + k)).toISOString(), updated_at: "2026-11-01T00:00:00.000Z",
          completed_at: null, duration_ms: null, body_hash: null, last_page: null,
        })))
        .execute();
      await t.db
        .insertInto("answers")
        .values(ids.map((id) => ({ response_id: id, survey_id: surveyId, question_id: "story", option_id: null, value_text: `${id} ${"x".repeat(960)}`, value_number: null })))
        .execute();
    }
    pages = 0;
    outgoing = null;
    // The real Node adapter over a Unix socket: its kernel buffer is small and fixed (no TCP autotuning).
    dir = mkdtempSync(join(tmpdir(), "sieve-export-"));
    app = createApp({ ...t.deps, db: t.db.withPlugin(countPages) });
    server = createServer(getRequestListener(app.fetch));
    server.on("request", (_req, res: ServerResponse) => (outgoing = res));
    await new Promise<void>((resolve) => server.listen(join(dir, "http.sock"), resolve));
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
    await t.cleanup();
  });

  const get = (path: string) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const req = request({ socketPath: join(dir, "http.sock"), path, headers: { authorization: `Bearer ${token}` } }, resolve);
      req.on("error", reject);
      req.end();
    });

  /** Resolves once `read()` has given the same answer `times` polls in a row. */
  const settled = async <T>(read: () => T, times = 10) => {
    let last = read();
    for (let same = 0; same < times; ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const now = read();
      same = now === last ? same + 1 : 0;
      last = now;
    }
    return last;
  };

  it("stops querying pages while the client reads nothing, then completes", async () => {
    const res = await get(`/api/surveys/${surveyId}/export.csv`);
    expect(res.statusCode).toBe(200);
    // The client reads nothing: its socket fills, then the kernel's, then the server waits for drain.
    await settled(() => `${pages} ${outgoing?.writableNeedDrain}`);
    expect(outgoing!.writableNeedDrain).toBe(true);
    const stalled = { pages, buffered: outgoing!.writableLength };

    let text = "";
    res.setEncoding("utf8");
    for await (const chunk of res) text += chunk;
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(RESPONSES + 1);
    expect(lines.at(-1)).toMatch(new RegExp(`^00000000-0000-4000-8000-${String(RESPONSES - 1).padStart(12, "0")},`));
    // Stalled, the server had queried a few of the thirteen pages and held a few in the response's
    // buffers — a bound that does not grow with the export (margins allow for socket buffer sizes): a page is queried only once the socket has drained the previous
    // one's chunks (the Node adapter writes the first chunks without waiting, looking for a body
    // short enough for a Content-Length).
    const pageBytes = text.length / (RESPONSES / 500);
    expect(stalled.pages).toBeLessThanOrEqual(5);
    expect(stalled.buffered).toBeLessThan(5 * pageBytes);
    expect(pages).toBe(Math.ceil((RESPONSES + 1) / 500));
  }, 30_000);

  it("queries the next page only once the reader has taken the previous one", async () => {
    const res = await app.request(`/api/surveys/${surveyId}/export.json`, { headers: { authorization: `Bearer ${token}` } });
    const reader = res.body!.getReader();
    const settle = () => new Promise((resolve) => setImmediate(resolve)); // SQLite queries resolve in microtasks
    await settle();
    expect(pages).toBe(0); // the head is queued; nobody asked for more
    await reader.read();
    await settle();
    expect(pages).toBe(1);
    // A page goes out in several chunks; the next page is queried only after its last one.
    let chunks = 0;
    while (pages === 1) {
      await reader.read();
      await settle();
      chunks++;
    }
    expect(chunks).toBeGreaterThan(1);
    expect(pages).toBe(2);
    await reader.cancel();
  });
});
