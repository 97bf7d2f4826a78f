/**
 * Email end to end over a real SMTP conversation: smtp-server listens on 127.0.0.1 and the
 * app sends through nodemailer with the production transport options. Messages are parsed
 * back with mailparser, calendar invites with ical.js.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { createTestApp, type Agent, type TestApp } from "../testing/create-test-app.js";
import { createTestDb, testDialects, type TestDb } from "../testing/test-db.js";
import { silentLogger } from "../ops/logger.js";
import { createSmtpMailer, type Mailer } from "./mailer.js";
import { createMailWorker } from "./mail-worker.js";
import { claimDueEmails, TOO_LATE_ERROR } from "./outbox-repository.js";
import { queueEmail } from "./outbox.js";
import { startTestSmtpServer, type TestSmtpServer } from "./test-smtp-server.js";
import { createSlot, invite, publishScreener, respond } from "../invitations/interview-test-kit.js";

const unfold = (raw: string) => raw.replace(/\r\n[ \t]+/g, " ");
const header = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, "mi").exec(unfold(raw).split("\r\n\r\n")[0]!)?.[1];

function calendarOf(mail: ParsedMail) {
  const ics = mail.attachments.find((a) => a.filename?.endsWith(".ics"));
  if (!ics) throw new Error("no .ics attachment");
  const component = new ICAL.Component(ICAL.parse(ics.content.toString("utf8")));
  const vevent = component.getFirstSubcomponent("vevent")!;
  const event = new ICAL.Event(vevent);
  return {
    method: component.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    summary: event.summary,
    location: event.location,
    status: vevent.getFirstPropertyValue("status"),
    organizer: String(vevent.getFirstPropertyValue("organizer")),
    attendee: String(vevent.getFirstProperty("attendee")!.getFirstValue()),
  };
}

describe.each(testDialects)("email delivery on %s", (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let owner: Agent;
  let survey: { id: string; slug: string };
  const worker = (maxAttempts = 8) => createMailWorker({ db: t.db, mailer, clock: t.clock, logger: silentLogger, maxAttempts });

  beforeEach(async () => {
    smtp = await startTestSmtpServer();
    mailer = createSmtpMailer(smtp.url, "Sieve <no-reply@sieve.test>");
    t = await createTestApp({ dialect, mailer });
    owner = (await t.setupOwner()).agent;
    survey = await publishScreener(owner);
  });
  afterEach(async () => {
    mailer.close();
    await smtp.stop();
    await t.cleanup();
  });

  it("delivers invitations with merge fields, Reply-To, List-Unsubscribe headers and a working one-click unsubscribe", async () => {
    const ada = await respond(t, survey.slug, { email: "ada@example.com" });
    await owner.json("PATCH", `/api/respondents/${ada}`, { body: { name: "Ada Lovelace" } });
    const [inv] = await invite(owner, survey.id, [ada], {
      subject: "{{first_name}}, a chat about {{survey_title}}?",
      body: "Hi {{first_name}},\n\nPick a time: {{booking_link}}\n\nThanks, {{researcher_name}} & team",
    });
    expect(await worker().runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail!.envelope).toEqual({ from: "no-reply@sieve.test", to: ["ada@example.com"] });
    expect(mail!.parsed.subject).toBe("Ada, a chat about Note-taking screener?");
    expect(mail!.parsed.replyTo?.text).toBe("owner@example.com");
    expect(mail!.parsed.text).toContain(`Hi Ada,\n\nPick a time: ${inv!.link}\n\nThanks, Olivia Owner & team`);
    expect(mail!.parsed.html).toContain(`<a href="${inv!.link}">${inv!.link}</a>`);
    expect(mail!.parsed.html).toContain("Thanks, Olivia Owner &amp; team");
    const listUnsubscribe = header(mail!.raw, "List-Unsubscribe");
    expect(listUnsubscribe).toMatch(/^<http:\/\/localhost\/u\/[A-Za-z0-9_-]{32}>$/);
    expect(header(mail!.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribeUrl = listUnsubscribe!.slice(1, -1);
    expect(mail!.parsed.text).toContain(unsubscribeUrl);
    expect(header(mail!.raw, "Message-ID")).toMatch(/^<[0-9a-f-]{36}@sieve\.test>$/);

    const outbox = await owner.json("GET", "/api/outbox");
    expect(outbox.body).toMatchObject({ delivery: "smtp", total: 1, emails: [{ kind: "invitation", to: "ada@example.com", status: "sent", attempts: 1 }] });

    // One click: honoured at once, for this and every later study.
    const page = await t.agent().request("GET", new URL(unsubscribeUrl).pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("You are unsubscribed");
    const respondent = await owner.json("GET", `/api/respondents/${ada}`);
    expect(respondent.body.respondent.unsubscribed).toBe(true);
    const other = await publishScreener(owner, "Second study");
    const again = await owner.json("POST", `/api/surveys/${other.id}/invitations`, { body: { respondentIds: [ada] } });
    expect(again.status).toBe(409);
    expect(again.body.error.details.skipped).toEqual([{ respondentId: ada, reason: "unsubscribed" }]);
    // Mail clients' RFC 8058 POST works too; unknown tokens are a 404.
    expect((await t.agent().request("POST", new URL(unsubscribeUrl).pathname, { origin: "https://mail.example", rawBody: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } })).status).toBe(200);
    expect((await t.agent().request("GET", `/u/${"A".repeat(32)}`)).status).toBe(404);
  });

  it("sends a confirmation with an .ics invite that calendars read, moves it with a higher SEQUENCE, cancels it, and reminds 24 h before", async () => {
    const ada = await respond(t, survey.slug, { email: "ada@example.com" });
    const [inv] = await invite(owner, survey.id, [ada], { send: false });
    const first = await createSlot(t, owner, { surveyId: survey.id, daysAhead: 3, time: "10:00", timeZone: "Europe/Berlin", location: "Room 4, floor 2" });
    const second = await createSlot(t, owner, { surveyId: survey.id, daysAhead: 4, time: "15:30", timeZone: "America/New_York", durationMinutes: 30 });
    const w = worker();

    expect((await t.agent().json("POST", `/api/public/bookings/${inv!.token}`, { body: { slotId: first.id } })).status).toBe(200);
    expect(await w.runOnce()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const confirmation = smtp.messages.find((m) => m.envelope.to[0] === "ada@example.com")!;
    const notice = smtp.messages.find((m) => m.envelope.to[0] === "owner@example.com")!;
    expect(confirmation.parsed.subject).toBe("Confirmed: interview on Wednesday 25 November 2026, 10:00–10:45 (Europe/Berlin)");
    expect(confirmation.parsed.text).toContain(`/b/${inv!.token}`);
    expect(header(confirmation.raw, "List-Unsubscribe")).toMatch(/^<http:\/\/localhost\/u\//);
    expect(calendarOf(confirmation.parsed)).toEqual({
      method: "REQUEST",
      uid: `${inv!.id}@sieve`,
      sequence: 0,
      start: "2026-11-25T09:00:00.000Z",
      end: "2026-11-25T09:45:00.000Z",
      summary: "Interview: Note-taking screener",
      location: "Room 4, floor 2 — https://meet.example.org/sieve-interview",
      status: "CONFIRMED",
      organizer: "mailto:owner@example.com",
      attendee: "mailto:ada@example.com",
    });
    expect(notice.parsed.subject).toContain("New booking: ada@example.com");
    expect(header(notice.raw, "List-Unsubscribe")).toMatch(/^<http:\/\/localhost\/u\//);

    smtp.messages.length = 0;
    await t.agent().json("POST", `/api/public/bookings/${inv!.token}/reschedule`, { body: { slotId: second.id } });
    await w.runOnce();
    const moved = smtp.messages.find((m) => m.envelope.to[0] === "ada@example.com")!;
    expect(moved.parsed.subject).toContain("Moved: interview on Thursday 26 November 2026, 15:30–16:00 (America/New_York)");
    expect(calendarOf(moved.parsed)).toMatchObject({ method: "REQUEST", uid: `${inv!.id}@sieve`, sequence: 1, start: "2026-11-26T20:30:00.000Z", end: "2026-11-26T21:00:00.000Z" });

    smtp.messages.length = 0;
    await t.agent().json("POST", `/api/public/bookings/${inv!.token}/cancel`);
    await w.runOnce();
    const cancelled = smtp.messages.find((m) => m.envelope.to[0] === "ada@example.com")!;
    expect(calendarOf(cancelled.parsed)).toMatchObject({ method: "CANCEL", uid: `${inv!.id}@sieve`, sequence: 2, status: "CANCELLED", start: "2026-11-26T20:30:00.000Z" });
    expect(smtp.messages.find((m) => m.envelope.to[0] === "owner@example.com")!.parsed.subject).toContain("Cancelled: ada@example.com");

    // Book again: the reminder waits in the database until 24 h before, then goes once.
    smtp.messages.length = 0;
    await t.agent().json("POST", `/api/public/bookings/${inv!.token}`, { body: { slotId: first.id } });
    await w.runOnce();
    expect(calendarOf(smtp.messages.find((m) => m.envelope.to[0] === "ada@example.com")!.parsed).sequence).toBe(3);
    smtp.messages.length = 0;
    t.clock.set("2026-11-24T08:59:00.000Z");
    expect((await w.runOnce()).sent).toBe(0);
    t.clock.set("2026-11-24T09:00:00.000Z");
    expect(await w.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.messages.map((m) => m.parsed.subject)).toEqual(["Reminder: your interview on Wednesday 25 November 2026, 10:00–10:45 (Europe/Berlin)"]);
    t.clock.advance(3_600_000);
    expect((await w.runOnce()).sent).toBe(0);
    const reminders = await t.db.selectFrom("emails").select("status").where("kind", "=", "reminder").orderBy("created_at").execute();
    expect(reminders.map((r) => r.status)).toEqual(["cancelled", "cancelled", "sent"]);
  });

  it("keeps email while the SMTP server is down and delivers each exactly once when it is back, even with two workers", async () => {
    const people = [await respond(t, survey.slug, { email: "a@example.com" }), await respond(t, survey.slug, { email: "b@example.com" })];
    await smtp.stop();
    await invite(owner, survey.id, people);
    const w1 = worker();
    const w2 = worker();
    expect(await w1.runOnce()).toEqual({ sent: 0, retrying: 2, failed: 0 });
    const waiting = await owner.json("GET", "/api/outbox?status=pending");
    expect(waiting.body.emails).toHaveLength(2);
    for (const e of waiting.body.emails) {
      expect(e).toMatchObject({ attempts: 1, nextAttemptAt: new Date(t.clock.now().getTime() + 30_000).toISOString() });
      expect(e.lastError).toMatch(/ECONNREFUSED|connect/i);
    }
    expect((await w1.runOnce()).retrying).toBe(0); // not due yet
    t.clock.advance(30_000);
    expect((await w1.runOnce()).retrying).toBe(2); // still down: backoff doubles
    expect((await owner.json("GET", "/api/outbox")).body.emails[0].nextAttemptAt).toBe(new Date(t.clock.now().getTime() + 60_000).toISOString());

    await smtp.start();
    t.clock.advance(60_000);
    const [r1, r2] = await Promise.all([w1.runOnce(), w2.runOnce()]);
    expect(r1.sent + r2.sent).toBe(2);
    await Promise.all([w1.runOnce(), w2.runOnce()]);
    expect(smtp.messages.map((m) => m.envelope.to[0]).sort()).toEqual(["a@example.com", "b@example.com"]);
    expect((await owner.json("GET", "/api/outbox?status=sent")).body.total).toBe(2);
  });

  it("gives up after the last attempt or a permanent refusal, shows it in the outbox and can retry", async () => {
    const bounce = await respond(t, survey.slug, { email: "bounce@example.com" });
    const down = await respond(t, survey.slug, { email: "later@example.com" });
    smtp.reject.add("bounce@example.com");
    await invite(owner, survey.id, [bounce]);
    const w = worker(3);
    expect(await w.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = (await owner.json("GET", "/api/outbox?status=failed")).body.emails[0];
    expect(failed).toMatchObject({ to: "bounce@example.com", attempts: 1, nextAttemptAt: null });
    expect(failed.lastError).toMatch(/550/);

    await smtp.stop();
    await invite(owner, survey.id, [down]);
    for (const wait of [0, 30_000, 60_000]) {
      t.clock.advance(wait);
      await w.runOnce();
    }
    const gaveUp = (await owner.json("GET", "/api/outbox?status=failed")).body.emails.find((e: { to: string }) => e.to === "later@example.com");
    expect(gaveUp).toMatchObject({ status: "failed", attempts: 3 });

    await smtp.start();
    const retried = await owner.json("POST", `/api/outbox/${gaveUp.id}/retry`);
    expect(retried.body.email).toMatchObject({ status: "pending", attempts: 0 });
    expect((await owner.json("POST", `/api/outbox/${gaveUp.id}/retry`)).body.error.code).toBe("not_retryable");
    expect((await w.runOnce()).sent).toBe(1);
    expect(smtp.messages.map((m) => m.envelope.to[0])).toEqual(["later@example.com"]);
  });

  it("never sends a 'starting soon' reminder once the interview has started, however long the worker was down", async () => {
    const ada = await respond(t, survey.slug, { email: "ada@example.com" });
    const [inv] = await invite(owner, survey.id, [ada], { send: false });
    // The test clock reads 2026-11-22 09:00 UTC: booked 5 h ahead, a reminder is due at 13:00.
    const slot = await createSlot(t, owner, { surveyId: survey.id, daysAhead: 0, time: "14:00", timeZone: "UTC" });
    expect((await t.agent().json("POST", `/api/public/bookings/${inv!.token}`, { body: { slotId: slot.id } })).status).toBe(200);

    // No worker ran until the interview began: the confirmation and notice still go, the reminder does not.
    t.clock.set("2026-11-22T14:00:00.000Z");
    expect(await worker().runOnce()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(smtp.messages.map((m) => m.parsed.subject).filter((s) => s?.startsWith("Starting in 1 hour"))).toEqual([]);
    const outbox = (await owner.json("GET", "/api/outbox")).body.emails as { kind: string; status: string; sendBefore: string | null; lastError: string | null; attempts: number }[];
    expect(outbox.find((e) => e.kind === "reminder")).toMatchObject({ status: "cancelled", sendBefore: slot.startsAt, lastError: TOO_LATE_ERROR, attempts: 0 });
    expect(outbox.find((e) => e.kind === "confirmation")).toMatchObject({ status: "sent", sendBefore: null });
  });

  it("cancels a reminder whose SMTP retries back off past the interview's start instead of sending it late", async () => {
    const ada = await respond(t, survey.slug, { email: "ada@example.com" });
    const [inv] = await invite(owner, survey.id, [ada], { send: false });
    const slot = await createSlot(t, owner, { surveyId: survey.id, daysAhead: 0, time: "14:00", timeZone: "UTC" });
    await t.agent().json("POST", `/api/public/bookings/${inv!.token}`, { body: { slotId: slot.id } });
    const w = worker();
    expect((await w.runOnce()).sent).toBe(2);

    await smtp.stop();
    t.clock.set("2026-11-22T13:00:00.000Z");
    expect(await w.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    await smtp.start();
    t.clock.set("2026-11-22T14:05:00.000Z");
    expect(await w.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.messages.map((m) => m.parsed.subject).filter((s) => s?.startsWith("Starting in 1 hour"))).toEqual([]);
    const reminder = await t.db.selectFrom("emails").selectAll().where("kind", "=", "reminder").executeTakeFirstOrThrow();
    expect(reminder).toMatchObject({ status: "cancelled", attempts: 1, last_error: TOO_LATE_ERROR, locked_until: null, send_before: "2026-11-22T14:00:00.000Z" });
  });

  it("suppresses queued email to someone who unsubscribed before it went out", async () => {
    const ada = await respond(t, survey.slug, { email: "ada@example.com" });
    const [inv] = await invite(owner, survey.id, [ada], { send: false });
    const slot = await createSlot(t, owner, { surveyId: survey.id });
    await t.agent().json("POST", `/api/public/bookings/${inv!.token}`, { body: { slotId: slot.id } });
    const confirmation = await t.db.selectFrom("emails").select(["id", "unsubscribe_token_hash"]).where("kind", "=", "confirmation").executeTakeFirstOrThrow();
    // Unsubscribing from any earlier email stops this one too.
    await t.db.updateTable("respondents").set({ unsubscribed_at: t.clock.now().toISOString() }).where("id", "=", ada).execute();
    await worker().runOnce();
    expect(smtp.messages.map((m) => m.envelope.to[0])).toEqual(["owner@example.com"]);
    expect((await owner.json("GET", `/api/outbox/${confirmation.id}`)).body.email.status).toBe("suppressed");
  });
});

describe.each(testDialects)("the outbox without SMTP on %s", (dialect) => {
  let t: TestApp;
  afterEach(async () => t.cleanup());

  it("keeps every email readable in the app, bodies for editors only", async () => {
    t = await createTestApp({ dialect });
    const { agent: owner } = await t.setupOwner();
    const survey = await publishScreener(owner);
    const [inv] = await invite(owner, survey.id, [await respond(t, survey.slug, { email: "ada@example.com" })]);
    const list = await owner.json("GET", "/api/outbox");
    expect(list.body).toMatchObject({ delivery: "outbox_only", total: 1, emails: [{ kind: "invitation", status: "pending", attempts: 0 }] });
    const detail = await owner.json("GET", `/api/outbox/${list.body.emails[0].id}`);
    expect(detail.body.email.text).toContain(inv!.link);
    expect(detail.body.email.html).toContain(`href="${inv!.link}"`);
    expect(detail.body.email.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    const viewer = await t.addMember(owner, "viewer", "viewer@example.com");
    expect((await viewer.agent.json("GET", "/api/outbox")).body.total).toBe(1);
    expect((await viewer.agent.json("GET", `/api/outbox/${list.body.emails[0].id}`)).status).toBe(403);
    const outsider = await t.createOutsider();
    expect((await outsider.agent.json("GET", `/api/outbox/${list.body.emails[0].id}`)).status).toBe(404);
    expect((await owner.json("GET", "/api/outbox?status=lost")).status).toBe(400);
  });
});

describe.each(testDialects)("claiming due email on %s", (dialect) => {
  let t: TestDb;
  const at = (time: string) => new Date(`2026-11-22T${time}:00.000Z`);
  const ids = { newId: () => randomUUID() };
  const lease = { limit: 20, leaseMs: 5 * 60_000 };

  beforeEach(async () => {
    t = await createTestDb(dialect);
    await t.db.insertInto("workspaces").values({ id: "w", name: "Research", created_at: at("09:00").toISOString() }).execute();
  });
  afterEach(async () => t.cleanup());

  /** A reminder-like email due at 10:00, worth sending only until `sendBefore`. */
  const queue = (to: string, sendBefore: Date | null) =>
    queueEmail(t.db, ids, {
      workspaceId: "w",
      kind: "reminder",
      to: { address: to, name: null },
      replyTo: null,
      subject: "Starting in 1 hour",
      body: "Your interview starts in an hour.",
      reason: "Because.",
      origin: "http://localhost",
      respondentId: null,
      invitationId: null,
      calendar: null,
      sendAfter: at("10:00"),
      sendBefore,
      now: at("09:00"),
    });
  const row = (id: string) => t.db.selectFrom("emails").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("cancels a due email whose send_before has passed, with the reason, and does not return it", async () => {
    const late = await queue("late@example.com", at("11:00"));
    const timeless = await queue("any@example.com", null);
    const claimed = await claimDueEmails(t.db, at("11:00"), lease);
    expect(claimed.map((r) => r.id)).toEqual([timeless]);
    expect(await row(late)).toMatchObject({ status: "cancelled", last_error: TOO_LATE_ERROR, locked_until: null, attempts: 0 });
    expect(TOO_LATE_ERROR).toMatch(/^Not sent: .*interview had started/);
    // Cancelled for good: a later claim passes it by.
    expect(await claimDueEmails(t.db, at("11:04"), lease)).toEqual([]);
  });

  it("claims an email whose send_before is still ahead as usual", async () => {
    const id = await queue("ada@example.com", at("11:00"));
    const [claimed] = await claimDueEmails(t.db, at("10:59"), lease);
    expect(claimed).toMatchObject({ id, status: "sending", attempts: 1, send_before: "2026-11-22T11:00:00.000Z", locked_until: "2026-11-22T11:04:00.000Z" });
    expect(await row(id)).toMatchObject({ status: "sending", attempts: 1, last_error: null });
  });

  it("cancels rather than re-sends a `sending` row whose lease lapsed after its send_before", async () => {
    const id = await queue("ada@example.com", at("11:00"));
    expect(await claimDueEmails(t.db, at("10:00"), lease)).toHaveLength(1);
    // The worker died mid-send. Reclaimed while still in time…
    expect(await claimDueEmails(t.db, at("10:06"), lease)).toMatchObject([{ id, attempts: 2 }]);
    // …but once the moment has passed, the lapsed claim ends here.
    expect(await claimDueEmails(t.db, at("11:00"), lease)).toEqual([]);
    expect(await row(id)).toMatchObject({ status: "cancelled", last_error: TOO_LATE_ERROR, locked_until: null, attempts: 2 });
  });
});
