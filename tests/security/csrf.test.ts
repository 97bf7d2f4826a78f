import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Agent } from "@sieve/server/testing";
import { exampleFromSchema, fillPath, paramKeys, routesFromOpenApi, type DocumentedRoute } from "../support/openapi-routes.js";
import { BODY_EXAMPLES, PARAM_FIXTURES, createWorld, type Fixtures, type World } from "../support/security-world.js";

/**
 * CSRF: every state-changing route refuses a request that carries the session cookie but
 * was not made by our own pages — cross-site forms and fetches, "simple" content types
 * that skip CORS preflight (text/plain, forms, multipart, in any letter case), requests
 * without Origin, a sibling site, a forged Sec-Fetch-Site — with 403 `csrf_rejected` and no
 * side effect. Same-origin calls and API-token calls pass. The bodies are valid, so
 * without the guard these requests would succeed.
 */

const EVIL = "https://evil.example";

type Attack = { name: string; headers: Record<string, string>; encode: "json" | "form" | "text" | "multipart" };

const ATTACKS: Attack[] = [
  { name: "cross-site form post", encode: "form", headers: { origin: EVIL, "sec-fetch-site": "cross-site", "content-type": "application/x-www-form-urlencoded" } },
  { name: "cross-site fetch, JSON", encode: "json", headers: { origin: EVIL, "sec-fetch-site": "cross-site", "content-type": "application/json" } },
  { name: "cross-site fetch, text/plain", encode: "text", headers: { origin: EVIL, "sec-fetch-site": "cross-site", "content-type": "text/plain;charset=UTF-8" } },
  { name: "cross-site fetch, APPLICATION/JSON", encode: "json", headers: { origin: EVIL, "sec-fetch-site": "cross-site", "content-type": "APPLICATION/JSON" } },
  { name: "cross-site fetch, TEXT/PLAIN", encode: "text", headers: { origin: EVIL, "sec-fetch-site": "cross-site", "content-type": "TEXT/PLAIN" } },
  { name: "cross-site form, Multipart/Form-Data", encode: "multipart", headers: { origin: EVIL, "sec-fetch-site": "cross-site", "content-type": "Multipart/Form-Data; boundary=xyz" } },
  { name: "no Origin and no Sec-Fetch-Site", encode: "json", headers: { "content-type": "application/json" } },
  { name: "no Origin, text/plain", encode: "text", headers: { "content-type": "text/plain" } },
  { name: "Origin: null (sandboxed frame, data: URL)", encode: "text", headers: { origin: "null", "content-type": "text/plain" } },
  { name: "foreign Origin without Sec-Fetch-Site", encode: "json", headers: { origin: EVIL, "content-type": "application/json" } },
  { name: "sibling site (same-site, other origin)", encode: "json", headers: { origin: "http://evil.localhost", "sec-fetch-site": "same-site", "content-type": "application/json" } },
  { name: "same host, other port", encode: "json", headers: { origin: "http://localhost:8080", "content-type": "application/json" } },
  { name: "same-origin claim with a foreign Origin", encode: "json", headers: { origin: EVIL, "sec-fetch-site": "same-origin", "content-type": "application/json" } },
  { name: "our Origin but cross-site fetch metadata", encode: "json", headers: { origin: "http://localhost", "sec-fetch-site": "cross-site", "content-type": "application/json" } },
  { name: "look-alike origin", encode: "json", headers: { origin: "http://localhost.evil.example", "content-type": "application/json" } },
];

function encodeBody(body: unknown, how: Attack["encode"]): string {
  const json = JSON.stringify(body ?? {});
  if (how === "json" || how === "text") return json;
  if (how === "form") return new URLSearchParams({ [json]: "" }).toString();
  return `--xyz\r\nContent-Disposition: form-data; name="json"\r\n\r\n${json}\r\n--xyz--\r\n`;
}

const documentApp = await createTestApp();
const routes = routesFromOpenApi(await (await documentApp.app.request("/api/openapi.json")).json());
await documentApp.cleanup();
const stateChanging = routes.filter((r) => !["GET", "HEAD", "OPTIONS"].includes(r.method));

async function prepare(world: World, route: DocumentedRoute) {
  const f: Fixtures = world.fixtures();
  const values: Record<string, string> = {};
  for (const { name, key } of paramKeys(route.path)) values[name] = await PARAM_FIXTURES[key]!.value(f, "owner", false);
  const example = route.body ? (BODY_EXAMPLES[route.key] ? (await BODY_EXAMPLES[route.key]!(f, world)).body : exampleFromSchema(route.body)) : undefined;
  return { url: fillPath(route.path, values), body: example };
}

describe("CSRF on every state-changing route", () => {
  let world: World;
  let owner: Agent;
  const snapshot = async () => {
    const read = async (path: string) => (await owner.json("GET", path)).body;
    return JSON.stringify([await read("/api/surveys"), await read("/api/workspace"), await read("/api/workspace/members"), await read("/api/tokens")]);
  };

  beforeAll(async () => {
    world = await createWorld(await createTestApp({ config: { publicRateLimit: 1_000_000 } }));
    owner = await world.signIn("owner");
  });
  afterAll(async () => world?.t.cleanup());

  it("covers the state-changing routes of the document", () => {
    expect(stateChanging.length).toBeGreaterThan(20);
    expect(stateChanging.map((r) => r.key)).toContain("PUT /api/public/responses/{id}");
  });

  it.each(stateChanging.map((r) => [r.key, r] as const))("%s refuses forged requests and changes nothing", async (_key, route) => {
    const { url, body } = await prepare(world, route);
    const before = await snapshot();
    const failures: string[] = [];
    for (const attack of ATTACKS) {
      const res = await owner.request(route.method, url, { origin: false, headers: attack.headers, rawBody: encodeBody(body, attack.encode) });
      const text = await res.text();
      if (res.status !== 403 || !text.includes('"csrf_rejected"')) failures.push(`${attack.name}: ${res.status} ${text.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it.each(stateChanging.map((r) => [r.key, r] as const))("%s accepts same-origin and API-token calls", async (_key, route) => {
    const same = await prepare(world, route);
    const session = await world.signIn("owner");
    const viaSession = await session.request(route.method, same.url, { body: same.body });
    expect(viaSession.status, await viaSession.text()).not.toBe(403);
    expect(viaSession.status).toBeLessThan(500);

    // A token is no ambient credential: a script anywhere may use one it was given.
    const other = await prepare(world, route);
    const viaToken = await world.t.agent().request(route.method, other.url, {
      origin: false,
      token: world.bearer("owner"),
      headers: { origin: EVIL, "sec-fetch-site": "cross-site", ...(other.body === undefined ? {} : { "content-type": "application/json" }) },
      ...(other.body === undefined ? {} : { rawBody: JSON.stringify(other.body) }),
    });
    expect(viaToken.status, await viaToken.text()).not.toBe(403);
    expect(viaToken.status).toBeLessThan(500);
  });

  it("a cross-site page cannot submit a respondent's answers (public PUT), and stores nothing", async () => {
    const f = world.fixtures();
    const survey = await f.survey();
    const count = async () => (await owner.json("GET", `/api/surveys/${survey.id}`)).body.survey.responseCount as number;
    const before = await count();
    const id = crypto.randomUUID();
    const payload = JSON.stringify({ survey: survey.slug, answers: { role: "me", email: "victim@example.com" }, complete: true });
    const forged: Record<string, string>[] = [
      { origin: EVIL, "sec-fetch-site": "cross-site", "content-type": "application/json" },
      { origin: EVIL, "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      { origin: EVIL, "content-type": "application/json" },
    ];
    for (const headers of forged) {
      const res = await world.t.agent().request("PUT", `/api/public/responses/${id}`, { origin: false, headers, rawBody: payload });
      expect(res.status).toBe(403);
    }
    expect(await count()).toBe(before);
    const respondent = await world.t.agent().request("PUT", `/api/public/responses/${id}`, { rawBody: payload, headers: { "content-type": "application/json" } });
    expect(respondent.status).toBe(200);
    expect(await count()).toBe(before + 1);
  });
});

describe("CSRF over real HTTP", () => {
  let world: World;
  let server: ServerType;
  let base: string;

  beforeAll(async () => {
    world = await createWorld(await createTestApp());
    server = serve({ fetch: world.t.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await world?.t.cleanup();
  });

  it("judges Origin against the address the browser used", async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { origin: base, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: JSON.stringify({ email: world.accounts.editor.email, password: world.accounts.editor.password }),
    });
    expect(login.status).toBe(200);
    const cookie = /sieve_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")![0];
    const create = (origin: string, site?: string) =>
      fetch(`${base}/api/surveys`, {
        method: "POST",
        headers: { cookie, origin, ...(site ? { "sec-fetch-site": site } : {}), "content-type": "application/json" },
        body: JSON.stringify({ title: "Over HTTP" }),
      });
    expect((await create(base, "same-origin")).status).toBe(201);
    expect((await create(base)).status).toBe(201);
    // localhost and 127.0.0.1 are different origins (and sites) even on the same port.
    expect((await create(base.replace("127.0.0.1", "localhost"))).status).toBe(403);
    expect((await create(base.replace(/:\d+$/, ":1"))).status).toBe(403);
    expect((await create(EVIL, "cross-site")).status).toBe(403);
  });
});
