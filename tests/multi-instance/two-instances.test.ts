import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenerInput, startTestSmtpServer, type TestSmtpServer } from "@sieve/server/testing";
import { signIn } from "../support/live-instance.js";
import { publishSurvey } from "../support/survey-api.js";
import {
  RESEARCHER,
  completeResponse,
  openSse,
  releaseEmailsTogether,
  sameOriginHeaders,
  startTwoInstances,
  waitFor,
  type Instance,
  type SseStream,
  type TwoInstances,
} from "../support/two-instances.js";

/**
 * Issue 7: "Servers keep no state in memory that matters" — checked with two real server
 * processes (A and B) on one Postgres database, sharing nothing else: requests alternate
 * between them, both outbox workers poll one SMTP server, and each test asserts the
 * outcome a single instance would give — quotas exact, one booking per slot, each email
 * sent once, sessions valid on both, live updates from either write on both.
 */

const DATABASE = process.env.TEST_DATABASE_URL;
const SKIP_REASON = DATABASE ? "" : " (skipped: set TEST_DATABASE_URL=postgres://… to run it)";

const qualifying = (email: string) => ({ role: "me", tools: ["notion"], why: "speed", email });

/** A published screener without quotas, with `count` completed respondents saved alternately through A and B. */
async function surveyWithRespondents(two: TwoInstances, title: string, prefix: string, count: number) {
  const input = screenerInput(title);
  input.quotas = [];
  const survey = await publishSurvey(two.a.api, input);
  const saves = await Promise.all(
    Array.from({ length: count }, (_, i) => completeResponse(two.both[i % 2]!.url, survey.slug, qualifying(`${prefix}-${i}@example.com`))),
  );
  expect(saves.map((s) => s.status)).toEqual(saves.map(() => 200));
  const listed = await two.b.api<{ respondents: { id: string; email: string | null }[] }>("GET", `/api/surveys/${survey.id}/respondents?pageSize=200`);
  expect(listed.status).toBe(200);
  expect(listed.body.respondents).toHaveLength(count);
  return { survey, respondents: listed.body.respondents };
}

describe.skipIf(!DATABASE)(`two server processes on one Postgres${SKIP_REASON}`, () => {
  let smtp: TestSmtpServer;
  let two: TwoInstances;
  const streams: SseStream[] = [];

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    two = await startTwoInstances(DATABASE!, {
      SMTP_URL: smtp.url,
      MAIL_FROM: "research@example.com",
      // Both outbox workers look for due email every 200 ms (the least allowed), so they compete for the batches.
      MAIL_POLL_MS: "200",
      LIVE_POLL_MS: "200",
      PUBLIC_RATE_LIMIT: "100000",
    });
  });
  afterAll(async () => {
    streams.forEach((s) => s.close());
    await two?.dispose();
    await smtp?.stop();
  });

  it("keeps a quota exact when 30 completions race through both instances", async () => {
    const CAP = 5;
    const N = 30;
    const input = screenerInput("Quota race");
    input.quotas = [{ id: "q-buyers", name: "Buyers", segmentId: "buyers", cap: CAP }];
    const survey = await publishSurvey(two.a.api, input);

    const saves = await Promise.all(
      Array.from({ length: N }, (_, i) => completeResponse(two.both[i % 2]!.url, survey.slug, qualifying(`quota-${i}@example.com`))),
    );
    expect(saves.map((s) => s.status)).toEqual(saves.map(() => 200));
    const ends = saves.map((s) => s.body.end);
    expect(ends.filter((e) => e === "qualified")).toHaveLength(CAP);
    expect(ends.filter((e) => e === "over_quota")).toHaveLength(N - CAP);

    const stored = await two.query<{ outcome: string; n: string }>(
      "select outcome, count(*) as n from responses where survey_id = $1 and status = 'complete' group by outcome",
      [survey.id],
    );
    expect(Object.fromEntries(stored.map((r) => [r.outcome, Number(r.n)]))).toEqual({ qualified: CAP, over_quota: N - CAP });
    const qualifiedIds = saves.filter((s) => s.body.end === "qualified").map((s) => s.id).sort();
    const storedQualified = await two.query<{ id: string }>("select id from responses where survey_id = $1 and outcome = 'qualified' order by id", [survey.id]);
    expect(storedQualified.map((r) => r.id)).toEqual(qualifiedIds);
    for (const instance of two.both) {
      const results = await instance.api<{ totals: { complete: number; qualified: number; overQuota: number } }>("GET", `/api/surveys/${survey.id}/results`);
      expect(results.status).toBe(200);
      expect(results.body.totals).toMatchObject({ complete: N, qualified: CAP, overQuota: N - CAP });
    }
  });

  it("books a slot exactly once when 12 invitees race for it through both instances", async () => {
    const INVITEES = 12;
    const { survey, respondents } = await surveyWithRespondents(two, "Slot race", "slot", INVITEES);
    // Links only: the race is about the slot, not the invitation email.
    const invited = await two.b.api<{ invitations: { id: string; link: string }[] }>("POST", `/api/surveys/${survey.id}/invitations`, {
      respondentIds: respondents.map((r) => r.id),
      send: false,
    });
    expect(invited.status).toBe(201);
    expect(invited.body.invitations).toHaveLength(INVITEES);
    const date = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const created = await two.a.api<{ slots: { id: string }[] }>("POST", "/api/slots", {
      kind: "single",
      date,
      time: "10:00",
      timeZone: "Europe/Berlin",
      durationMinutes: 30,
      surveyId: survey.id,
    });
    expect(created.status).toBe(201);
    const slotId = created.body.slots[0]!.id;

    const attempts = await Promise.all(
      invited.body.invitations.map(async (invitation, i) => {
        const instance = two.both[i % 2]!;
        const token = invitation.link.split("/b/")[1]!;
        const res = await fetch(`${instance.url}/api/public/bookings/${token}`, {
          method: "POST",
          headers: { ...sameOriginHeaders(instance.url), "content-type": "application/json" },
          body: JSON.stringify({ slotId }),
        });
        return { invitationId: invitation.id, status: res.status, body: (await res.json()) as { booking?: { status: string }; error?: { code: string } } };
      }),
    );
    const winners = attempts.filter((a) => a.status === 200);
    expect(winners, JSON.stringify(attempts.map((a) => a.status))).toHaveLength(1);
    expect(winners[0]!.body.booking?.status).toBe("booked");
    const losers = attempts.filter((a) => a.status !== 200);
    expect(losers.map((a) => [a.status, a.body.error?.code])).toEqual(losers.map(() => [409, "slot_taken"]));

    for (const instance of two.both) {
      const slots = await instance.api<{ slots: { id: string; booking: { invitationId: string } | null }[] }>("GET", `/api/slots?survey=${survey.id}&state=all`);
      expect(slots.body.slots).toHaveLength(1);
      expect(slots.body.slots[0]!.booking?.invitationId).toBe(winners[0]!.invitationId);
      const pipeline = await instance.api<{ counts: Record<string, number> }>("GET", `/api/surveys/${survey.id}/invitations`);
      expect(pipeline.body.counts).toMatchObject({ booked: 1, invited: INVITEES - 1 });
    }
    const held = await two.query<{ invitation_id: string | null }>("select invitation_id from slots where survey_id = $1", [survey.id]);
    expect(held).toEqual([{ invitation_id: winners[0]!.invitationId }]);
  });

  /** Queues an invitation email to each respondent, half through A and half through B at once; email id → address. */
  async function inviteThroughBoth(surveyId: string, respondents: { id: string }[]): Promise<Map<string, string>> {
    const halves = [respondents.slice(0, respondents.length / 2), respondents.slice(respondents.length / 2)];
    const queued = await Promise.all(
      halves.map((half, i) =>
        two.both[i]!.api<{ invitations: { email: string; emailId: string | null }[] }>("POST", `/api/surveys/${surveyId}/invitations`, {
          respondentIds: half.map((r) => r.id),
        }),
      ),
    );
    const emails = new Map<string, string>();
    for (const q of queued) {
      expect(q.status).toBe(201);
      for (const inv of q.body.invitations) emails.set(inv.emailId!, inv.email);
    }
    expect(emails.size).toBe(respondents.length);
    return emails;
  }

  /** Waits until both instances' outboxes show every one of `emails` sent, then checks what the SMTP server got. */
  async function expectEachSentOnce(emails: Map<string, string>, attempts: number) {
    const sentIds = async (instance: Instance) => {
      const outbox = await instance.api<{ emails: { id: string }[] }>("GET", "/api/outbox?kind=invitation&status=sent&pageSize=200");
      return outbox.body.emails.filter((e) => emails.has(e.id)).length;
    };
    await waitFor("the outbox to show every invitation sent", () => sentIds(two.a), (n) => n === emails.size);
    expect(await sentIds(two.b)).toBe(emails.size);
    // Give a late second send (a row claimed twice) time to arrive: several more polls by each worker.
    await new Promise((r) => setTimeout(r, 1_000));

    const received = new Map<string, { count: number; to: string[] }>();
    for (const mail of smtp.messages) {
      const id = mail.parsed.messageId ?? "(none)";
      received.set(id, { count: (received.get(id)?.count ?? 0) + 1, to: mail.envelope.to });
    }
    for (const [emailId, address] of emails) {
      expect(received.get(`<${emailId}@example.com>`), `email ${emailId} to ${address}`).toEqual({ count: 1, to: [address] });
    }
    // Every message the SMTP server got in this run (the booking mail of the tests before included) arrived once.
    expect([...received].filter(([, r]) => r.count > 1)).toEqual([]);
    // Each claim counts an attempt: a row claimed by both workers would show one more.
    const rows = await two.query<{ status: string; attempts: number }>("select status, attempts from emails where id = any($1::text[])", [[...emails.keys()]]);
    expect(rows).toHaveLength(emails.size);
    expect(rows.filter((r) => r.status !== "sent" || r.attempts !== attempts)).toEqual([]);
  }

  it("sends each outbox email once while both workers poll the outbox", async () => {
    const { survey, respondents } = await surveyWithRespondents(two, "Mail race", "mail", 40);
    const emails = await inviteThroughBoth(survey.id, respondents);
    await expectEachSentOnce(emails, 1);
  });

  it("sends each email once when both workers reach for the same due emails at the same moment", async () => {
    const { survey, respondents } = await surveyWithRespondents(two, "Mail retry race", "retry", 20);
    // The SMTP server is down when the invitations go out: every first attempt fails and is put back for later.
    await smtp.stop();
    let emails: Map<string, string>;
    try {
      emails = await inviteThroughBoth(survey.id, respondents);
      const ids = [...emails.keys()];
      await waitFor(
        "every first attempt to fail",
        () => two.query<{ n: string }>("select count(*) as n from emails where id = any($1::text[]) and status = 'pending' and attempts = 1 and last_error is not null", [ids]),
        (r) => Number(r[0]!.n) === ids.length,
      );
    } finally {
      await smtp.start();
    }
    // All the retries fall due at one instant, and stay out of reach for five polls of each worker.
    await releaseEmailsTogether(two.databaseUrl, [...emails.keys()], 1_000);
    await expectEachSentOnce(emails, 2);
  });

  it("accepts a session made on A at B, and signing out at B ends it at A", async () => {
    const login = await signIn(two.a.url, RESEARCHER.email, RESEARCHER.password);
    expect(login.status, login.body).toBe(200);
    const cookie = login.cookie!;
    const me = (instance: Instance) => fetch(`${instance.url}/api/auth/me`, { headers: { cookie } });

    const onB = await me(two.b);
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { user: { email: string } }).user.email).toBe(RESEARCHER.email);
    expect((await fetch(`${two.b.url}/api/surveys`, { headers: { cookie } })).status).toBe(200);

    const logout = await fetch(`${two.b.url}/api/auth/logout`, { method: "POST", headers: { ...sameOriginHeaders(two.b.url), cookie } });
    expect(logout.status).toBe(204);
    expect((await me(two.a)).status).toBe(401);
    expect((await me(two.b)).status).toBe(401);
    expect((await fetch(`${two.a.url}/api/surveys`, { headers: { cookie } })).status).toBe(401);
  });

  it("reports a response saved through either instance on the live streams of both", async () => {
    const input = screenerInput("Live on both");
    input.quotas = [];
    const survey = await publishSurvey(two.a.api, input);
    const login = await signIn(two.b.url, RESEARCHER.email, RESEARCHER.password);
    expect(login.status, login.body).toBe(200);
    // A dashboard signed in on B, its stream served by A and by B.
    const live = await Promise.all(two.both.map((instance) => openSse(`${instance.url}/api/surveys/${survey.id}/live`, { cookie: login.cookie! })));
    streams.push(...live);
    expect(live.map((s) => s.status)).toEqual([200, 200]);
    const latest = (s: SseStream) => {
      const changed = s.events.filter((e) => e.event === "changed");
      return changed.length ? (JSON.parse(changed.at(-1)!.data) as { responses: number }).responses : null;
    };
    const bothSee = (n: number) => waitFor(`both streams to report ${n} responses`, () => live.map(latest), (seen) => seen.every((x) => x === n), 10_000, 50);
    await bothSee(0);

    const started = Date.now();
    expect((await completeResponse(two.a.url, survey.slug, qualifying("live-a@example.com"))).body.end).toBe("qualified");
    await bothSee(1);
    const first = Date.now() - started;
    expect((await completeResponse(two.b.url, survey.slug, qualifying("live-b@example.com"))).body.end).toBe("qualified");
    await bothSee(2);
    console.log(`live: a save through A reached both streams in ${first} ms; both saves in ${Date.now() - started} ms`);
  });
});
