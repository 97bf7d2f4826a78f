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

  it("keeps respondents inside their workspace", async () => {
    const outsider = await t.createOutsider();
    expect((await outsider.agent.json("GET", `/api/surveys/${survey.id}/respondents`)).status).toBe(404);
    expect((await outsider.agent.json("GET", `/api/respondents/${ids.buyer}`)).status).toBe(404);
    expect((await outsider.agent.json("GET", "/api/respondents")).body.total).toBe(0);
    expect((await t.agent().json("GET", "/api/respondents")).status).toBe(401);
    const viewer = await t.addMember(owner, "viewer", "viewer@example.com");
    expect((await viewer.agent.json("PATCH", `/api/respondents/${ids.buyer}`, { body: { name: "X" } })).status).toBe(403);
  });
});
