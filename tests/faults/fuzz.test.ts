import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import fc from "fast-check";
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, screenerInput, TEST_ORIGIN, testDialects } from "@sieve/server/testing";
import { exampleFromSchema, paramKeys, routesFromOpenApi, type DocumentedRoute } from "../support/openapi-routes.js";
import { BODY_EXAMPLES, PARAM_FIXTURES, createWorld, type World } from "../support/security-world.js";
import { caseArb, looseEncode, type FuzzCase } from "../support/fuzz-arbitraries.js";
import { httpRequest, rawExchange } from "../support/http-raw.js";
import { repoRoot } from "../support/server-process.js";

/**
 * Every route in /api/openapi.json gets fast-check-generated hostile requests — malformed,
 * mistyped, oversized, deeply nested and prototype-polluting bodies built from the route's
 * valid example, odd path parameters (real ids too), query strings, headers, content types
 * and credentials — through `app.request()` on an in-memory SQLite app (≥ 10 000 cases in
 * CI), on Postgres too when TEST_DATABASE_URL is set (≥ 5 000: Postgres refuses what SQLite
 * stores — NUL in text, integers past 32 bits — so its 500s differ), then a sample over real
 * HTTP plus raw malformed HTTP. The properties: never a 5xx, never a crash, and every 4xx
 * on /api is `{ error: { code, message } }`. FULL=1 runs 100 000 cases on each database;
 * FUZZ_CASES and FUZZ_PG_CASES set the counts.
 *
 * Problems are collected rather than shrunk, so one run lists every distinct failure
 * (route, method, status, code) with a reproducing case; FUZZ_SEED replays a run.
 */

const FULL = process.env.FULL === "1";
const TOTAL = Number(process.env.FUZZ_CASES ?? (FULL ? 100_000 : 10_000));
/** Postgres rejects what SQLite stores (NUL bytes, out-of-range integers…): fewer cases, same properties. */
const PG_TOTAL = Number(process.env.FUZZ_PG_CASES ?? (FULL ? 100_000 : 5_000));
const HTTP_TOTAL = FULL ? 5_000 : 800;
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

const documentApp = await createTestApp();
const routes = routesFromOpenApi(await (await documentApp.app.request("/api/openapi.json")).json());
await documentApp.cleanup();
const perRouteHttp = Math.max(5, Math.ceil(HTTP_TOTAL / routes.length));

/** In-process runs: SQLite always, Postgres too when TEST_DATABASE_URL is set (its own seeds, so its cases differ). */
const inProcess = testDialects.map((dialect) => {
  const total = dialect === "sqlite" ? TOTAL : PG_TOTAL;
  return { dialect, total, perRoute: Math.ceil(total / routes.length), seedOffset: dialect === "sqlite" ? 0 : 2000 };
});

/** Web routes (pages, tracked links, the card image, assets) with hostile path segments: never a 5xx, never a file outside assets. */
async function hostileWebPaths(get: (path: string) => Promise<Response>): Promise<string[]> {
  const hostile = [
    "%E0%A4%A", "%ff", "%", "..%2f..%2fpackage.json", "%2e%2e%2f%2e%2e%2fpackage.json", "..%5c..%5cpackage.json",
    "%00", "a%00b", "%ED%A0%80", "%C0%80", "a".repeat(3000), "%C3%A9".repeat(1500), "😀", "x.js.map", "2147483648",
  ];
  const templates = ["/assets/{x}", "/assets/{x}.js", "/s/{x}", "/s/{x}/card.png", "/c/{x}", "/r/{x}", "/join/{x}", "/setup/{x}", "/app/{x}", "/{x}", "/api/{x}", "/u/{x}"];
  const problems: string[] = [];
  for (const t of templates) {
    for (const x of hostile) {
      const path = t.replace("{x}", x);
      const res = await get(path);
      const body = await res.text();
      if (res.status >= 500) problems.push(`GET ${path.slice(0, 80)} → ${res.status} ${body.slice(0, 100)}`);
      if (path.startsWith("/assets/") && body.includes('"name": "sieve"')) problems.push(`GET ${path} served a file outside assets`);
    }
  }
  return problems;
}

type Outcome = { status: number; text: string; path: string; setCookie: string | null };
type Executor = (url: string, init: RequestInit) => Promise<Response>;

class Sessions {
  private cookies = new Map<"owner" | "viewer", string>();
  constructor(private world: World) {}
  async get(role: "owner" | "viewer") {
    let c = this.cookies.get(role);
    if (!c) {
      c = (await this.world.signIn(role)).cookie!;
      this.cookies.set(role, c);
    }
    return c;
  }
  reset() {
    this.cookies.clear();
  }
}

async function prepare(world: World, route: DocumentedRoute) {
  const f = world.fixtures();
  const values: Record<string, string> = {};
  for (const { name, key } of paramKeys(route.path)) {
    const fixture = PARAM_FIXTURES[key];
    if (!fixture) throw new Error(`${route.key}: no fixture for ${key} (tests/support/security-world.ts)`);
    values[name] = await fixture.value(f, "owner", false);
  }
  const example = route.body ? (BODY_EXAMPLES[route.key] ? (await BODY_EXAMPLES[route.key]!(f, world)).body : exampleFromSchema(route.body)) : undefined;
  return { values, example };
}

async function buildRequest(route: DocumentedRoute, c: FuzzCase, values: Record<string, string>, sessions: Sessions, world: World, origin: string) {
  let i = 0;
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const choice = c.params[i++]!;
    if (choice.kind === "real") return encodeURIComponent(values[name]!);
    return choice.encode ? looseEncode(choice.value) : choice.value;
  });
  const url = c.query ? `${path}?${c.query}` : path;
  const headers = new Headers();
  for (const [k, v] of c.headers) headers.set(k, v);
  switch (c.auth) {
    case "owner":
    case "viewer":
      headers.set("cookie", await sessions.get(c.auth));
      headers.delete("authorization");
      break;
    case "owner-token":
      headers.set("authorization", `Bearer ${world.bearer("owner")}`);
      break;
    case "garbage-cookie":
      headers.set("cookie", `sieve_session=${crypto.randomUUID()}`);
      break;
    case "garbage-token":
      headers.set("authorization", "Bearer sieve_0000000000000000000000000000000000000000");
      break;
    case "anonymous":
      break;
  }
  const hasBody = !["GET", "HEAD"].includes(c.method) && c.body !== undefined;
  if (!["GET", "HEAD", "OPTIONS"].includes(c.method) && c.sameOrigin) {
    headers.set("origin", origin);
    headers.set("sec-fetch-site", "same-origin");
  }
  if (hasBody && c.contentType) headers.set("content-type", c.contentType);
  const init: RequestInit = { method: c.method, headers, body: hasBody ? c.body : undefined, redirect: "manual" };
  return { url, init };
}

async function execute(exec: Executor, url: string, init: RequestInit): Promise<Outcome> {
  const res = await exec(url, init);
  const type = res.headers.get("content-type") ?? "";
  let text = "";
  if (type.includes("text/event-stream")) await res.body?.cancel();
  else text = await res.text();
  return { status: res.status, text, path: url.split("?")[0]!, setCookie: res.headers.get("set-cookie") };
}

class Problems {
  private byKey = new Map<string, { count: number; example: string }>();
  add(key: string, example: string) {
    const p = this.byKey.get(key);
    if (p) p.count++;
    else this.byKey.set(key, { count: 1, example });
  }
  list() {
    return [...this.byKey].map(([key, p]) => `${key} ×${p.count}\n    e.g. ${p.example}`);
  }
}

function judge(route: DocumentedRoute, c: FuzzCase, url: string, out: Outcome | Error, problems: Problems) {
  const show = () => `${c.method} ${url.slice(0, 200)} auth=${c.auth} ct=${JSON.stringify(c.contentType)} body=${JSON.stringify((c.body ?? "").slice(0, 200))} headers=${JSON.stringify(c.headers).slice(0, 200)}`;
  if (out instanceof Error) {
    const cause = (out as { cause?: { code?: string; message?: string } }).cause;
    problems.add(`${route.key}: the app threw ${out.name}: ${out.message.slice(0, 80)}${cause ? ` (${cause.code ?? ""} ${cause.message ?? ""})` : ""}`, show());
    return;
  }
  let code = "";
  try {
    code = String((JSON.parse(out.text) as { error?: { code?: string } }).error?.code ?? "");
  } catch {
    // not JSON
  }
  if (out.status >= 500) problems.add(`${route.key}: ${c.method} → ${out.status} ${code}`, `${show()} → ${out.text.slice(0, 200)}`);
  let finalPath = out.path;
  try {
    finalPath = new URL(out.path, "http://x").pathname;
  } catch {
    // keep the raw path
  }
  if (out.status >= 400 && out.status < 500 && c.method !== "HEAD" && finalPath.startsWith("/api/")) {
    let ok = false;
    try {
      const body = JSON.parse(out.text) as { error?: { code?: unknown; message?: unknown } };
      ok = typeof body.error?.code === "string" && typeof body.error.message === "string";
    } catch {
      ok = false;
    }
    if (!ok) problems.add(`${route.key}: ${c.method} → ${out.status} without { error: { code, message } }`, `${show()} → ${out.text.slice(0, 200)}`);
  }
}

async function fuzzRoute(world: World, sessions: Sessions, route: DocumentedRoute, exec: Executor, origin: string, runs: number, seed: number) {
  sessions.reset();
  const { values, example } = await prepare(world, route);
  const problems = new Problems();
  // HEAD on a live view is its own test (faults/live-streams.test.ts): it would leave streams polling here.
  const allowHead = !route.path.endsWith("/live");
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(caseArb(route, example, { allowHead }), async (c) => {
      cases++;
      let req: { url: string; init: RequestInit };
      try {
        req = await buildRequest(route, c, values, sessions, world, origin);
      } catch {
        return true; // a request no client can build (fetch refuses it) is not the server's problem
      }
      let out: Outcome | Error;
      try {
        out = await execute(exec, req.url, req.init);
      } catch (e) {
        out = e instanceof Error ? e : new Error(String(e));
        // Requests the client library refuses to build or send are not the server's doing.
        const code = (out as { code?: string }).code ?? "";
        if (/^ERR_(INVALID_CHAR|INVALID_HTTP_TOKEN|UNESCAPED_CHARACTERS|HTTP_INVALID_HEADER_VALUE|INVALID_ARG|NODE_HEADER_LIMIT)/.test(code)) return true;
        if (out.name === "TypeError" && /Request|Headers|URL|body/.test(out.message) && !(out as { cause?: unknown }).cause) return true;
      }
      judge(route, c, req.url, out, problems);
      // A sign-in, sign-out or invite acceptance replaced the session: sign in again for the next case.
      if (!(out instanceof Error) && (out.setCookie?.includes("sieve_session=") || out.status === 401)) sessions.reset();
      return true;
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  return { problems: problems.list(), cases };
}

describe.each(inProcess.map((run) => [run.dialect, run] as const))("fuzzing every documented route on %s", (dialect, { total: target, perRoute, seedOffset }) => {
  let world: World;
  let sessions: Sessions;
  let total = 0;

  beforeAll(async () => {
    world = await createWorld(await createTestApp({ dialect, config: { publicRateLimit: 1_000_000 }, webDist: join(repoRoot, "web", "dist") }));
    sessions = new Sessions(world);
  });
  afterAll(async () => world?.t.cleanup());

  it.each(routes.map((r, i) => [r.key, r, i] as const))(`%s (seed ${SEED}, ${perRoute} cases)`, async (_key, route, index) => {
    const exec: Executor = async (url, init) => world.t.app.request(`${TEST_ORIGIN}${url}`, init);
    const { problems, cases } = await fuzzRoute(world, sessions, route, exec, TEST_ORIGIN, perRoute, SEED + seedOffset + index);
    total += cases;
    expect(problems, `${dialect}, seed ${SEED + seedOffset + index}`).toEqual([]);
  });

  it("the web routes with hostile paths", async () => {
    expect(await hostileWebPaths(async (path) => world.t.app.request(`${TEST_ORIGIN}${path}`, { redirect: "manual" }))).toEqual([]);
  });

  it(`ran at least ${target} cases, polluted no prototype, and the app still answers`, async () => {
    expect(total).toBeGreaterThanOrEqual(target);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await world.t.app.request("/healthz")).status).toBe(200);
    const owner = await world.signIn("owner");
    expect((await owner.json("GET", "/api/surveys")).status).toBe(200);
  });
});

describe(`fuzzing over real HTTP (seed ${SEED}, ${perRouteHttp} cases per route)`, () => {
  let world: World;
  let sessions: Sessions;
  let server: ServerType;
  let base: string;
  let port: number;

  beforeAll(async () => {
    world = await createWorld(await createTestApp({ config: { publicRateLimit: 1_000_000 }, webDist: join(repoRoot, "web", "dist") }));
    sessions = new Sessions(world);
    server = serve({ fetch: world.t.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => server.once("listening", r));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    (server as Server | undefined)?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await world?.t.cleanup();
  });

  it("every documented route", async () => {
    // node:http, one connection per request: a request must not fail because of the one before it
    // (after an early 4xx the server drops a connection whose large body it did not read).
    const exec: Executor = async (url, init) => {
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((v, k) => (headers[k] = v));
      const r = await httpRequest(new URL(url, base).href, { method: init.method, headers, body: init.body as string | undefined });
      // Node's HTTP parser answers a request line + headers over its 16 KiB limit itself, before the app.
      if (r.status === 431 && r.text === "") throw Object.assign(new Error("headers over Node's limit"), { code: "ERR_NODE_HEADER_LIMIT" });
      const out = new Headers();
      for (const [k, v] of Object.entries(r.headers)) if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(", ") : v);
      const empty = [204, 205, 304].includes(r.status) || init.method === "HEAD";
      return new Response(empty ? null : r.text, { status: r.status, headers: out });
    };
    const all: string[] = [];
    for (const [i, route] of routes.entries()) {
      const { problems } = await fuzzRoute(world, sessions, route, exec, base, perRouteHttp, SEED + 1000 + i);
      all.push(...problems);
    }
    expect(all, `seed ${SEED}`).toEqual([]);
  });

  it("the web routes with hostile paths", async () => {
    expect(await hostileWebPaths((path) => fetch(base + path, { redirect: "manual" }))).toEqual([]);
  });

  it("malformed HTTP never reaches a 5xx or takes the server down", async () => {
    const host = `Host: 127.0.0.1:${port}\r\n`;
    const requests = [
      "GARBAGE\r\n\r\n",
      "GET / HTTP/1.1\r\n\r\n",
      `GET /healthz HTTP/9.9\r\n${host}\r\n`,
      `GET /healthz HTTP/1.1\r\n${host}X-Bad: a\u0001b\r\n\r\n`,
      `GET /healthz HTTP/1.1\r\n${host}Bad Header: x\r\n\r\n`,
      `GET /healthz HTTP/1.1\r\n${host}X-Folded: a\r\n b\r\n\r\n`,
      `POST /api/auth/login HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
      `POST /api/auth/login HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      `POST /api/auth/login HTTP/1.1\r\n${host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
      `POST /api/auth/login HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: -5\r\n\r\n`,
      `POST /api/auth/login HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":`,
      `GET /healthz HTTP/1.1\r\n${host}X-Big: ${"a".repeat(80 * 1024)}\r\n\r\n`,
      `GET /healthz HTTP/1.1\r\n${host}${Array.from({ length: 3000 }, (_, i) => `X-H${i}: v`).join("\r\n")}\r\n\r\n`,
      `GET /api/%ff%fe HTTP/1.1\r\n${host}\r\n`,
      `GET /assets/%E0%A4%A HTTP/1.1\r\n${host}\r\n`,
      `GET http://evil.example/api/setup HTTP/1.1\r\n${host}\r\n`,
      `OPTIONS * HTTP/1.1\r\n${host}\r\n`,
      `CONNECT 127.0.0.1:${port} HTTP/1.1\r\n${host}\r\n`,
      `GET /api/surveys HTTP/1.1\r\n${host}Authorization: Bearer \u00ff\u00fe\r\n\r\n`,
      `PUT /api/public/responses/${crypto.randomUUID()} HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\n\u001f\u008b\u0008\u0000`,
      `GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n`,
      `\r\n\r\nGET /healthz HTTP/1.1\r\n${host}\r\n`,
    ];
    const problems: string[] = [];
    for (const raw of requests) {
      const reply = await rawExchange("127.0.0.1", port, Buffer.from(raw, "latin1"), 800);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1];
      if (status && Number(status) >= 500) problems.push(`${JSON.stringify(raw.slice(0, 80))} → ${reply.slice(0, 120)}`);
      const health = await fetch(`${base}/healthz`);
      if (health.status !== 200) problems.push(`after ${JSON.stringify(raw.slice(0, 60))}: /healthz answered ${health.status}`);
    }
    expect(problems).toEqual([]);
  });
});

describe("hostile inputs the fuzzer found (kept as fixed cases)", () => {
  it("a survey definition nested thousands deep is a 400, not a 500", async () => {
    const t = await createTestApp();
    try {
      const { agent } = await t.setupOwner();
      const survey = (await agent.json("POST", "/api/surveys", { body: { title: "Deep" } })).body.survey;
      const definition = JSON.stringify(screenerInput("Deep"));
      for (const depth of [1_000, 5_000]) {
        const deep = '{"op":"or","conditions":['.repeat(depth) + "]}".repeat(depth);
        const withDeep = definition.replace(/\}$/, `,"segments":[{"id":"s","name":"S","color":"#2563eb","when":${deep}}]}`);
        for (const [method, path, body] of [
          ["PUT", `/api/surveys/${survey.id}/definition`, `{"revision":${survey.revision},"definition":${withDeep}}`],
          ["POST", "/api/surveys", `{"definition":${withDeep}}`],
        ] as const) {
          const res = await agent.request(method, path, { rawBody: body, headers: { "content-type": "application/json" } });
          const text = await res.text();
          expect(res.status, `${method} ${path} depth ${depth}: ${text.slice(0, 120)}`).toBeLessThan(500);
          expect(res.status).toBe(400);
        }
      }
    } finally {
      await t.cleanup();
    }
  });

  it("a malformed percent-escape in an asset path is a 404, not a 500", async () => {
    const t = await createTestApp({ webDist: join(repoRoot, "web", "dist") });
    try {
      for (const path of ["/assets/%E0%A4%A", "/assets/%ff.js", "/assets/%"]) {
        const res = await t.app.request(path);
        expect(res.status, path).toBe(404);
      }
    } finally {
      await t.cleanup();
    }
  });
});
