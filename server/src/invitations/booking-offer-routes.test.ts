import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createTestApp, type Agent, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { createSlot, invite, publishScreener, type Respond } from "./interview-test-kit.js";

describe.each(testDialects)("booking offered on the end screen on %s", (dialect) => {
  let t: TestApp;
  let owner: Agent;
  let survey: { id: string; slug: string };
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    owner = (await t.setupOwner()).agent;
    survey = await publishScreener(owner);
  });
  afterEach(async () => t.cleanup());

  /** Completes a response as the respondent page would; returns its (browser-made) id. */
  async function complete(r: Respond): Promise<string> {
    const id = randomUUID();
    const answers = { role: r.role ?? "me", tools: r.trap ? ["notion", "trellisync"] : ["notion"], email: r.email };
    const res = await t.agent().json("PUT", `/api/public/responses/${id}`, { body: { survey: survey.slug, answers, complete: true, ...(r.honeypot ? { hp: "bot" } : {}) } });
    expect(res.status).toBe(200);
    return id;
  }
  const ask = (responseId: string) => t.agent().json("POST", `/api/public/responses/${responseId}/booking-link`);
  const enable = (enabled = true) => owner.json("PUT", `/api/surveys/${survey.id}/booking-offer`, { body: { enabled } });

  it("is off until an editor switches it on, and says how many slots can be booked", async () => {
    expect((await owner.json("GET", `/api/surveys/${survey.id}/booking-offer`)).body.bookingOffer).toEqual({ enabled: false, researcher: null, since: null, freeSlots: 0 });
    await createSlot(t, owner, { surveyId: survey.id });
    await createSlot(t, owner, { surveyId: null, daysAhead: 4 });
    const on = await enable();
    expect(on.status).toBe(200);
    expect(on.body.bookingOffer).toMatchObject({ enabled: true, researcher: { name: "Olivia Owner" }, since: "2026-11-22T09:00:00.000Z", freeSlots: 2 });
    const viewer = await t.addMember(owner, "viewer", "viewer@example.com");
    expect((await viewer.agent.json("GET", `/api/surveys/${survey.id}/booking-offer`)).body.bookingOffer.enabled).toBe(true);
    expect((await viewer.agent.json("PUT", `/api/surveys/${survey.id}/booking-offer`, { body: { enabled: false } })).status).toBe(403);
    expect((await owner.json("PUT", `/api/surveys/${survey.id}/booking-offer`, { body: { enabled: "yes" } })).status).toBe(400);
    expect((await (await t.createOutsider()).agent.json("GET", `/api/surveys/${survey.id}/booking-offer`)).status).toBe(404);
    expect((await enable(false)).body.bookingOffer.enabled).toBe(false);
  });

  it("gives a qualified respondent a booking link, the same one when asked again, and books through it", async () => {
    const slot = await createSlot(t, owner, { surveyId: survey.id });
    const responseId = await complete({ email: "ada@example.com" });
    expect((await ask(responseId)).body).toEqual({ offer: null }); // not offered yet
    await enable();

    const first = await ask(responseId);
    expect(first.status).toBe(200);
    expect(first.res.headers.get("cache-control")).toBe("no-store");
    expect(first.body.offer.url).toMatch(/^\/b\/[A-Za-z0-9_-]{43}$/);
    expect((await ask(responseId)).body.offer.url).toBe(first.body.offer.url);
    expect((await ask(responseId.toUpperCase())).body.offer.url).toBe(first.body.offer.url);

    // An ordinary invitation, in the pipeline, speaking for the researcher who switched it on.
    const pipeline = await owner.json("GET", `/api/surveys/${survey.id}/invitations`);
    expect(pipeline.body.invitations).toEqual([expect.objectContaining({ status: "invited", respondent: expect.objectContaining({ email: "ada@example.com" }), createdBy: expect.objectContaining({ name: "Olivia Owner" }) })]);
    // The link follows by email half an hour later, unless they book first.
    const waiting = await t.db.selectFrom("emails").select(["id", "kind", "status", "send_after", "text_body"]).execute();
    expect(waiting).toEqual([expect.objectContaining({ kind: "invitation", status: "pending", send_after: "2026-11-22T09:30:00.000Z" })]);
    expect(waiting[0]!.text_body).toContain(first.body.offer.url);

    const token = first.body.offer.url.slice("/b/".length);
    const page = await t.agent().json("GET", `/api/public/bookings/${token}`);
    expect(page.body.booking).toMatchObject({ status: "invited", canBook: true, researcherName: "Olivia Owner" });
    expect((await t.agent().json("POST", `/api/public/bookings/${token}`, { body: { slotId: slot.id } })).body.booking.status).toBe("booked");
    const after = await t.db.selectFrom("emails").select(["kind", "status"]).where("kind", "=", "invitation").execute();
    expect(after).toEqual([{ kind: "invitation", status: "cancelled" }]);
    // Booked: the end screen (a reload) still gets its link — to see or change the booking.
    expect((await ask(responseId)).body.offer.url).toBe(first.body.offer.url);
  });

  it("offers nothing to the disqualified, the flagged, the unsubscribed, late askers, those already invited, or when no slot is free", async () => {
    await enable();
    const out = await complete({ email: "out@example.com", role: "nobody" });
    const faker = await complete({ email: "faker@example.com", trap: true });
    const bot = await complete({ email: "bot@example.com", honeypot: true });
    const invited = await complete({ email: "invited@example.com" });
    const late = await complete({ email: "late@example.com" });
    const unsubscribed = await complete({ email: "gone@example.com" });
    const noSlots = await complete({ email: "early@example.com" });

    // No slot yet: nothing to book, nothing offered.
    expect((await ask(noSlots)).body).toEqual({ offer: null });
    await createSlot(t, owner, { surveyId: null });

    const respondentOf = async (id: string) => (await t.db.selectFrom("responses").select("respondent_id").where("id", "=", id).executeTakeFirstOrThrow()).respondent_id!;
    await invite(owner, survey.id, [await respondentOf(invited)], { send: false });
    await t.db.updateTable("respondents").set({ unsubscribed_at: "2026-11-22T09:00:00.000Z" }).where("id", "=", await respondentOf(unsubscribed)).execute();
    for (const id of [out, faker, bot, invited, unsubscribed]) expect((await ask(id)).body, id).toEqual({ offer: null });

    t.clock.advance(2 * 3_600_000 + 60_000);
    expect((await ask(late)).body).toEqual({ offer: null });
    // None of them was invited by asking.
    expect((await owner.json("GET", `/api/surveys/${survey.id}/invitations`)).body.invitations).toHaveLength(1);
  });

  it("refuses a malformed id, and tells nothing about unknown or unfinished responses", async () => {
    await createSlot(t, owner, { surveyId: survey.id });
    await enable();
    const bad = await t.agent().json("POST", "/api/public/responses/not-a-uuid/booking-link");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
    const unknown = await ask(randomUUID());
    expect([unknown.status, unknown.body]).toEqual([200, { offer: null }]);
    const partialId = randomUUID();
    await t.agent().json("PUT", `/api/public/responses/${partialId}`, { body: { survey: survey.slug, answers: { role: "me" }, complete: false } });
    const partial = await ask(partialId);
    expect([partial.status, partial.body]).toEqual([200, { offer: null }]);
    expect(await t.db.selectFrom("invitations").select("id").execute()).toEqual([]);
  });

  it("makes one invitation and one email when asked many times at once", async () => {
    await createSlot(t, owner, { surveyId: survey.id });
    await enable();
    const responseId = await complete({ email: "ada@example.com" });
    const answers = await Promise.all(Array.from({ length: 8 }, () => ask(responseId)));
    expect(new Set(answers.map((a) => a.body.offer?.url)).size).toBe(1);
    expect(answers[0]!.body.offer).not.toBeNull();
    expect(await t.db.selectFrom("invitations").select("id").execute()).toHaveLength(1);
    expect(await t.db.selectFrom("emails").select("id").execute()).toHaveLength(1);
  });

  it("limits how often one client may ask", async () => {
    const statuses = [];
    for (let i = 0; i < 31; i++) statuses.push((await ask(randomUUID())).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
