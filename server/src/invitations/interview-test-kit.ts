/**
 * Test support for the interview features, never imported by production code: a published
 * screener, completed responses (qualified, flagged, from a channel), slots and invitations,
 * all made through the public API as real respondents and researchers would.
 */
import { randomUUID } from "node:crypto";
import type { Agent, TestApp } from "../testing/create-test-app.js";
import { screenerInput } from "../testing/fixtures.js";

export async function publishScreener(owner: Agent, title = "Note-taking screener") {
  const created = await owner.json("POST", "/api/surveys", { body: { definition: screenerInput(title) } });
  const published = await owner.json("POST", `/api/surveys/${created.body.survey.id}/publish`);
  if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  return { id: created.body.survey.id as string, slug: created.body.survey.slug as string, title };
}

export type Respond = { email: string; role?: "me" | "boss" | "nobody"; trap?: boolean; honeypot?: boolean; channel?: string };

/** Completes a response; returns the respondent's id. */
export async function respond(t: TestApp, slug: string, r: Respond): Promise<string> {
  const id = randomUUID();
  const answers = { role: r.role ?? "me", tools: r.trap ? ["notion", "trellisync"] : ["notion"], email: r.email };
  const res = await t.agent().json("PUT", `/api/public/responses/${id}`, {
    body: { survey: slug, answers, complete: true, ...(r.channel ? { channel: r.channel } : {}), ...(r.honeypot ? { hp: "bot" } : {}) },
  });
  if (res.status !== 200) throw new Error(`respond failed: ${res.status} ${JSON.stringify(res.body)}`);
  t.clock.advance(1000);
  const row = await t.db.selectFrom("responses").select("respondent_id").where("id", "=", id).executeTakeFirstOrThrow();
  return row.respondent_id!;
}

/** One slot `daysAhead` days after the test clock's day, at `time` in `timeZone`. */
export async function createSlot(
  t: TestApp,
  owner: Agent,
  o: { surveyId?: string | null; daysAhead?: number; time?: string; timeZone?: string; durationMinutes?: number; location?: string; meetingUrl?: string | null } = {},
) {
  const day = new Date(t.clock.now().getTime() + (o.daysAhead ?? 3) * 86_400_000).toISOString().slice(0, 10);
  const res = await owner.json("POST", "/api/slots", {
    body: {
      kind: "single",
      surveyId: o.surveyId ?? null,
      date: day,
      time: o.time ?? "10:00",
      timeZone: o.timeZone ?? "Europe/Berlin",
      durationMinutes: o.durationMinutes ?? 45,
      location: o.location ?? "Video call",
      meetingUrl: o.meetingUrl === undefined ? "https://meet.example.org/sieve-interview" : o.meetingUrl,
    },
  });
  if (res.status !== 201) throw new Error(`slot failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.slots[0] as { id: string; startsAt: string; endsAt: string; timeZone: string };
}

/** Invites respondents; returns each one's booking token (the part after /b/). */
export async function invite(owner: Agent, surveyId: string, respondentIds: string[], extra: Record<string, unknown> = {}) {
  const res = await owner.json("POST", `/api/surveys/${surveyId}/invitations`, { body: { respondentIds, ...extra } });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.invitations as { id: string; respondentId: string; link: string }[]).map((i) => ({ ...i, token: i.link.split("/b/")[1]! }));
}
