import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Agent, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { invite, publishScreener, respond } from "../invitations/interview-test-kit.js";

describe.each(testDialects)("respondents on %s", (dialect) => {
  let t: TestApp;
  let owner: Agent;
  let survey: { id: string; slug: string };
  let ids: Record<string, string>;
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    owner = (await t.setupOwner()).agent;
    survey = await publishScreener(owner);
    const channel = (await owner.json("POST", `/api/surveys/${survey.id}/channels`, { body: { name: "r/notes", kind: "reddit", code: "reddit-notes" } })).body.channel;
    ids = {
      buyer: await respond(t, survey.slug, { email: "buyer@example.com", role: "me", channel: channel.code }),
      user: await respond(t, survey.slug, { email: "user@example.com", role: "boss" }),
      out: await respond(t, survey.slug, { email: "out@example.com", role: "nobody" }),
      faker: await respond(t, survey.slug, { email: "faker@example.com", trap: true }),
      bot: await respond(t, survey.slug, { email: "bot@example.com", honeypot: true }),
    };
    ids.channel = channel.id;
  });
  afterEach(async () => t.cleanup());

  const emails = (body: { respondents: { email: string }[] }) => body.respondents.map((r) => r.email).sort();

  it("lists a survey's respondents with outcome, segments, channel and pipeline, flagged ones left out by default", async () => {
    const res = await owner.json("GET", `/api/surveys/${survey.id}/respondents`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(emails(res.body)).toEqual(["buyer@example.com", "out@example.com", "user@example.com"]);
    const buyer = res.body.respondents.find((r: { email: string }) => r.email === "buyer@example.com");
    expect(buyer).toMatchObject({
      id: ids.buyer,
      outcome: "qualified",
      flags: [],
      flagged: false,
      segments: [{ id: "buyers", name: "Buyers" }],
      channel: { id: ids.channel, name: "r/notes", kind: "reddit" },
      channels: ["reddit"],
      pipelineStatus: "not_invited",
      pastStudies: [],
    });
    const all = await owner.json("GET", `/api/surveys/${survey.id}/respondents?includeFlagged=1`);
    expect(all.body.total).toBe(5);
    expect(all.body.respondents.find((r: { email: string }) => r.email === "faker@example.com")).toMatchObject({ outcome: "flagged", flagged: true });
  });

  it("filters by segment, channel, outcome, flag, pipeline status and search", async () => {
    const q = async (query: string) => emails((await owner.json("GET", `/api/surveys/${survey.id}/respondents?${query}`)).body);
    expect(await q("segment=buyers")).toEqual(["buyer@example.com"]);
    expect(await q(`channel=${ids.channel}`)).toEqual(["buyer@example.com"]);
    expect(await q("outcome=qualified")).toEqual(["buyer@example.com"]);
    expect(await q("outcome=disqualified")).toEqual(["out@example.com", "user@example.com"]);
    expect(await q("outcome=flagged")).toEqual(["bot@example.com", "faker@example.com"]);
    expect(await q("flag=honeypot")).toEqual(["bot@example.com"]);
    expect(await q("q=USER")).toEqual(["user@example.com"]);
    await invite(owner, survey.id, [ids.buyer!], { send: false });
    expect(await q("status=invited")).toEqual(["buyer@example.com"]);
    expect(await q("status=not_invited")).toEqual(["out@example.com", "user@example.com"]);
    const paged = await owner.json("GET", `/api/surveys/${survey.id}/respondents?pageSize=2&page=2`);
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.respondents).toHaveLength(1);
    const bad = await owner.json("GET", `/api/surveys/${survey.id}/respondents?outcome=great&status=lost&pageSize=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(["outcome", "pageSize", "status"]);
  });

  it("lists respondents across the workspace with the studies they took part in", async () => {
    const second = await publishScreener(owner, "Second study");
    await respond(t, second.slug, { email: "buyer@example.com", role: "boss" });
    await invite(owner, second.id, [ids.buyer!], { send: false });
    const res = await owner.json("GET", "/api/respondents");
    expect(res.body.total).toBe(3);
    const buyer = res.body.respondents.find((r: { email: string }) => r.email === "buyer@example.com");
    expect(buyer.studies).toEqual([
      expect.objectContaining({ surveyId: second.id, surveyTitle: "Second study", outcome: "disqualified", interview: { invitationId: expect.any(String), status: "invited" } }),
      expect.objectContaining({ surveyId: survey.id, outcome: "qualified", segments: ["buyers"], interview: null }),
    ]);
    expect(emails((await owner.json("GET", `/api/respondents?survey=${second.id}`)).body)).toEqual(["buyer@example.com"]);
    expect(emails((await owner.json("GET", "/api/respondents?includeFlagged=true")).body)).toHaveLength(5);
    expect(emails((await owner.json("GET", "/api/respondents?status=invited")).body)).toEqual(["buyer@example.com"]);
    const perSurvey = await owner.json("GET", `/api/surveys/${survey.id}/respondents?segment=buyers`);
    expect(perSurvey.body.respondents[0].pastStudies).toEqual([expect.objectContaining({ surveyId: second.id })]);
  });

  it("shows only flagged responses with flagged=only, and treats an empty search as none", async () => {
    const q = async (path: string) => emails((await owner.json("GET", path)).body);
    expect(await q(`/api/surveys/${survey.id}/respondents?flagged=only`)).toEqual(["bot@example.com", "faker@example.com"]);
    expect(await q(`/api/surveys/${survey.id}/respondents?flagged=include`)).toHaveLength(5);
    expect(await q(`/api/surveys/${survey.id}/respondents?flagged=exclude&includeFlagged=1`)).toHaveLength(3);
    expect(await q(`/api/surveys/${survey.id}/respondents?flagged=only&flag=honeypot`)).toEqual(["bot@example.com"]);
    expect(await q(`/api/surveys/${survey.id}/respondents?q=`)).toHaveLength(3);
    expect(await q("/api/respondents?flagged=only")).toEqual(["bot@example.com", "faker@example.com"]);
    expect(await q(`/api/respondents?flagged=only&survey=${survey.id}&q=FAKE`)).toEqual(["faker@example.com"]);
    const bad = await owner.json("GET", `/api/surveys/${survey.id}/respondents?flagged=maybe&q=${"x".repeat(201)}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(["flagged", "q"]);
  });

  it("pages through a survey's respondents without gaps or repeats, and lists every match's id for select-all", async () => {
    for (let i = 0; i < 4; i++) await respond(t, survey.slug, { email: `extra${i}@example.com`, role: "me" });
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await owner.json("GET", `/api/surveys/${survey.id}/respondents?pageSize=3&page=${page}`);
      expect(res.body).toMatchObject({ total: 7, page, pageSize: 3 });
      seen.push(...emails(res.body));
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);

    const matching = await owner.json("GET", `/api/surveys/${survey.id}/respondent-ids?outcome=qualified`);
    expect(matching.status).toBe(200);
    expect(matching.body.truncated).toBe(false);
    expect(matching.body.respondents.map((r: { email: string }) => r.email).sort()).toEqual([
      "buyer@example.com",
      "extra0@example.com",
      "extra1@example.com",
      "extra2@example.com",
      "extra3@example.com",
    ]);
    const list = await owner.json("GET", `/api/surveys/${survey.id}/respondents?outcome=qualified`);
    expect(matching.body.respondents.map((r: { id: string }) => r.id)).toEqual(list.body.respondents.map((r: { id: string }) => r.id));
    const flagged = await owner.json("GET", `/api/respondent-ids?flagged=only&survey=${survey.id}`);
    expect(flagged.body.respondents.map((r: { email: string }) => r.email).sort()).toEqual(["bot@example.com", "faker@example.com"]);
    expect((await owner.json("GET", "/api/respondent-ids?q=extra")).body.respondents).toHaveLength(4);
    expect((await owner.json("GET", `/api/surveys/${survey.id}/respondent-ids?status=lost`)).status).toBe(400);
  });

  it("keeps respondents inside their workspace", async () => {
    const outsider = await t.createOutsider();
    expect((await outsider.agent.json("GET", `/api/surveys/${survey.id}/respondents`)).status).toBe(404);
    expect((await outsider.agent.json("GET", `/api/respondents/${ids.buyer}`)).status).toBe(404);
    expect((await outsider.agent.json("GET", "/api/respondents")).body.total).toBe(0);
    expect((await outsider.agent.json("GET", `/api/surveys/${survey.id}/respondent-ids`)).status).toBe(404);
    expect((await outsider.agent.json("GET", "/api/respondent-ids")).body.respondents).toEqual([]);
    expect((await t.agent().json("GET", "/api/respondents")).status).toBe(401);
    const viewer = await t.addMember(owner, "viewer", "viewer@example.com");
    expect((await viewer.agent.json("PATCH", `/api/respondents/${ids.buyer}`, { body: { name: "X" } })).status).toBe(403);
  });
});
