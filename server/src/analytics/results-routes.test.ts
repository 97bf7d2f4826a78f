import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { parseResultsFilter, SurveyDefinitionSchema, type SurveyDefinitionInput } from "@sieve/core";
import { createTestApp, type Agent, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { screenerInput } from "../testing/fixtures.js";
import { surveyResults } from "./results-repository.js";

describe.each(testDialects)("results and exports on %s", (dialect) => {
  let t: TestApp;
  let owner: Agent;
  let survey: { id: string; slug: string };
  let channels: { reddit: string; facebook: string };

  const put = (body: Record<string, unknown>) => t.agent().json("PUT", `/api/public/responses/${randomUUID()}`, { body: { survey: survey.slug, ...body } });

  beforeEach(async () => {
    t = await createTestApp({ dialect });
    owner = (await t.setupOwner()).agent;
    const input = screenerInput();
    input.pages[0]!.questions.push({ id: "score", type: "nps", title: "How likely are you to recommend us?" });
    const created = await owner.json("POST", "/api/surveys", { body: { definition: input } });
    survey = { id: created.body.survey.id, slug: created.body.survey.slug };
    await owner.json("POST", `/api/surveys/${survey.id}/publish`);
    const mk = async (name: string, kind: string, code: string) =>
      (await owner.json("POST", `/api/surveys/${survey.id}/channels`, { body: { name, kind, code } })).body.channel.id as string;
    const reddit = await mk("r/notes", "reddit", "rnotes");
    t.clock.advance(1000);
    channels = { reddit, facebook: await mk("Notes group", "facebook", "fbnotes") };
    // reddit: 3 buyers (qualified); facebook: 2 "my manager" (disqualified: no qualifying answer) and 1 "nobody" (screened out early).
    for (let i = 0; i < 3; i++) {
      expect((await put({ channel: "rnotes", answers: { role: "me", tools: ["notion", "obsidian"], score: 9 + (i % 2), why: `=HYPERLINK("x${i}")`, email: `buyer${i}@example.com` }, complete: true })).body.end).toBe("qualified");
    }
    for (let i = 0; i < 2; i++) {
      expect((await put({ channel: "fbnotes", answers: { role: "boss", tools: ["notion"], score: 3, email: `user${i}@example.com` }, complete: true })).body.end).toBe("disqualified");
    }
    expect((await put({ channel: "fbnotes", answers: { role: "nobody" }, complete: false })).body.end).toBe("disqualified");
    await put({ answers: { role: "me" }, complete: false }); // abandoned, direct link
  });
  afterEach(async () => t.cleanup());

  it("reports totals, per-channel yield with intervals, segments and per-question counts", async () => {
    const res = await owner.json("GET", `/api/surveys/${survey.id}/results`);
    expect(res.status).toBe(200);
    expect(res.body.totals).toMatchObject({ responses: 7, complete: 6, partial: 1, qualified: 3, disqualified: 3, flagged: 0 });
    const [first, second] = res.body.funnel;
    expect(first).toMatchObject({ channel: { name: "r/notes" }, completes: 3, qualified: 3 });
    expect(first.qualifiedRate.lower).toBeGreaterThan(0.4);
    expect(second).toMatchObject({ channel: { name: "Notes group" }, completes: 3, qualified: 0 });
    expect(res.body.segments).toEqual([{ id: "buyers", name: "Buyers", color: "#2563eb", count: 3 }]);
    const role = res.body.questions.find((q: { id: string }) => q.id === "role");
    expect(role).toMatchObject({ kind: "choice", n: 6 });
    expect(role.options.map((o: { id: string; overall: { count: number } }) => [o.id, o.overall.count])).toEqual([["me", 3], ["boss", 2], ["nobody", 1]]);
    expect(role.options[0].overall.pct).toBeCloseTo(0.5);
    expect(role.options[0].overall.interval.lower).toBeLessThan(0.5);
    const tools = res.body.questions.find((q: { id: string }) => q.id === "tools");
    expect(tools.options.map((o: { overall: { count: number } }) => o.overall.count)).toEqual([5, 3, 0]);
    const nps = res.body.questions.find((q: { id: string }) => q.id === "score");
    expect(nps.kind).toBe("nps");
    expect(nps.nps).toMatchObject({ n: 5 });
    expect(nps.nps.score).toBeCloseTo(20); // 3 promoters, 2 detractors of 5
  });

  it("splits by channel with column percentages and a chi-square test with a small-sample warning", async () => {
    const res = await owner.json("GET", `/api/surveys/${survey.id}/results?split=channel`);
    // No direct-link column while nobody came without a tracked link.
    expect(res.body.columns.map((c: { label: string; n: number }) => [c.label, c.n])).toEqual([["r/notes", 3], ["Notes group", 3]]);
    const role = res.body.questions.find((q: { id: string }) => q.id === "role");
    expect(role.options[0].columns.map((c: { count: number; pct: number }) => [c.count, c.pct])).toEqual([[3, 1], [0, 0]]);
    const withPartial = await owner.json("GET", `/api/surveys/${survey.id}/results?split=channel&status=all`);
    expect(withPartial.body.columns.map((c: { label: string; n: number }) => [c.label, c.n])).toEqual([["r/notes", 3], ["Notes group", 3], ["Direct link", 1]]);
    expect(role.test.df).toBe(2);
    expect(role.test.statistic).toBeCloseTo(6, 5);
    expect(role.test.smallSample).toBe(true);
  });

  it("applies the filter: outcome, channel, segment, answer and dates", async () => {
    const get = async (qs: string) => (await owner.json("GET", `/api/surveys/${survey.id}/results?${qs}`)).body.totals.responses;
    expect(await get("outcome=qualified")).toBe(3);
    expect(await get(`channel=${channels.facebook}`)).toBe(3);
    expect(await get("channel=direct&status=all")).toBe(1);
    expect(await get("segment=buyers")).toBe(3);
    expect(await get("answer=role:boss,nobody")).toBe(3);
    expect(await get("from=2026-11-23")).toBe(0);
    const bad = await owner.json("GET", `/api/surveys/${survey.id}/results?split=planet&outcome=maybe`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_filter");
  });

  it("uses the same number of queries however many questions a survey has", async () => {
    let queries = 0;
    const counting = t.db.withPlugin({
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const filter = (qs: string) => {
      const r = parseResultsFilter(new URLSearchParams(qs));
      if (!r.ok) throw new Error("bad filter");
      return r.value;
    };
    const run = async (surveyId: string, qs = "split=segment", source: "auto" | "answers" = "auto") => {
      queries = 0;
      await surveyResults(counting, surveyId, filter(qs), [], source);
      return queries;
    };
    const big: SurveyDefinitionInput = {
      schemaVersion: 1,
      title: "Thirty questions",
      pages: [{ id: "p", questions: Array.from({ length: 30 }, (_, i) => ({ id: `q${i}`, type: "yes_no" as const, title: `Q${i}` })) }],
    };
    const bigSurvey = (await owner.json("POST", "/api/surveys", { body: { definition: SurveyDefinitionSchema.parse(big) } })).body.survey;
    for (const [qs, source] of [["split=segment", "auto"], ["split=segment&status=all", "auto"], ["split=segment", "answers"], ["answer=role:me", "auto"]] as const) {
      expect(await run(survey.id, qs, source)).toBe(await run(bigSurvey.id, qs, source));
      // At most 15 statements; the plugin also sees each embedded subquery, hence the looser bound.
      expect(queries).toBeLessThanOrEqual(30);
    }
    // From the rollups: profiles, their segments, counts overall and per column; partial totals; funnel.
    expect(await run(survey.id, "split=segment")).toBeLessThanOrEqual(8);
  });

  describe("responses and exports", () => {
    it("lists responses page by page, searches text answers, and shows one in detail", async () => {
      const page1 = await owner.json("GET", `/api/surveys/${survey.id}/responses?pageSize=4`);
      expect(page1.body).toMatchObject({ total: 6, page: 1, pageSize: 4 });
      expect(page1.body.responses).toHaveLength(4);
      expect(page1.body.responses[0]).not.toHaveProperty("email");
      const page2 = await owner.json("GET", `/api/surveys/${survey.id}/responses?pageSize=4&page=2`);
      expect(page2.body.responses).toHaveLength(2);
      const found = await owner.json("GET", `/api/surveys/${survey.id}/responses?q=${encodeURIComponent('hyperlink("x1')}`);
      expect(found.body.total).toBe(1);
      const detail = await owner.json("GET", `/api/surveys/${survey.id}/responses/${found.body.responses[0].id}`);
      expect(detail.body.response.answers).toMatchObject({ role: "me", tools: ["notion", "obsidian"], score: 10 });
      expect(detail.body.response.answers).not.toHaveProperty("email");
      expect(detail.body.response.channel).toMatchObject({ name: "r/notes" });
    });

    it("exports RFC 4180 CSV with a BOM, a column per option, and formulas neutralised", async () => {
      const res = await owner.request("GET", `/api/surveys/${survey.id}/export.csv?outcome=qualified`);
      expect(res.headers.get("content-type")).toContain("text/csv");
      expect(res.headers.get("content-disposition")).toContain('filename="Note-taking-screener.csv"');
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
      expect(text.startsWith("\uFEFF")).toBe(true);
      const lines = text.slice(1).split("\r\n").filter(Boolean);
      expect(lines).toHaveLength(4);
      const header = lines[0]!;
      expect(header).toContain("Which tools have you used in the last month? [Notion]");
      expect(header).toContain("Which tools have you used in the last month? [Trellisync]");
      expect(header).not.toMatch(/email/i);
      expect(text).toContain(`"'=HYPERLINK(""x0"")"`);
      expect(text).not.toMatch(/buyer\d@example\.com/);
    });

    it("includes emails only when asked, and only for owners and editors", async () => {
      const withEmails = await owner.request("GET", `/api/surveys/${survey.id}/export.csv?include_emails=1`);
      expect(await withEmails.text()).toContain("buyer0@example.com");
      const { agent: viewer } = await t.addMember(owner, "viewer", "viewer@example.com");
      expect((await viewer.request("GET", `/api/surveys/${survey.id}/export.csv`)).status).toBe(200);
      const denied = await viewer.json("GET", `/api/surveys/${survey.id}/export.csv?include_emails=1`);
      expect(denied.status).toBe(403);
    });

    it("exports JSON that parses, with the filter applied", async () => {
      const res = await owner.request("GET", `/api/surveys/${survey.id}/export.json?channel=${channels.facebook}`);
      const body = JSON.parse(await res.text());
      expect(body.responses).toHaveLength(3);
      expect(body.filter.channels).toEqual([channels.facebook]);
      expect(body.responses.every((r: { channel: { name: string } }) => r.channel.name === "Notes group")).toBe(true);
    });

    it("streams exports larger than one batch completely and in order", async () => {
      const rows = Array.from({ length: 1234 }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        survey_id: survey.id,
        version: 1,
        channel_id: null,
        status: "complete" as const,
        outcome: "disqualified" as const,
        reason: null,
        segments: "[]",
        flags: "[]",
        meta: "{}",
        respondent_id: null,
        dedupe_hash: null,
        // Many share a timestamp, so the keyset must order by (started_at, id).
        started_at: new Date(Date.UTC(2026, 10, 20, 0, 0, Math.floor(i / 10))).toISOString(),
        updated_at: "2026-11-20T00:00:00.000Z",
        completed_at: null,
        duration_ms: null,
        body_hash: null,
        last_page: null,
      }));
      for (let i = 0; i < rows.length; i += 200) await t.db.insertInto("responses").values(rows.slice(i, i + 200)).execute();
      const text = await (await owner.request("GET", `/api/surveys/${survey.id}/export.csv?to=2026-11-20`)).text();
      const ids = text.split("\r\n").slice(1).filter(Boolean).map((l) => l.split(",")[0]);
      expect(ids).toHaveLength(1234);
      expect(new Set(ids).size).toBe(1234);
    });
  });
});
