import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Agent, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { createSlot, invite, publishScreener, respond } from "./interview-test-kit.js";

describe.each(testDialects)("invitations on %s", (dialect) => {
  let t: TestApp;
  let owner: Agent;
  let survey: { id: string; slug: string };
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    owner = (await t.setupOwner()).agent;
    survey = await publishScreener(owner);
  });
  afterEach(async () => t.cleanup());

  it("previews a message with merge fields, for one respondent or a sample", async () => {
    const ada = await respond(t, survey.slug, { email: "ada@example.com" });
    await owner.json("PATCH", `/api/respondents/${ada}`, { body: { name: "Ada Lovelace" } });
    const body = { subject: "{{first_name|Hello}} — {{survey_title}}", body: "Hi {{first_name|there}} <3\n\n{{booking_link}}\n\n{{researcher_name}}" };
    const sample = await owner.json("POST", `/api/surveys/${survey.id}/invitations/preview`, { body });
    expect(sample.status).toBe(200);
    expect(sample.body.subject).toBe("Hello — Note-taking screener");
    expect(sample.body.text).toContain("Hi there <3\n\nhttp://localhost/b/preview\n\nOlivia Owner");
    expect(sample.body.html).toContain("Hi there &lt;3");
    expect(sample.body.fields).toEqual(["first_name", "survey_title", "booking_link", "researcher_name"]);
    const personal = await owner.json("POST", `/api/surveys/${survey.id}/invitations/preview`, { body: { ...body, respondentId: ada } });
    expect(personal.body.subject).toBe("Ada — Note-taking screener");
    const defaults = await owner.json("POST", `/api/surveys/${survey.id}/invitations/preview`, { body: {} });
    expect(defaults.body.subject).toBe("Would you talk to us about Note-taking screener?");

    const bad = await owner.json("POST", `/api/surveys/${survey.id}/invitations/preview`, { body: { subject: "Hi {{firstname}}", body: "no link" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_template");
    expect(bad.body.error.details.issues.map((i: { code: string }) => i.code)).toEqual(["unknown_merge_field", "missing_booking_link"]);
    expect((await owner.json("POST", `/api/surveys/${survey.id}/invitations/preview`, { body: { subject: "a\nb" } })).status).toBe(400);
  });

  it("invites with one unguessable link each, shown once, stored only hashed", async () => {
    const people = [await respond(t, survey.slug, { email: "a@example.com" }), await respond(t, survey.slug, { email: "b@example.com" })];
    const res = await owner.json("POST", `/api/surveys/${survey.id}/invitations`, { body: { respondentIds: people, send: false } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ emailed: false, skipped: [] });
    const tokens = res.body.invitations.map((i: { link: string }) => i.link.split("/b/")[1]);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(new Set(tokens).size).toBe(2);
    const stored = await t.db.selectFrom("invitations").select("token_hash").execute();
    for (const row of stored) expect(tokens).not.toContain(row.token_hash);
    expect(JSON.stringify((await owner.json("GET", `/api/surveys/${survey.id}/invitations`)).body)).not.toContain(tokens[0]);
    expect(await t.db.selectFrom("emails").select("id").execute()).toHaveLength(0);
  });

  it("never invites unsubscribed, erased or already-invited respondents; flagged ones only with overrideFlags", async () => {
    const ok = await respond(t, survey.slug, { email: "ok@example.com" });
    const faker = await respond(t, survey.slug, { email: "faker@example.com", trap: true });
    const gone = await respond(t, survey.slug, { email: "gone@example.com" });
    const quiet = await respond(t, survey.slug, { email: "quiet@example.com" });
    await owner.json("POST", `/api/respondents/${gone}/erase`);
    await t.db.updateTable("respondents").set({ unsubscribed_at: t.clock.now().toISOString() }).where("id", "=", quiet).execute();
    const outsider = await t.createOutsider();
    const res = await owner.json("POST", `/api/surveys/${survey.id}/invitations`, { body: { respondentIds: [ok, faker, gone, quiet, "nobody"] } });
    expect(res.status).toBe(201);
    expect(res.body.invitations.map((i: { email: string }) => i.email)).toEqual(["ok@example.com"]);
    expect(res.body.skipped).toEqual([
      { respondentId: faker, reason: "flagged" },
      { respondentId: gone, reason: "erased" },
      { respondentId: quiet, reason: "unsubscribed" },
      { respondentId: "nobody", reason: "not_found" },
    ]);
    const again = await owner.json("POST", `/api/surveys/${survey.id}/invitations`, { body: { respondentIds: [ok, gone, quiet], overrideFlags: true } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("nobody_invited");
    expect(again.body.error.details.skipped.map((s: { reason: string }) => s.reason)).toEqual(["already_invited", "erased", "unsubscribed"]);
    const overridden = await owner.json("POST", `/api/surveys/${survey.id}/invitations`, { body: { respondentIds: [faker], overrideFlags: true } });
    expect(overridden.status).toBe(201);
    expect((await outsider.agent.json("POST", `/api/surveys/${survey.id}/invitations`, { body: { respondentIds: [ok] } })).status).toBe(404);
    expect((await owner.json("POST", `/api/surveys/${survey.id}/invitations`, { body: { respondentIds: [] } })).status).toBe(400);
  });

  it("tracks the pipeline: outcomes, notes, incentives, and refuses impossible moves", async () => {
    const [inv] = await invite(owner, survey.id, [await respond(t, survey.slug, { email: "ada@example.com" })], { send: false });
    const patch = (body: unknown) => owner.json("PATCH", `/api/invitations/${inv!.id}`, { body });
    const early = await patch({ status: "completed" });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: "invalid_transition", details: { from: "invited", to: "completed" } });
    expect((await patch({ status: "booked" })).body.error.code).toBe("invalid_transition");
    const slot = await createSlot(t, owner, { surveyId: survey.id });
    await t.agent().json("POST", `/api/public/bookings/${inv!.token}`, { body: { slotId: slot.id } });
    const done = await patch({ status: "completed", notes: "Great insights on sync.", incentive: { amount: 50, currency: "EUR" } });
    expect(done.status).toBe(200);
    expect(done.body.invitation).toMatchObject({ status: "completed", notes: "Great insights on sync.", incentive: { amount: 50, currency: "EUR", paidAt: null }, slot: { id: slot.id } });
    const paid = await patch({ incentivePaid: true });
    expect(paid.body.invitation.incentive.paidAt).toBe(t.clock.now().toISOString());
    expect((await patch({ incentive: { amount: 1.234, currency: "eur" } })).status).toBe(400);
    expect((await patch({})).status).toBe(400);

    const csv = await owner.request("GET", `/api/surveys/${survey.id}/incentives.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, for Excel
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("Email,Name,Survey,Status")).toBe(true);
    expect(text).toContain(`ada@example.com,,Note-taking screener,completed,${slot.startsAt},50.00,EUR,yes,${t.clock.now().toISOString()}\r\n`);
    const list = await owner.json("GET", `/api/surveys/${survey.id}/invitations`);
    expect(list.body.counts).toMatchObject({ completed: 1, invited: 0 });
  });

  it("cancelling a booked interview frees the slot and sends a cancellation", async () => {
    const [inv] = await invite(owner, survey.id, [await respond(t, survey.slug, { email: "ada@example.com" })], { send: false });
    const slot = await createSlot(t, owner, { surveyId: survey.id });
    await t.agent().json("POST", `/api/public/bookings/${inv!.token}`, { body: { slotId: slot.id } });
    const res = await owner.json("PATCH", `/api/invitations/${inv!.id}`, { body: { status: "cancelled" } });
    expect(res.body.invitation).toMatchObject({ status: "cancelled", slot: null, sequence: 2 });
    expect((await owner.json("GET", `/api/slots?state=free`)).body.slots.map((s: { id: string }) => s.id)).toEqual([slot.id]);
    const kinds = await t.db.selectFrom("emails").select(["kind", "status", "calendar"]).orderBy("created_at").execute();
    expect(kinds.map((k) => `${k.kind}:${k.status}`)).toEqual(["confirmation:pending", "researcher_notice:pending", "reminder:cancelled", "cancellation:pending"]);
    expect(kinds[3]!.calendar).toContain("METHOD:CANCEL");
  });
});
