import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Agent, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { createSlot, invite, publishScreener, respond } from "../invitations/interview-test-kit.js";
import { sweepExpiredContacts } from "./retention-sweep.js";

describe.each(testDialects)("privacy on %s", (dialect) => {
  let t: TestApp;
  let owner: Agent;
  let ownerId: string;
  let survey: { id: string; slug: string };
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    const o = await t.setupOwner();
    owner = o.agent;
    ownerId = o.userId;
    survey = await publishScreener(owner);
  });
  afterEach(async () => t.cleanup());

  it("exports everything about a respondent as JSON and logs it", async () => {
    const ada = await respond(t, survey.slug, { email: "ada@example.com" });
    const [inv] = await invite(owner, survey.id, [ada]);
    await owner.json("PATCH", `/api/invitations/${inv!.id}`, { body: { notes: "Prefers mornings" } });
    const res = await owner.json("GET", `/api/respondents/${ada}/export`);
    expect(res.status).toBe(200);
    expect(res.res.headers.get("content-disposition")).toBe(`attachment; filename="respondent-${ada}.json"`);
    expect(res.body.respondent).toMatchObject({ id: ada, email: "ada@example.com", consentText: "I agree to be contacted about this study." });
    expect(res.body.responses).toHaveLength(1);
    expect(res.body.responses[0].answers).toEqual(expect.arrayContaining([{ questionId: "email", optionId: null, text: "ada@example.com", number: null }]));
    expect(res.body.interviews).toEqual([expect.objectContaining({ status: "invited", notes: "Prefers mornings" })]);
    expect(res.body.emails).toEqual([expect.objectContaining({ kind: "invitation", status: "pending" })]);
    const audit = await owner.json("GET", "/api/privacy/audit");
    expect(audit.body.entries).toEqual([expect.objectContaining({ action: "respondent.export", actorUserId: ownerId, subjectId: ada })]);
  });

  it("erases contact data but keeps the answers, anonymous", async () => {
    const ada = await respond(t, survey.slug, { email: "ada@example.com" });
    const [inv] = await invite(owner, survey.id, [ada]);
    const slot = await createSlot(t, owner, { surveyId: survey.id });
    await t.agent().json("POST", `/api/public/bookings/${inv!.token}`, { body: { slotId: slot.id } });
    await owner.json("PATCH", `/api/respondents/${ada}`, { body: { name: "Ada Lovelace" } });

    const erased = await owner.json("POST", `/api/respondents/${ada}/erase`);
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toMatchObject({ id: ada, responses: 1, interviews: 1 });
    const row = await t.db.selectFrom("respondents").selectAll().where("id", "=", ada).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: null, name: null, consent_text: null });
    expect(row.erased_at).not.toBeNull();
    const response = await t.db.selectFrom("responses").select(["respondent_id", "outcome", "dedupe_hash"]).executeTakeFirstOrThrow();
    expect(response).toEqual({ respondent_id: null, outcome: "qualified", dedupe_hash: null });
    const answers = await t.db.selectFrom("answers").select(["question_id", "option_id", "value_text"]).orderBy("question_id").execute();
    expect(answers).toEqual([
      { question_id: "email", option_id: null, value_text: null },
      { question_id: "role", option_id: "me", value_text: null },
      { question_id: "tools", option_id: "notion", value_text: null },
    ]);
    expect(await t.db.selectFrom("emails").select("id").execute()).toHaveLength(0);
    expect((await owner.json("GET", "/api/slots?state=free")).body.slots).toHaveLength(1);
    expect((await t.agent().json("GET", `/api/public/bookings/${inv!.token}`)).status).toBe(404);
    expect((await owner.json("GET", `/api/surveys/${survey.id}/results`)).body).toBeTruthy();
    expect((await owner.json("GET", "/api/respondents")).body.total).toBe(0);
    expect((await owner.json("GET", "/api/respondents?includeErased=1")).body.respondents[0]).toMatchObject({ id: ada, email: null, erased: true });
    const audit = await owner.json("GET", `/api/privacy/audit?respondent=${ada}`);
    expect(audit.body.entries).toEqual([expect.objectContaining({ action: "respondent.erase", details: expect.objectContaining({ responses: 1 }) })]);
    expect(JSON.stringify(audit.body)).not.toContain("ada@example.com");
    expect((await owner.json("POST", "/api/respondents/nobody/erase")).status).toBe(404);
  });

  it("lets owners set a retention period that the sweep enforces, with an audit trail", async () => {
    expect((await owner.json("GET", "/api/privacy")).body).toEqual({ contactRetentionDays: null });
    expect((await owner.json("PUT", "/api/privacy", { body: { contactRetentionDays: 0 } })).status).toBe(400);
    const editor = await t.addMember(owner, "editor", "editor@example.com");
    expect((await editor.agent.json("PUT", "/api/privacy", { body: { contactRetentionDays: 30 } })).status).toBe(403);
    expect((await owner.json("PUT", "/api/privacy", { body: { contactRetentionDays: 30 } })).body).toEqual({ contactRetentionDays: 30 });

    const old = await respond(t, survey.slug, { email: "old@example.com" });
    const booked = await respond(t, survey.slug, { email: "booked@example.com" });
    const [inv] = await invite(owner, survey.id, [booked], { send: false });
    const slot = await createSlot(t, owner, { surveyId: survey.id, daysAhead: 40 });
    await t.agent().json("POST", `/api/public/bookings/${inv!.token}`, { body: { slotId: slot.id } });
    t.clock.advance(31 * 86_400_000);
    const fresh = await respond(t, survey.slug, { email: "fresh@example.com" });

    expect(await sweepExpiredContacts({ db: t.db, clock: t.clock, ids: t.deps.ids })).toBe(1);
    expect(await sweepExpiredContacts({ db: t.db, clock: t.clock, ids: t.deps.ids })).toBe(0);
    const left = await t.db.selectFrom("respondents").select(["id", "email"]).where("erased_at", "is", null).execute();
    expect(left.map((r) => r.id).sort()).toEqual([booked, fresh].sort());
    // A month on, the owner's session has expired: sign in again.
    const again = t.agent();
    await again.json("POST", "/api/auth/login", { body: { email: "owner@example.com", password: "correct horse battery" } });
    const audit = (await again.json("GET", "/api/privacy/audit")).body.entries;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(["respondent.expire", "workspace.retention"]);
    expect(audit[0]).toMatchObject({ subjectId: old, actorUserId: null, details: expect.objectContaining({ retentionDays: 30 }) });
  });
});
