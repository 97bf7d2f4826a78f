import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Agent, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { invite, publishScreener, respond } from "../invitations/interview-test-kit.js";

describe.each(testDialects)("slots on %s", (dialect) => {
  let t: TestApp;
  let owner: Agent;
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    owner = (await t.setupOwner()).agent;
  });
  afterEach(async () => t.cleanup());

  const weekly = {
    kind: "weekly",
    surveyId: null,
    from: "2026-11-30",
    to: "2026-12-06",
    weekdays: [1, 3],
    startTime: "09:00",
    endTime: "12:00",
    durationMinutes: 45,
    bufferMinutes: 15,
    timeZone: "Europe/Berlin",
    meetingUrl: "https://meet.example.org/room",
  };

  it("creates a weekly pattern in a time zone, skipping duplicates when repeated", async () => {
    const res = await owner.json("POST", "/api/slots", { body: weekly });
    expect(res.status).toBe(201);
    expect(res.body.skipped).toBe(0);
    expect(res.body.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      "2026-11-30T08:00:00.000Z", "2026-11-30T09:00:00.000Z", "2026-11-30T10:00:00.000Z",
      "2026-12-02T08:00:00.000Z", "2026-12-02T09:00:00.000Z", "2026-12-02T10:00:00.000Z",
    ]);
    expect(res.body.slots[0]).toMatchObject({ endsAt: "2026-11-30T08:45:00.000Z", timeZone: "Europe/Berlin", location: "", meetingUrl: "https://meet.example.org/room", booking: null, seriesId: expect.any(String) });
    const again = await owner.json("POST", "/api/slots", { body: { ...weekly, to: "2026-12-09" } });
    expect(again.body).toMatchObject({ skipped: 6 });
    expect(again.body.slots.map((s: { startsAt: string }) => s.startsAt.slice(0, 10))).toEqual(["2026-12-07", "2026-12-07", "2026-12-07", "2026-12-09", "2026-12-09", "2026-12-09"]);
  });

  it("creates a single slot for a survey and lists free and booked ones", async () => {
    const survey = await publishScreener(owner);
    const single = await owner.json("POST", "/api/slots", { body: { kind: "single", surveyId: survey.id, date: "2026-12-01", time: "09:30", durationMinutes: 30, timeZone: "Asia/Kolkata", location: "Office, 2nd floor" } });
    expect(single.status).toBe(201);
    expect(single.body.slots[0]).toMatchObject({ surveyId: survey.id, startsAt: "2026-12-01T04:00:00.000Z", endsAt: "2026-12-01T04:30:00.000Z", meetingUrl: null });
    await owner.json("POST", "/api/slots", { body: weekly });
    const [inv] = await invite(owner, survey.id, [await respond(t, survey.slug, { email: "ada@example.com" })], { send: false });
    await t.agent().json("POST", `/api/public/bookings/${inv!.token}`, { body: { slotId: single.body.slots[0].id } });
    const booked = await owner.json("GET", "/api/slots?state=booked");
    expect(booked.body.slots).toEqual([expect.objectContaining({ id: single.body.slots[0].id, booking: expect.objectContaining({ status: "booked", respondent: expect.objectContaining({ email: "ada@example.com" }) }) })]);
    expect((await owner.json("GET", "/api/slots?state=free")).body.slots).toHaveLength(6);
    expect((await owner.json("GET", "/api/slots?from=2026-12-02T00:00:00Z&to=2026-12-03T00:00:00Z")).body.slots).toHaveLength(3);
    const del = await owner.json("DELETE", `/api/slots/${single.body.slots[0].id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe("slot_booked");
    const free = (await owner.json("GET", "/api/slots?state=free")).body.slots[0].id;
    expect((await owner.request("DELETE", `/api/slots/${free}`)).status).toBe(204);
    expect((await owner.request("DELETE", `/api/slots/${free}`)).status).toBe(404);
  });

  it("explains bad input: unknown zones, impossible local times, past slots, bad patterns", async () => {
    const post = (body: unknown) => owner.json("POST", "/api/slots", { body });
    const zone = await post({ ...weekly, timeZone: "Mars/Base" });
    expect(zone.status).toBe(400);
    expect(zone.body.error).toMatchObject({ code: "invalid_slots", details: { issues: [{ path: ["timeZone"], code: "invalid_time_zone" }] } });
    const gap = await post({ kind: "single", date: "2027-03-28", time: "02:30", durationMinutes: 30, timeZone: "Europe/Berlin" });
    expect(gap.body.error.details.issues[0].code).toBe("nonexistent_time");
    const past = await post({ kind: "single", date: "2026-11-01", time: "10:00", durationMinutes: 30, timeZone: "UTC" });
    expect(past.body.error.message).toBe("Every slot would be in the past");
    const shape = await post({ kind: "daily" });
    expect(shape.status).toBe(400);
    expect(shape.body.error.code).toBe("invalid_request");
    expect((await post({ ...weekly, meetingUrl: "javascript:alert(1)" })).status).toBe(400);
    expect((await post({ ...weekly, surveyId: "nope" })).status).toBe(404);
    const viewer = await t.addMember(owner, "viewer", "viewer@example.com");
    expect((await viewer.agent.json("POST", "/api/slots", { body: weekly })).status).toBe(403);
  });
});
