/**
 * A populated instance for the authorization and fuzz suites: workspace "home" with an
 * owner, an editor and a viewer, and workspace "other" owned by an outsider. Every path
 * parameter of the API resolves to a real object made fresh for each call (a published
 * survey with a response, a channel, a results link, a member, an invite, a token), so
 * destructive calls never disturb the next case and "at/above the route's access" means
 * the call really reached the handler.
 *
 * A route whose path parameter is not in PARAM_FIXTURES fails with a message naming it:
 * add a line here and the new route is in the matrix.
 */
import { randomUUID } from "node:crypto";
import { screenerInput, type Agent, type TestApp } from "@sieve/server/testing";

export const CALLERS = ["anonymous", "viewer", "editor", "owner", "outsider"] as const;
export type Caller = (typeof CALLERS)[number];
export type SignedInCaller = Exclude<Caller, "anonymous">;

export type Account = { email: string; password: string; userId: string; homeWorkspaceId: string };

export type Fixtures = {
  /** A published screener in the home workspace with one complete response. */
  survey(): Promise<{ id: string; slug: string; revision: number }>;
  channel(): Promise<{ id: string; code: string }>;
  response(): Promise<string>;
  resultLink(): Promise<{ id: string; token: string }>;
  /** A fresh viewer of the home workspace (a target for role changes and removal). */
  member(): Promise<{ userId: string; email: string }>;
  invite(): Promise<{ id: string; token: string }>;
  /** A fresh API token belonging to `who` in their home workspace. */
  tokenOf(who: SignedInCaller): Promise<string>;
  /** The respondent behind response() (its answers carry an email). */
  respondent(): Promise<string>;
  /** An interview invitation of respondent(), emailed through the outbox: its id, booking token and email id. */
  invitation(): Promise<{ id: string; token: string; emailId: string | null }>;
  /** A free interview slot offered to every survey of the home workspace. */
  slot(): Promise<string>;
  /** A unique string, for names and emails. */
  unique(prefix: string): string;
};

export type World = {
  t: TestApp;
  accounts: Record<SignedInCaller, Account>;
  homeWorkspaceId: string;
  otherWorkspaceId: string;
  /** A fresh session for the caller, in their home workspace (a fresh agent for anonymous). */
  signIn(caller: Caller): Promise<Agent>;
  /** A standing API token of the caller in their home workspace. */
  bearer(caller: SignedInCaller): string;
  fixtures(): Fixtures;
  /** Ids and names in the home workspace that nothing the outsider receives may contain. */
  homeSecrets: string[];
};

async function ok<T = any>(p: Promise<{ status: number; body: T }>, expected: number, what: string): Promise<T> {
  const r = await p;
  if (r.status !== expected) throw new Error(`${what}: expected ${expected}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

let counter = 0;
let slots = 0;
/** A start time no earlier fixture took (duplicate starts are skipped, not created). */
const nextSlotTime = () => {
  const n = slots++;
  const day = new Date(Date.UTC(2030, 0, 1) + Math.floor(n / 20) * 86_400_000).toISOString().slice(0, 10);
  return { date: day, time: `${String(8 + Math.floor((n % 20) / 2)).padStart(2, "0")}:${n % 2 ? "30" : "00"}` };
};
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(++counter).toString(36)}`;

/** Build the world on a test app created with a high `publicRateLimit` (the fixtures submit many responses). */
export async function createWorld(t: TestApp): Promise<World> {
  const owner = await t.setupOwner({ email: "owner@home.example", workspaceName: "Home" });
  const editor = await t.addMember(owner.agent, "editor", "editor@home.example");
  const viewer = await t.addMember(owner.agent, "viewer", "viewer@home.example");
  const outsider = await t.createOutsider("outsider@other.example");
  const memberPassword = "member password 1";
  const accounts: Record<SignedInCaller, Account> = {
    owner: { email: owner.email, password: owner.password, userId: owner.userId, homeWorkspaceId: owner.workspaceId },
    editor: { email: "editor@home.example", password: memberPassword, userId: editor.userId, homeWorkspaceId: owner.workspaceId },
    viewer: { email: "viewer@home.example", password: memberPassword, userId: viewer.userId, homeWorkspaceId: owner.workspaceId },
    outsider: { email: "outsider@other.example", password: "outsider password", userId: outsider.userId, homeWorkspaceId: outsider.workspaceId },
  };
  const standing: Record<SignedInCaller, Agent> = { owner: owner.agent, editor: editor.agent, viewer: viewer.agent, outsider: outsider.agent };

  const tokens = {} as Record<SignedInCaller, string>;
  for (const who of ["owner", "editor", "viewer", "outsider"] as const) {
    tokens[who] = (await ok(standing[who].json("POST", "/api/tokens", { body: { name: `standing ${who}` } }), 201, `token for ${who}`)).secret;
  }

  const signIn = async (caller: Caller): Promise<Agent> => {
    const a = t.agent();
    if (caller === "anonymous") return a;
    const acc = accounts[caller];
    await ok(a.json("POST", "/api/auth/login", { body: { email: acc.email, password: acc.password } }), 200, `login ${caller}`);
    // A previous case may have given this user a second workspace; always act in the home one.
    await ok(a.json("POST", "/api/auth/workspace", { body: { workspaceId: acc.homeWorkspaceId } }), 200, `switch ${caller}`);
    return a;
  };

  const homeOwner = owner.agent;
  const makeSurvey = async (title: string) => {
    const created = await ok(homeOwner.json("POST", "/api/surveys", { body: { definition: screenerInput(title) } }), 201, "create survey");
    const published = await ok(homeOwner.json("POST", `/api/surveys/${created.survey.id}/publish`), 200, "publish");
    return { id: created.survey.id as string, slug: created.survey.slug as string, revision: published.survey.revision as number };
  };
  const submit = async (slug: string, complete = true) => {
    const id = randomUUID();
    await ok(
      t.agent().json("PUT", `/api/public/responses/${id}`, {
        body: { survey: slug, answers: { role: "boss", tools: ["notion"], email: `${unique("r")}@resp.example` }, complete },
      }),
      200,
      "submit response",
    );
    return id;
  };

  const fixtures = (): Fixtures => {
    const memo = new Map<string, Promise<unknown>>();
    const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
      if (!memo.has(key)) memo.set(key, make());
      return memo.get(key) as Promise<T>;
    };
    const f: Fixtures = {
      unique,
      survey: () => once("survey", () => makeSurvey(unique("Matrix survey"))),
      response: () => once("response", async () => submit((await f.survey()).slug)),
      channel: () =>
        once("channel", async () => {
          const s = await f.survey();
          const body = await ok(homeOwner.json("POST", `/api/surveys/${s.id}/channels`, { body: { name: unique("Channel"), kind: "reddit" } }), 201, "channel");
          return { id: body.channel.id as string, code: body.channel.code as string };
        }),
      resultLink: () =>
        once("link", async () => {
          const s = await f.survey();
          const body = await ok(homeOwner.json("POST", `/api/surveys/${s.id}/result-links`, { body: {} }), 201, "result link");
          return { id: body.link.id as string, token: String(body.link.url).split("/r/")[1]! };
        }),
      member: () =>
        once("member", async () => {
          const email = `${unique("member")}@home.example`;
          const m = await t.addMember(homeOwner, "viewer", email);
          return { userId: m.userId, email };
        }),
      invite: () =>
        once("invite", async () => {
          const body = await ok(
            homeOwner.json("POST", "/api/workspace/members", { body: { email: `${unique("invitee")}@home.example`, role: "viewer" } }),
            201,
            "invite",
          );
          return { id: body.invite.id as string, token: String(body.invite.url).split("/join/")[1]! };
        }),
      respondent: () =>
        once("respondent", async () => {
          const s = await f.survey();
          await f.response();
          const body = await ok(homeOwner.json("GET", `/api/surveys/${s.id}/respondents`), 200, "respondents");
          return body.respondents[0].id as string;
        }),
      invitation: () =>
        once("invitation", async () => {
          const s = await f.survey();
          const respondentId = await f.respondent();
          const body = await ok(homeOwner.json("POST", `/api/surveys/${s.id}/invitations`, { body: { respondentIds: [respondentId], send: true } }), 201, "invitation");
          const inv = body.invitations[0];
          return { id: inv.id as string, token: String(inv.link).split("/b/")[1]!, emailId: inv.emailId as string | null };
        }),
      slot: () =>
        once("slot", async () => {
          const body = await ok(
            homeOwner.json("POST", "/api/slots", {
              body: { kind: "single", ...nextSlotTime(), timeZone: "UTC", durationMinutes: 30, surveyId: null },
            }),
            201,
            "slot",
          );
          return body.slots[0].id as string;
        }),
      tokenOf: (who) =>
        once(`token:${who}`, async () => {
          // The standing agents keep their sessions for the whole run (fresh sessions do the risky calls).
          const body = await ok(standing[who].json("POST", "/api/tokens", { body: { name: unique("token") } }), 201, `token of ${who}`);
          return body.token.id as string;
        }),
    };
    return f;
  };

  // Standing objects in the home workspace the outsider must never see.
  const secretSurvey = await makeSurvey("Home-only survey 7f3a");
  const secretResponse = await submit(secretSurvey.slug);
  const secretChannel = await ok(
    homeOwner.json("POST", `/api/surveys/${secretSurvey.id}/channels`, { body: { name: "Home-only channel 7f3a", kind: "newsletter" } }),
    201,
    "secret channel",
  );

  return {
    t,
    accounts,
    homeWorkspaceId: owner.workspaceId,
    otherWorkspaceId: outsider.workspaceId,
    signIn,
    bearer: (caller) => tokens[caller],
    fixtures,
    homeSecrets: [
      owner.workspaceId,
      secretSurvey.id,
      secretSurvey.slug,
      "Home-only survey 7f3a",
      secretResponse,
      secretChannel.channel.id,
      "Home-only channel 7f3a",
    ],
  };
}

/** How a path parameter becomes a real value; `scoped` objects belong to the home workspace (or its owner). */
export type ParamFixture = {
  /** True when an outsider naming this object must get 404. */
  scoped: boolean;
  value(f: Fixtures, who: Caller, cross: boolean): Promise<string>;
};

export const PARAM_FIXTURES: Record<string, ParamFixture> = {
  "surveys/{id}": { scoped: true, value: async (f) => (await f.survey()).id },
  "channels/{channelId}": { scoped: true, value: async (f) => (await f.channel()).id },
  "responses/{responseId}": { scoped: true, value: (f) => f.response() },
  "result-links/{linkId}": { scoped: true, value: async (f) => (await f.resultLink()).id },
  "members/{userId}": { scoped: true, value: async (f) => (await f.member()).userId },
  "invites/{id}": { scoped: true, value: async (f) => (await f.invite()).id },
  // A token is its user's: the cross case names the home owner's token.
  "tokens/{id}": {
    scoped: true,
    value: (f, who, cross) => f.tokenOf(cross || who === "anonymous" ? "owner" : who),
  },
  "respondents/{id}": { scoped: true, value: (f) => f.respondent() },
  "invitations/{id}": { scoped: true, value: async (f) => (await f.invitation()).id },
  "slots/{id}": { scoped: true, value: (f) => f.slot() },
  "outbox/{id}": {
    scoped: true,
    value: async (f) => {
      const { emailId } = await f.invitation();
      if (!emailId) throw new Error("the invitation queued no email");
      return emailId;
    },
  },
  "bookings/{token}": { scoped: false, value: async (f) => (await f.invitation()).token },
  "templates/{id}": { scoped: false, value: async () => "customer-vs-user" },
  "invites/{token}": { scoped: false, value: async (f) => (await f.invite()).token },
  "results/{token}": { scoped: false, value: async (f) => (await f.resultLink()).token },
  "surveys/{slug}": { scoped: false, value: async (f) => (await f.survey()).slug },
  "responses/{id}": { scoped: false, value: async () => randomUUID() },
};

export type BodyExample = { body: unknown; /** The body names a home-workspace object. */ scoped?: boolean };

/** Valid bodies, so "below the route's access" meets the role check and not the validator. */
export const BODY_EXAMPLES: Record<string, (f: Fixtures, world: World) => Promise<BodyExample>> = {
  "POST /api/setup": async (f) => ({
    body: { token: "not-the-setup-token", name: "Mallory", email: `${f.unique("m")}@evil.example`, password: "mallory password", workspaceName: "Takeover" },
  }),
  "POST /api/auth/login": async (_f, w) => ({ body: { email: w.accounts.viewer.email, password: w.accounts.viewer.password } }),
  "POST /api/auth/workspace": async (_f, w) => ({ body: { workspaceId: w.homeWorkspaceId }, scoped: true }),
  "POST /api/tokens": async (f) => ({ body: { name: f.unique("token") } }),
  "POST /api/workspaces": async (f) => ({ body: { name: f.unique("Workspace") } }),
  "PATCH /api/workspace": async () => ({ body: { name: "Home" } }),
  "POST /api/workspace/members": async (f) => ({ body: { email: `${f.unique("new")}@home.example`, role: "viewer" } }),
  "PATCH /api/workspace/members/{userId}": async () => ({ body: { role: "editor" } }),
  "POST /api/invites/{token}/accept": async () => ({ body: { name: "New member", password: "new member password" } }),
  "POST /api/surveys": async (f) => ({ body: { title: f.unique("Created") } }),
  "PATCH /api/surveys/{id}": async (f) => ({ body: { title: f.unique("Renamed") } }),
  "PUT /api/surveys/{id}/definition": async (f) => ({
    body: { revision: (await f.survey()).revision, definition: screenerInput("Edited draft") },
  }),
  "POST /api/surveys/{id}/channels": async (f) => ({ body: { name: f.unique("Channel"), kind: "linkedin" } }),
  "PATCH /api/surveys/{id}/channels/{channelId}": async () => ({ body: { name: "Renamed channel" } }),
  "POST /api/surveys/{id}/result-links": async () => ({ body: { hideText: true } }),
  "PATCH /api/respondents/{id}": async () => ({ body: { name: "Renamed respondent" } }),
  "PUT /api/privacy": async () => ({ body: { contactRetentionDays: 365 } }),
  "POST /api/surveys/{id}/invitations/preview": async () => ({ body: {} }),
  "POST /api/surveys/{id}/invitations": async (f) => ({ body: { respondentIds: [await f.respondent()], send: false }, scoped: true }),
  "PATCH /api/invitations/{id}": async () => ({ body: { notes: "Called back" } }),
  "POST /api/slots": async () => ({ body: { kind: "single", ...nextSlotTime(), timeZone: "UTC", durationMinutes: 30, surveyId: null } }),
  "POST /api/public/bookings/{token}": async (f) => ({ body: { slotId: await f.slot() } }),
  "POST /api/public/bookings/{token}/reschedule": async (f) => ({ body: { slotId: await f.slot() } }),
  "PUT /api/public/responses/{id}": async (f) => ({
    body: { survey: (await f.survey()).slug, answers: { role: "me" }, complete: false },
  }),
};
