import { describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { screenerInput } from "../testing/fixtures.js";
import { findUnstorableText, textProblem } from "./storable-text.js";

describe("textProblem and findUnstorableText", () => {
  it("refuse NUL and unpaired surrogates, nothing else", () => {
    for (const ok of ["", "plain", "😀 emoji pairs", "é ü ß 中文", "\\u0000 written out", "\u0001\u001f\u007f", "\ufffd"]) expect(textProblem(ok), ok).toBeNull();
    for (const bad of ["\u0000", "a\u0000b", "\ud800", "a\udfffb", "\ud83d", "x\udc00\ud800y"]) expect(textProblem(bad), JSON.stringify(bad)).not.toBeNull();
  });

  it("find the first bad string or property name with its path, at any depth", () => {
    expect(findUnstorableText({ a: [1, "ok", { b: "x\u0000" }] })).toMatchObject({ path: ["a", 2, "b"] });
    expect(findUnstorableText({ a: { "k\ud800": 1 } })).toMatchObject({ path: ["a", "k\ud800"] });
    expect(findUnstorableText([{ fine: "😀" }, null, true, 3])).toBeNull();
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.path).toHaveLength(100_000);
  });
});

/**
 * Postgres refuses a NUL character in text (`invalid byte sequence for encoding "UTF8":
 * 0x00`): found by the fuzz suite on Postgres as 500s on most routes — a NUL in a JSON
 * string (a survey title), in a path parameter (/api/surveys/%00) or in a query value
 * (/api/respondents?q=%00). Lone surrogates were silently stored as U+FFFD. Both are a 400
 * on every database now.
 */
describe.each(testDialects)("text no database can store, on %s", (dialect) => {
  async function withOwner(run: (t: TestApp, agent: Awaited<ReturnType<TestApp["setupOwner"]>>["agent"]) => Promise<void>) {
    const t = await createTestApp({ dialect });
    try {
      await run(t, (await t.setupOwner()).agent);
    } finally {
      await t.cleanup();
    }
  }

  it("a NUL or a lone surrogate in a JSON body is a 400 naming the field", async () => {
    await withOwner(async (_t, agent) => {
      const survey = (await agent.json("POST", "/api/surveys", { body: { title: "Fine" } })).body.survey;
      const cases: [string, string, string, (string | number)[]][] = [
        ["POST", "/api/surveys", '{"title":"a\\u0000b"}', ["title"]],
        ["POST", "/api/surveys", '{"title":"a\\ud800b"}', ["title"]],
        ["POST", "/api/surveys", '{"title":"\\udc00"}', ["title"]],
        ["PATCH", `/api/surveys/${survey.id}`, '{"title":"ok","\\u0000":1}', ["\u0000"]],
        ["PATCH", `/api/workspace`, '{"name":"Home\\u0000"}', ["name"]],
        ["PUT", `/api/surveys/${survey.id}/definition`, JSON.stringify({ revision: survey.revision, definition: { ...screenerInput(), title: "x\u0000" } }), ["definition", "title"]],
        ["POST", "/api/auth/login", '{"email":"owner@example.com\\u0000","password":"correct horse battery"}', ["email"]],
      ];
      for (const [method, path, rawBody, at] of cases) {
        const res = await agent.request(method, path, { rawBody, headers: { "content-type": "application/json" } });
        const body = await res.json();
        expect(res.status, `${method} ${path} ${rawBody.slice(0, 60)}: ${JSON.stringify(body)}`).toBe(400);
        expect(body.error.code).toBe("invalid_request");
        expect(body.error.details.issues[0]).toMatchObject({ path: at, code: "invalid_text" });
      }
      // Still the old survey: nothing was written.
      expect((await agent.json("GET", `/api/surveys/${survey.id}`)).body.survey.title).toBe("Fine");
    });
  });

  it("well-formed text is untouched: emoji, other scripts, a backslash-u written out", async () => {
    await withOwner(async (_t, agent) => {
      for (const title of ["😀 Notes", "Über 中文", "\\u0000 literally"]) {
        const res = await agent.json("POST", "/api/surveys", { body: { title } });
        expect(res.status).toBe(201);
        expect(res.body.survey.title).toBe(title);
      }
    });
  });

  it("a NUL in a respondent's answers is a 400 before anything is saved", async () => {
    await withOwner(async (t, agent) => {
      const created = await agent.json("POST", "/api/surveys", { body: { definition: screenerInput() } });
      expect((await agent.json("POST", `/api/surveys/${created.body.survey.id}/publish`)).status).toBe(200);
      const res = await t.agent().request("PUT", `/api/public/responses/${crypto.randomUUID()}`, {
        rawBody: `{"survey":"${created.body.survey.slug}","answers":{"role":"x\\u0000"},"complete":false}`,
        headers: { "content-type": "application/json" },
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: "invalid_request", details: { issues: [{ path: ["answers", "role"], code: "invalid_text" }] } });
    });
  });

  it("a NUL in a path parameter or a query value is a 400, on /api and on pages", async () => {
    await withOwner(async (_t, agent) => {
      for (const [method, path] of [
        ["GET", "/api/surveys/a%00b"],
        ["GET", "/api/surveys/%00/responses"],
        ["DELETE", "/api/tokens/%00"],
        ["GET", "/api/respondents?q=a%00b"],
        ["GET", "/api/surveys?x=1&q=%00"],
        ["GET", "/api/public/surveys/%00"],
        ["GET", "/api/public/results/%00"],
      ]) {
        const res = await agent.request(method!, path!);
        const body = await res.json();
        expect(res.status, `${method} ${path}: ${JSON.stringify(body)}`).toBe(400);
        expect(body.error).toMatchObject({ code: "invalid_request", message: expect.stringContaining("NUL") });
      }
      for (const path of ["/s/%00", "/c/a%00", "/r/%00", "/join/%00", "/s/%00/card.png"]) {
        const res = await agent.request("GET", path);
        expect(res.status, path).toBe(400);
        expect(await res.text()).toContain("NUL");
      }
      // "%00" written out (%2500) is ordinary text: not found, not refused.
      expect((await agent.request("GET", "/api/surveys/%2500")).status).toBe(404);
    });
  });
});
