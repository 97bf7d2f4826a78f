import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { SurveyDefinitionInput } from "@sieve/core";
import { createTestApp, type Agent, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { screenerInput } from "../testing/fixtures.js";

const qualifying = { role: "me", tools: ["notion"] };
const page2 = { why: "It syncs with everything", email: "Ada@Example.com" };

// Every case also runs with saves on the save thread, as `sieve serve` runs them on SQLite.
const setups = [...testDialects.map((dialect) => ({ name: dialect, dialect, saveThread: false })), { name: "sqlite, save thread", dialect: "sqlite" as const, saveThread: true }];

describe.each(setups)("public responses on $name", ({ dialect, saveThread }) => {
  let t: TestApp;
  let owner: Agent;
  beforeEach(async () => {
    t = await createTestApp({ dialect, saveThread });
    owner = (await t.setupOwner()).agent;
  });
  afterEach(async () => t.cleanup());

  async function publish(input: SurveyDefinitionInput = screenerInput()) {
    const created = await owner.json("POST", "/api/surveys", { body: { definition: input } });
    const published = await owner.json("POST", `/api/surveys/${created.body.survey.id}/publish`);
    expect(published.status).toBe(200);
    return { id: created.body.survey.id as string, slug: created.body.survey.slug as string };
  }

  const put = (id: string, body: Record<string, unknown>, agent: Agent = t.agent()) =>
    agent.json("PUT", `/api/public/responses/${id}`, { body });

  const responses = () => t.db.selectFrom("responses").selectAll().execute();

  it("saves page by page and completes as qualified, with answers, segments and the contact stored", async () => {
    const { slug } = await publish();
    const id = randomUUID();
    const first = await put(id, { survey: slug, answers: qualifying, complete: false, page: 0 });
    expect(first.body).toEqual({ status: "partial", next: "continue" });
    t.clock.advance(30_000);
    const done = await put(id, { survey: slug, answers: { ...qualifying, ...page2 }, complete: true, page: 1 });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ status: "complete", next: "end", end: "qualified" });

    const [row] = await responses();
    expect(row).toMatchObject({ id, status: "complete", outcome: "qualified", duration_ms: 30_000 });
    expect(JSON.parse(row!.flags)).toEqual([]);
    expect(JSON.parse(row!.segments)).toEqual(["buyers"]);
    const answers = await t.db.selectFrom("answers").select(["question_id", "option_id", "value_text"]).where("response_id", "=", id).orderBy("question_id").execute();
    expect(answers).toEqual([
      { question_id: "email", option_id: null, value_text: "Ada@Example.com" },
      { question_id: "role", option_id: "me", value_text: null },
      { question_id: "tools", option_id: "notion", value_text: null },
      { question_id: "why", option_id: null, value_text: "It syncs with everything" },
    ]);
    const respondent = await t.db.selectFrom("respondents").selectAll().executeTakeFirstOrThrow();
    expect(respondent).toMatchObject({ email: "ada@example.com", consent_text: "I agree to be contacted about this study." });
    expect(respondent.consent_at).not.toBeNull();
    expect(row!.respondent_id).toBe(respondent.id);
  });

  it("is idempotent: the same request repeated, also concurrently, stores one response", async () => {
    const { slug } = await publish();
    const id = randomUUID();
    const body = { survey: slug, answers: { ...qualifying, ...page2 }, complete: true };
    const replies = await Promise.all(Array.from({ length: 5 }, () => put(id, body)));
    for (const r of replies) expect(r.body).toEqual({ status: "complete", next: "end", end: "qualified" });
    expect(await responses()).toHaveLength(1);
    expect((await put(id, body)).body).toEqual({ status: "complete", next: "end", end: "qualified" });
    const answerCount = await t.db.selectFrom("answers").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(answerCount.n)).toBe(4);
  });

  it("refuses a different body after completion with 409", async () => {
    const { slug } = await publish();
    const id = randomUUID();
    await put(id, { survey: slug, answers: { ...qualifying, ...page2 }, complete: true });
    const changed = await put(id, { survey: slug, answers: { ...qualifying, ...page2, why: "changed" }, complete: true });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe("response_completed");
  });

  it("ends a screener early on a disqualifying answer without saying why", async () => {
    const { slug } = await publish();
    const id = randomUUID();
    const res = await put(id, { survey: slug, answers: { role: "nobody" }, complete: false, page: 0 });
    expect(res.body).toEqual({ status: "complete", next: "end", end: "disqualified" });
    expect(JSON.stringify(res.body)).not.toContain("role");
    const [row] = await responses();
    expect(row).toMatchObject({ status: "complete", outcome: "disqualified", reason: "disqualify:role" });
  });

  it("flags a trap answer, shows the neutral end screen, and never counts it toward a quota", async () => {
    const input = screenerInput();
    input.quotas = [{ id: "all", name: "Everyone", segmentId: null, cap: 1 }];
    const { slug } = await publish(input);
    const trap = await put(randomUUID(), { survey: slug, answers: { role: "me", tools: ["trellisync"], ...page2 }, complete: true });
    expect(trap.body).toEqual({ status: "complete", next: "end", end: "disqualified" });
    const real = await put(randomUUID(), { survey: slug, answers: { ...qualifying, ...page2, email: "b@example.com" }, complete: true });
    expect(real.body.end).toBe("qualified");
    const outcomes = (await responses()).map((r) => r.outcome).sort();
    expect(outcomes).toEqual(["flagged", "qualified"]);
  });

  it("keeps quota caps exact when many completions arrive at once", async () => {
    const input = screenerInput();
    input.quotas = [{ id: "q-buyers", name: "Buyers", segmentId: "buyers", cap: 5 }];
    const { slug } = await publish(input);
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        put(randomUUID(), { survey: slug, answers: { ...qualifying, why: "x", email: `p${i}@example.com` }, complete: true }),
      ),
    );
    const ends = results.map((r) => r.body.end);
    expect(ends.filter((e) => e === "qualified")).toHaveLength(5);
    expect(ends.filter((e) => e === "over_quota")).toHaveLength(11);
    const qualified = (await responses()).filter((r) => r.outcome === "qualified");
    expect(qualified).toHaveLength(5);
  });

  it("keeps the quotas of the version a response started on exact, after a version without quotas is published", async () => {
    const input = screenerInput();
    input.quotas = [{ id: "all", name: "Everyone", segmentId: null, cap: 2 }];
    const { id: surveyId, slug } = await publish(input);
    const ids = Array.from({ length: 8 }, () => randomUUID());
    for (const id of ids) await put(id, { survey: slug, answers: qualifying, complete: false, page: 0 });
    const v2 = screenerInput();
    v2.quotas = [];
    const survey = (await owner.json("GET", `/api/surveys/${surveyId}`)).body.survey;
    await owner.json("PUT", `/api/surveys/${surveyId}/definition`, { body: { revision: survey.revision, definition: v2 } });
    expect((await owner.json("POST", `/api/surveys/${surveyId}/publish`)).status).toBe(200);
    // On Postgres these completions find out only after reading their rows that they need the survey lock.
    const done = await Promise.all(
      ids.map((id, i) => put(id, { survey: slug, answers: { ...qualifying, why: "x", email: `v${i}@example.com` }, complete: true, page: 1 })),
    );
    const ends = done.map((r) => r.body.end).sort();
    expect(ends).toEqual(["over_quota", "over_quota", "over_quota", "over_quota", "over_quota", "over_quota", "qualified", "qualified"]);
  });

  it("validates against the version the response started on", async () => {
    const { id: surveyId, slug } = await publish();
    const responseId = randomUUID();
    await put(responseId, { survey: slug, answers: qualifying, complete: false, page: 0 });
    // v2 drops the "tools" question and renames role options.
    const v2 = screenerInput();
    v2.pages[0]!.questions = [v2.pages[0]!.questions[0]!];
    const survey = (await owner.json("GET", `/api/surveys/${surveyId}`)).body.survey;
    await owner.json("PUT", `/api/surveys/${surveyId}/definition`, { body: { revision: survey.revision, definition: v2 } });
    await owner.json("POST", `/api/surveys/${surveyId}/publish`);
    t.clock.advance(20_000);
    const done = await put(responseId, { survey: slug, answers: { ...qualifying, ...page2 }, complete: true, page: 1 });
    expect(done.body.end).toBe("qualified");
    const newcomer = await put(randomUUID(), { survey: slug, answers: { ...qualifying, ...page2 }, complete: true });
    expect(newcomer.status).toBe(400);
    expect(newcomer.body.error.details.issues[0].path).toEqual(["answers", "tools"]);
    const versions = (await responses()).map((r) => r.version);
    expect(versions).toEqual([1]);
  });

  describe("bad input gets a clear 4xx and stores nothing", () => {
    it.each([
      ["an unknown question id", { ghost: "x" }, "unknown_question"],
      ["a wrong type", { role: 42 }, "invalid_type"],
      ["an answer to a hidden question", { role: "boss", why: "hidden" }, "hidden_question"],
    ])("%s", async (_label, answers, code) => {
      const { slug } = await publish();
      const res = await put(randomUUID(), { survey: slug, answers, complete: false });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_answers");
      expect(res.body.error.details.issues.map((i: { code: string }) => i.code)).toContain(code);
      expect(await responses()).toHaveLength(0);
    });

    it("a missing required answer at completion", async () => {
      const { slug } = await publish();
      const res = await put(randomUUID(), { survey: slug, answers: qualifying, complete: true });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues.map((i: { path: string[] }) => i.path.join("."))).toContain("answers.email");
      expect(await responses()).toHaveLength(0);
    });

    it("a non-UUID id, malformed JSON, an unknown slug, a closed survey", async () => {
      const { id, slug } = await publish();
      const notUuid = await put("../../etc", { survey: slug, answers: {}, complete: false });
      expect(notUuid.status).toBe(404); // the path does not even match the route
      const shortId = await put("not-a-uuid", { survey: slug, answers: {}, complete: false });
      expect(shortId.status).toBe(400);
      const malformed = await t.agent().request("PUT", `/api/public/responses/${randomUUID()}`, { rawBody: "{", headers: { "content-type": "application/json" } });
      expect(malformed.status).toBe(400);
      expect((await put(randomUUID(), { survey: "no-such-survey", answers: {}, complete: false })).status).toBe(404);
      await owner.json("POST", `/api/surveys/${id}/close`);
      const closed = await put(randomUUID(), { survey: slug, answers: qualifying, complete: false });
      expect(closed.status).toBe(410);
      expect(closed.body.error.code).toBe("survey_closed");
      expect(closed.body.error.details.endScreen.title).toBeTruthy();
      expect(await responses()).toHaveLength(0);
    });
  });

  describe("fraud and duplicates", () => {
    it("flags a filled honeypot without telling the bot", async () => {
      const { slug } = await publish();
      const res = await put(randomUUID(), { survey: slug, answers: { ...qualifying, ...page2 }, complete: true, hp: "http://spam.example" });
      expect(res.body).toEqual({ status: "complete", next: "end", end: "disqualified" });
      const [row] = await responses();
      expect(row!.outcome).toBe("flagged");
      expect(JSON.parse(row!.flags)).toContain("honeypot");
    });

    it("records speeding when a page is answered faster than it can be read", async () => {
      const { slug } = await publish();
      const id = randomUUID();
      await put(id, { survey: slug, answers: qualifying, complete: false, page: 0 });
      t.clock.advance(500);
      await put(id, { survey: slug, answers: { ...qualifying, ...page2 }, complete: true, page: 1 });
      const [row] = await responses();
      expect(JSON.parse(row!.flags)).toEqual(["speeding"]);
      expect(row!.outcome).toBe("qualified"); // recorded, not acted on
    });

    it("allows one response per person when the survey asks: cookie, client hash and email", async () => {
      const input = screenerInput();
      input.settings = { ...input.settings, onePerPerson: true };
      const { slug } = await publish(input);
      const browser = t.agent();
      expect((await put(randomUUID(), { survey: slug, answers: { ...qualifying, ...page2 }, complete: true }, browser)).body.end).toBe("qualified");
      expect((await browser.json("GET", `/api/public/surveys/${slug}`)).body.survey.alreadyResponded).toBe(true);
      const again = await put(randomUUID(), { survey: slug, answers: qualifying, complete: false }, browser);
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("already_responded");
      // A fresh browser on the same network and user agent is caught by the salted client hash.
      const sameClient = await put(randomUUID(), { survey: slug, answers: qualifying, complete: false });
      expect(sameClient.status).toBe(409);
      expect((await responses()).length).toBe(1);
      const stored = await responses();
      expect(stored[0]!.dedupe_hash).toMatch(/^[A-Za-z0-9_-]{32}$/);
    });

    it("rate-limits saves per client", async () => {
      const { slug } = await publish();
      let status = 0;
      for (let i = 0; i < 121; i++) status = (await put(randomUUID(), { survey: slug, answers: {}, complete: false })).status;
      expect(status).toBe(429);
    });
  });

  describe("the survey closes itself", () => {
    it("at its response limit", async () => {
      const input = screenerInput();
      input.settings = { ...input.settings, responseLimit: 2 };
      const { id, slug } = await publish(input);
      for (let i = 0; i < 2; i++) {
        expect((await put(randomUUID(), { survey: slug, answers: { role: "nobody" }, complete: false })).body.end).toBe("disqualified");
      }
      expect((await t.agent().json("GET", `/api/public/surveys/${slug}`)).status).toBe(410);
      expect((await owner.json("GET", `/api/surveys/${id}`)).body.survey.status).toBe("closed");
    });

    it("at its close date", async () => {
      const input = screenerInput();
      input.settings = { ...input.settings, closesAt: "2026-11-23T00:00:00.000Z" };
      const { slug } = await publish(input);
      expect((await t.agent().json("GET", `/api/public/surveys/${slug}`)).status).toBe(200);
      t.clock.set("2026-11-23T00:00:01.000Z");
      const res = await put(randomUUID(), { survey: slug, answers: qualifying, complete: false });
      expect(res.status).toBe(410);
    });
  });

  it("counts the funnel per channel: clicks, views, starts, completes", async () => {
    const { id: surveyId, slug } = await publish();
    const channel = (await owner.json("POST", `/api/surveys/${surveyId}/channels`, { body: { name: "r/x", kind: "reddit", code: "rsaas" } })).body.channel;
    await t.agent().request("GET", "/c/rsaas");
    await t.agent().request("GET", "/c/rsaas");
    const view = await t.agent().json("GET", `/api/public/surveys/${slug}?c=rsaas`);
    expect(view.body.survey.channel).toEqual({ code: "rsaas", kind: "reddit" });
    const id = randomUUID();
    await put(id, { survey: slug, channel: "rsaas", answers: qualifying, complete: false, page: 0 });
    t.clock.advance(20_000);
    await put(id, { survey: slug, channel: "rsaas", answers: { ...qualifying, ...page2 }, complete: true, page: 1 });
    await t.agent().json("GET", `/api/public/surveys/${slug}`);
    const rows = await t.db.selectFrom("funnel_counts").selectAll().orderBy("channel_id").execute();
    expect(rows.map(({ channel_id, clicks, views, starts, completes }) => ({ channel_id, clicks, views, starts, completes }))).toEqual([
      { channel_id: "", clicks: 0, views: 1, starts: 0, completes: 0 },
      { channel_id: channel.id, clicks: 2, views: 1, starts: 1, completes: 1 },
    ]);
  });
});
