import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Agent, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { createSlot, invite, publishScreener, respond } from "../invitations/interview-test-kit.js";

describe.each(testDialects)("booking an interview on %s", (dialect) => {
  let t: TestApp;
  let owner: Agent;
  let survey: { id: string; slug: string };
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    owner = (await t.setupOwner()).agent;
    survey = await publishScreener(owner);
  });
  afterEach(async () => t.cleanup());

  const book = (token: string, slotId: string) => t.agent().json("POST", `/api/public/bookings/${token}`, { body: { slotId } });

  it("shows free future slots with UTC times and the wall time in the slot's zone", async () => {
    const [inv] = await invite(owner, survey.id, [await respond(t, survey.slug, { email: "ada@example.com" })]);
    const berlin = await createSlot(t, owner, { surveyId: survey.id, time: "10:00", timeZone: "Europe/Berlin" });
    await createSlot(t, owner, { surveyId: null, time: "09:30", timeZone: "America/New_York", daysAhead: 4 });
    const other = await publishScreener(owner, "Another study");
    await createSlot(t, owner, { surveyId: other.id, daysAhead: 5 });

    const res = await t.agent().json("GET", `/api/public/bookings/${inv!.token}`);
    expect(res.status).toBe(200);
    expect(res.res.headers.get("cache-control")).toBe("no-store");
    expect(res.body.booking).toMatchObject({ status: "invited", surveyTitle: "Note-taking screener", researcherName: "Olivia Owner", workspaceName: "Research", canBook: true, slot: null });
    expect(res.body.slots).toEqual([
      { id: berlin.id, startsAt: "2026-11-25T09:00:00.000Z", endsAt: "2026-11-25T09:45:00.000Z", timeZone: "Europe/Berlin", local: { date: "2026-11-25", time: "10:00" }, location: "Video call" },
      expect.objectContaining({ startsAt: "2026-11-26T14:30:00.000Z", timeZone: "America/New_York", local: { date: "2026-11-26", time: "09:30" } }),
    ]);
    // The meeting link is for the person who booked, not for anyone holding any link.
    expect(JSON.stringify(res.body.slots)).not.toContain("meet.example.org");
  });

  it("books, reschedules and cancels; the slot is freed and can be booked again", async () => {
    const [inv] = await invite(owner, survey.id, [await respond(t, survey.slug, { email: "ada@example.com" })]);
    const a = await createSlot(t, owner, { surveyId: survey.id, daysAhead: 3 });
    const b = await createSlot(t, owner, { surveyId: survey.id, daysAhead: 4 });

    const booked = await book(inv!.token, a.id);
    expect(booked.status).toBe(200);
    expect(booked.body.booking).toMatchObject({ status: "booked", canBook: false, canChange: true, slot: { id: a.id, meetingUrl: "https://meet.example.org/sieve-interview" } });
    expect(booked.body.slots.map((s: { id: string }) => s.id)).toEqual([b.id]);
    expect((await book(inv!.token, b.id)).body.error.code).toBe("already_booked");

    const moved = await t.agent().json("POST", `/api/public/bookings/${inv!.token}/reschedule`, { body: { slotId: b.id } });
    expect(moved.status).toBe(200);
    expect(moved.body.booking.slot.id).toBe(b.id);
    expect(moved.body.slots.map((s: { id: string }) => s.id)).toEqual([a.id]);

    const cancelled = await t.agent().json("POST", `/api/public/bookings/${inv!.token}/cancel`);
    expect(cancelled.body.booking).toMatchObject({ status: "cancelled", slot: null, canBook: true });
    expect(cancelled.body.slots).toHaveLength(2);
    expect((await book(inv!.token, a.id)).body.booking.status).toBe("booked");

    const slots = await owner.json("GET", `/api/slots?survey=${survey.id}&state=booked`);
    expect(slots.body.slots).toEqual([expect.objectContaining({ id: a.id, booking: expect.objectContaining({ status: "booked", respondent: expect.objectContaining({ email: "ada@example.com" }) }) })]);
    const emails = await t.db.selectFrom("emails").select(["kind", "status"]).orderBy("created_at").execute();
    expect(emails.filter((e) => e.kind === "reminder").map((e) => e.status)).toEqual(["cancelled", "cancelled", "pending"]);
  });

  it("plans one reminder from how far ahead the interview is booked, and moves or cancels it with the booking", async () => {
    const people = [await respond(t, survey.slug, { email: "ada@example.com" }), await respond(t, survey.slug, { email: "bob@example.com" })];
    const [ada, bob] = await invite(owner, survey.id, people, { send: false });
    // The test clock reads 2026-11-22 09:00 UTC.
    const inFiveHours = await createSlot(t, owner, { surveyId: survey.id, daysAhead: 0, time: "14:00", timeZone: "UTC" });
    const inTwoHours = await createSlot(t, owner, { surveyId: survey.id, daysAhead: 0, time: "11:00", timeZone: "UTC" });
    const inFourDays = await createSlot(t, owner, { surveyId: survey.id, daysAhead: 4, time: "10:00", timeZone: "UTC" });
    const reminders = () =>
      t.db.selectFrom("emails").select(["to_address", "status", "send_after", "subject"]).where("kind", "=", "reminder").orderBy("send_after").execute();

    // Booked 5 h ahead: no "tomorrow" reminder, a short one 1 h before.
    expect((await book(ada!.token, inFiveHours.id)).status).toBe(200);
    expect(await reminders()).toEqual([
      { to_address: "ada@example.com", status: "pending", send_after: "2026-11-22T13:00:00.000Z", subject: expect.stringMatching(/^Starting in 1 hour: your interview on Sunday 22 November 2026, 14:00–14:45/) },
    ]);
    // Booked 2 h ahead: the confirmation is reminder enough.
    expect((await book(bob!.token, inTwoHours.id)).status).toBe(200);
    expect(await reminders()).toHaveLength(1);
    expect((await t.db.selectFrom("invitations").select("reminder_email_id").where("id", "=", bob!.id).executeTakeFirstOrThrow()).reminder_email_id).toBeNull();

    // Moved to 4 days ahead: the short reminder goes, the day-before one comes.
    await t.agent().json("POST", `/api/public/bookings/${ada!.token}/reschedule`, { body: { slotId: inFourDays.id } });
    expect((await reminders()).map((r) => [r.status, r.send_after])).toEqual([
      ["cancelled", "2026-11-22T13:00:00.000Z"],
      ["pending", "2026-11-25T10:00:00.000Z"],
    ]);
    expect((await reminders())[1]!.subject).toMatch(/^Reminder: your interview on Thursday 26 November 2026, 10:00/);
    // Either reminder is worth sending only until its interview starts.
    const sendBefore = await t.db.selectFrom("emails").select("send_before").where("kind", "=", "reminder").orderBy("send_after").execute();
    expect(sendBefore.map((r) => r.send_before)).toEqual([inFiveHours.startsAt, inFourDays.startsAt]);
    expect(await t.db.selectFrom("emails").select("send_before").where("kind", "!=", "reminder").where("send_before", "is not", null).execute()).toEqual([]);
    // Bob moves from 2 h to 5 h ahead (now free): a short reminder appears; cancelling removes it.
    await t.agent().json("POST", `/api/public/bookings/${bob!.token}/reschedule`, { body: { slotId: inFiveHours.id } });
    expect((await reminders()).filter((r) => r.to_address === "bob@example.com").map((r) => [r.status, r.send_after])).toEqual([["pending", "2026-11-22T13:00:00.000Z"]]);
    await t.agent().json("POST", `/api/public/bookings/${bob!.token}/cancel`);
    expect((await reminders()).filter((r) => r.to_address === "bob@example.com").map((r) => r.status)).toEqual(["cancelled"]);
  });

  it("lets exactly one of 20 concurrent bookings of one slot succeed", async () => {
    const people = [];
    for (let i = 0; i < 20; i++) people.push(await respond(t, survey.slug, { email: `p${i}@example.com` }));
    const invitations = await invite(owner, survey.id, people, { send: false });
    const slot = await createSlot(t, owner, { surveyId: survey.id });
    const results = await Promise.all(invitations.map((inv) => book(inv.token, slot.id)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.error.code).toBe("slot_taken");
    const holders = await t.db.selectFrom("slots").select("invitation_id").where("id", "=", slot.id).execute();
    expect(holders[0]!.invitation_id).not.toBeNull();
    const booked = await t.db.selectFrom("invitations").select("id").where("status", "=", "booked").execute();
    expect(booked.map((b) => b.id)).toEqual([holders[0]!.invitation_id]);
    expect(await t.db.selectFrom("emails").select("id").where("kind", "=", "confirmation").execute()).toHaveLength(1);
  });

  it("lets one invitation hold one slot even when it books two at once", async () => {
    const [inv] = await invite(owner, survey.id, [await respond(t, survey.slug, { email: "ada@example.com" })], { send: false });
    const a = await createSlot(t, owner, { surveyId: survey.id, daysAhead: 3 });
    const b = await createSlot(t, owner, { surveyId: survey.id, daysAhead: 4 });
    const results = await Promise.all([book(inv!.token, a.id), book(inv!.token, b.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await t.db.selectFrom("slots").select("id").where("invitation_id", "is not", null).execute()).toHaveLength(1);
  });

  it("answers bad links, unknown or past slots and bad bodies with clear errors", async () => {
    const [inv] = await invite(owner, survey.id, [await respond(t, survey.slug, { email: "ada@example.com" })], { send: false });
    const slot = await createSlot(t, owner, { surveyId: survey.id, daysAhead: 1 });
    expect((await t.agent().json("GET", "/api/public/bookings/not-a-token")).status).toBe(404);
    expect((await t.agent().json("GET", `/api/public/bookings/${"x".repeat(43)}`)).status).toBe(404);
    expect((await book(inv!.token, "nope")).status).toBe(404);
    const bad = await t.agent().json("POST", `/api/public/bookings/${inv!.token}`, { body: { slot: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
    expect((await t.agent().json("POST", `/api/public/bookings/${inv!.token}/reschedule`, { body: { slotId: slot.id } })).body.error.code).toBe("not_booked");
    expect((await t.agent().json("POST", `/api/public/bookings/${inv!.token}/cancel`)).body.error.code).toBe("not_booked");
    t.clock.advance(2 * 86_400_000);
    const past = await book(inv!.token, slot.id);
    expect(past.status).toBe(409);
    expect(past.body.error.code).toBe("slot_past");
  });

  it("lets the respondent decline, and the researcher reopen the invitation", async () => {
    const [inv] = await invite(owner, survey.id, [await respond(t, survey.slug, { email: "ada@example.com" })], { send: false });
    const declined = await t.agent().json("POST", `/api/public/bookings/${inv!.token}/decline`);
    expect(declined.body.booking.status).toBe("declined");
    const reopened = await owner.json("PATCH", `/api/invitations/${inv!.id}`, { body: { status: "invited" } });
    expect(reopened.body.invitation.status).toBe("invited");
  });

  it("does not offer another workspace's slots", async () => {
    const [inv] = await invite(owner, survey.id, [await respond(t, survey.slug, { email: "ada@example.com" })], { send: false });
    const outsider = await t.createOutsider();
    const theirs = await createSlot(t, outsider.agent, { surveyId: null });
    expect((await t.agent().json("GET", `/api/public/bookings/${inv!.token}`)).body.slots).toEqual([]);
    expect((await book(inv!.token, theirs.id)).status).toBe(404);
  });
});
