import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testDialects, type Agent } from "@sieve/server/testing";
import { fillPath, paramKeys, routesFromOpenApi, exampleFromSchema, type Access, type DocumentedRoute } from "../support/openapi-routes.js";
import {
  BODY_EXAMPLES,
  CALLERS,
  PARAM_FIXTURES,
  createWorld,
  type Caller,
  type Fixtures,
  type World,
} from "../support/security-world.js";

/**
 * Every route in /api/openapi.json × anonymous / viewer / editor / owner / another
 * workspace's owner, through a browser session and through an API token:
 * - public routes answer anyone (not 401/403/404);
 * - other routes answer 401 to the anonymous;
 * - a role below the route's `x-sieve-access` gets 403;
 * - another workspace's owner naming this workspace's objects gets 404 (and, on routes
 *   without such objects, a body that mentions none of them);
 * - at or above the access level, never 401/403/404.
 * Path parameters are real ids made fresh for each call (support/security-world.ts).
 */

// The route list is read from the served document at collection time, so each route is its own test.
const documentApp = await createTestApp();
const openApi = (await (await documentApp.app.request("/api/openapi.json")).json()) as unknown;
const appRoutes = documentApp.app.routes;
await documentApp.cleanup();
const routes = routesFromOpenApi(openApi);

const RANK: Record<Access, number> = { public: 0, user: 0, viewer: 1, editor: 2, owner: 3 };
const CALLER_RANK: Record<Caller, number> = { anonymous: -1, viewer: 1, editor: 2, owner: 3, outsider: 3 };

type Expected = 401 | 403 | 404 | "allowed";
type Mode = "session" | "bearer";

function expectation(route: DocumentedRoute, caller: Caller, namesHomeObject: boolean): Expected {
  if (route.access === "public") return "allowed";
  if (caller === "anonymous") return 401;
  if (caller === "outsider") return namesHomeObject ? 404 : "allowed";
  return CALLER_RANK[caller] < RANK[route.access] ? 403 : "allowed";
}

async function bodyText(res: Response): Promise<string> {
  // Live views are endless Server-Sent Events: the status is the answer; cancelling stops the stream.
  if ((res.headers.get("content-type") ?? "").includes("text/event-stream")) {
    await res.body?.cancel();
    return "";
  }
  return res.text();
}

type Call = { status: number; text: string; namesHomeObject: boolean; url: string };

async function callRoute(
  world: World,
  route: DocumentedRoute,
  caller: Caller,
  mode: Mode,
  extra: { headers?: Record<string, string>; token?: string } = {},
): Promise<Call> {
  const f: Fixtures = world.fixtures();
  const cross = caller === "outsider";
  const values: Record<string, string> = {};
  let namesHomeObject = false;
  for (const { name, key } of paramKeys(route.path)) {
    const fixture = PARAM_FIXTURES[key];
    if (!fixture) throw new Error(`${route.key}: no fixture for path parameter ${key}; add one to PARAM_FIXTURES in tests/support/security-world.ts`);
    values[name] = await fixture.value(f, caller, cross);
    namesHomeObject ||= fixture.scoped;
  }
  let body: unknown;
  if (route.body) {
    const example = BODY_EXAMPLES[route.key];
    const made = example ? await example(f, world) : { body: exampleFromSchema(route.body) };
    body = made.body;
    namesHomeObject ||= made.scoped === true;
  }
  let agent: Agent;
  let token: string | undefined = extra.token;
  if (mode === "session" || caller === "anonymous") agent = await world.signIn(caller);
  else {
    agent = world.t.agent();
    token ??= world.bearer(caller);
  }
  const url = fillPath(route.path, values);
  const res = await agent.request(route.method, url, { body, token, headers: extra.headers });
  return { status: res.status, text: await bodyText(res), namesHomeObject, url };
}

function errorShapeProblem(call: Call): string | null {
  if (call.status < 400) return null;
  try {
    const parsed = JSON.parse(call.text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code === "string" && typeof parsed.error.message === "string") return null;
  } catch {
    // fall through
  }
  return `error body is not { error: { code, message } }: ${call.text.slice(0, 200)}`;
}

describe("the route list", () => {
  it("comes from the OpenAPI document and covers every API route the app serves", () => {
    expect(routes.length).toBeGreaterThan(40);
    const documented = new Set(routes.map((r) => r.key));
    const served = appRoutes
      .filter((r) => r.method !== "ALL" && (r.path.startsWith("/api/") || r.path === "/healthz"))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
  });

  it("refuses an x-sieve-access value it does not know", () => {
    const doc = (access: unknown) => ({ paths: { "/api/x": { get: { "x-sieve-access": access } } } });
    expect(() => routesFromOpenApi(doc("admin"))).toThrow(/x-sieve-access "admin"/);
    expect(() => routesFromOpenApi(doc(undefined))).toThrow(/x-sieve-access/);
    expect(routesFromOpenApi(doc("editor"))[0]!.access).toBe("editor");
  });

  it("has a fixture for every path parameter", () => {
    const missing = routes.flatMap((r) => paramKeys(r.path).filter((p) => !PARAM_FIXTURES[p.key]).map((p) => `${r.key}: ${p.key}`));
    expect(missing).toEqual([]);
  });
});

describe.each(testDialects)("authorization matrix on %s", (dialect) => {
  let world: World;
  const summary: string[] = [];

  beforeAll(async () => {
    const t = await createTestApp({ dialect, config: { publicRateLimit: 1_000_000 } });
    world = await createWorld(t);
  });
  afterAll(async () => {
    if (process.env.MATRIX_SUMMARY) console.log(summary.join("\n"));
    await world?.t.cleanup();
  });

  it.each(routes.map((r) => [r.key, r] as const))("%s", async (_key, route) => {
    const failures: string[] = [];
    const seen: string[] = [];
    const check = (label: string, call: Call, expected: Expected, leakCheck: boolean) => {
      seen.push(`${label}=${call.status}`);
      const wrong =
        expected === "allowed" ? [401, 403, 404].includes(call.status) || call.status >= 500 : call.status !== expected;
      if (wrong) failures.push(`${label}: expected ${expected}, got ${call.status} ${call.text.slice(0, 160)}`);
      const shape = errorShapeProblem(call);
      if (shape && route.path.startsWith("/api/")) failures.push(`${label}: ${shape}`);
      if (leakCheck) {
        const leaked = world.homeSecrets.filter((s) => call.text.includes(s));
        if (leaked.length > 0) failures.push(`${label}: response mentions the home workspace's ${leaked.join(", ")}`);
      }
    };

    for (const mode of ["session", "bearer"] as const) {
      for (const caller of CALLERS) {
        if (mode === "bearer" && caller === "anonymous") continue;
        const call = await callRoute(world, route, caller, mode);
        check(`${caller}/${mode}`, call, expectation(route, caller, call.namesHomeObject), caller === "outsider" || caller === "anonymous");
      }
      if (route.access !== "public") {
        // Naming the home workspace explicitly does not get an outsider in either.
        const call = await callRoute(world, route, "outsider", mode, { headers: { "x-sieve-workspace": world.homeWorkspaceId } });
        check(`outsider+X-Sieve-Workspace/${mode}`, call, 404, true);
      }
    }
    if (route.access !== "public") {
      const forged = await callRoute(world, route, "anonymous", "bearer", { token: "sieve_forged0000000000000000000000000000" });
      check("forged-token", forged, 401, true);
    }
    summary.push(`${dialect} ${route.key} [${route.access}] ${seen.join(" ")}`);
    expect(failures).toEqual([]);
  });

  it("a member cannot revoke another member's API token", async () => {
    const f = world.fixtures();
    const ownersToken = await f.tokenOf("owner");
    for (const caller of ["viewer", "editor"] as const) {
      const agent = await world.signIn(caller);
      expect((await agent.request("DELETE", `/api/tokens/${ownersToken}`)).status).toBe(404);
    }
    const owner = await world.signIn("owner");
    const list = await owner.json("GET", "/api/tokens");
    expect(list.body.tokens.map((x: { id: string }) => x.id)).toContain(ownersToken);
  });
});
