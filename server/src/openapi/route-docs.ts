/**
 * The API reference, built from the same zod schemas that validate requests.
 * A test checks this list against the routes Hono actually serves, so a new route
 * cannot ship undocumented (and the security suite can enumerate every route).
 */
import { z } from "zod";
import { PublicDefinitionSchema, SurveyDefinitionSchema } from "@sieve/core";
import {
  ApiTokenSchema,
  CreateTokenBodySchema,
  LoginBodySchema,
  MeSchema,
  SetupBodySchema,
  SwitchWorkspaceBodySchema,
  UserSchema,
  WorkspaceRefSchema,
} from "../auth/auth-schemas.js";
import {
  AcceptInviteBodySchema,
  AddMemberBodySchema,
  CreateWorkspaceBodySchema,
  SetRoleBodySchema,
} from "../workspaces/workspace-routes.js";
import {
  CreateSurveyBodySchema,
  IssueSchema,
  PatchSurveyBodySchema,
  PutDefinitionBodySchema,
  SurveyDetailSchema,
  SurveySummarySchema,
} from "../surveys/survey-schemas.js";
import { ChannelSchema, CreateChannelBodySchema, PatchChannelBodySchema } from "../channels/channel-routes.js";
import { PutResponseBodySchema, PutResponseReplySchema } from "../public/public-schemas.js";
import { CreateResultLinkBodySchema } from "../analytics/live-routes.js";

/** Who may call a route: anyone, any signed-in user, or a workspace role and above. */
export type Access = "public" | "user" | "viewer" | "editor" | "owner";

export type RouteDoc = {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI style: /api/surveys/{id} */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number;
};

const Member = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: z.enum(["owner", "editor", "viewer"]), joinedAt: z.string() });
const Invite = z.object({ id: z.string(), email: z.string(), role: z.enum(["owner", "editor", "viewer"]), createdAt: z.string(), expiresAt: z.string() });
const SurveyEnvelope = z.object({ survey: SurveyDetailSchema });
const TemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  questionCount: z.number().int(),
  estimatedMinutes: z.number().int(),
});

export const routeDocs: RouteDoc[] = [
  { method: "get", path: "/healthz", summary: "Health check: the database answers", tag: "Operations", access: "public" },
  { method: "get", path: "/api/openapi.json", summary: "This OpenAPI document", tag: "Operations", access: "public" },
  { method: "get", path: "/api/docs", summary: "Readable API reference", tag: "Operations", access: "public" },
  { method: "get", path: "/api/docs.css", summary: "Stylesheet of the API reference", tag: "Operations", access: "public" },

  { method: "get", path: "/api/setup", summary: "Whether first-run setup is still needed", tag: "Accounts", access: "public", response: z.object({ needed: z.boolean() }) },
  { method: "post", path: "/api/setup", summary: "First-run setup with the one-time link from the server log: creates the owner and first workspace", tag: "Accounts", access: "public", body: SetupBodySchema, status: 201, response: z.object({ user: UserSchema, workspace: WorkspaceRefSchema }) },
  { method: "post", path: "/api/auth/login", summary: "Sign in (sets an HttpOnly session cookie); throttled per account and client", tag: "Accounts", access: "public", body: LoginBodySchema, response: z.object({ user: UserSchema }) },
  { method: "post", path: "/api/auth/logout", summary: "Sign out", tag: "Accounts", access: "public", status: 204 },
  { method: "get", path: "/api/auth/me", summary: "The signed-in user, current workspace and all workspaces", tag: "Accounts", access: "user", response: MeSchema },
  { method: "post", path: "/api/auth/workspace", summary: "Switch the session's current workspace", tag: "Accounts", access: "user", body: SwitchWorkspaceBodySchema, response: MeSchema },
  { method: "get", path: "/api/tokens", summary: "Your personal API tokens in this workspace", tag: "Accounts", access: "viewer", response: z.object({ tokens: z.array(ApiTokenSchema) }) },
  { method: "post", path: "/api/tokens", summary: "Create a personal API token (the secret is shown once)", tag: "Accounts", access: "viewer", body: CreateTokenBodySchema, status: 201, response: z.object({ token: ApiTokenSchema, secret: z.string() }) },
  { method: "delete", path: "/api/tokens/{id}", summary: "Revoke a personal API token", tag: "Accounts", access: "user", status: 204 },

  { method: "post", path: "/api/workspaces", summary: "Create a workspace (you become its owner)", tag: "Workspaces", access: "user", body: CreateWorkspaceBodySchema, status: 201, response: z.object({ workspace: WorkspaceRefSchema }) },
  { method: "get", path: "/api/workspace", summary: "The current workspace", tag: "Workspaces", access: "viewer", response: z.object({ workspace: WorkspaceRefSchema }) },
  { method: "patch", path: "/api/workspace", summary: "Rename the current workspace", tag: "Workspaces", access: "owner", body: CreateWorkspaceBodySchema, response: z.object({ workspace: WorkspaceRefSchema }) },
  { method: "get", path: "/api/workspace/members", summary: "Members (and, for owners, open invites)", tag: "Workspaces", access: "viewer", response: z.object({ members: z.array(Member), invites: z.array(Invite) }) },
  { method: "post", path: "/api/workspace/members", summary: "Add an existing user, or create a one-time invite link for a new one", tag: "Workspaces", access: "owner", body: AddMemberBodySchema, status: 201, response: z.union([z.object({ member: Member }), z.object({ invite: Invite.extend({ url: z.string() }) })]) },
  { method: "patch", path: "/api/workspace/members/{userId}", summary: "Change a member's role", tag: "Workspaces", access: "owner", body: SetRoleBodySchema, response: z.object({ member: Member }) },
  { method: "delete", path: "/api/workspace/members/{userId}", summary: "Remove a member (revokes their tokens here)", tag: "Workspaces", access: "owner", status: 204 },
  { method: "delete", path: "/api/workspace/invites/{id}", summary: "Revoke an open invite", tag: "Workspaces", access: "owner", status: 204 },
  { method: "get", path: "/api/invites/{token}", summary: "Look up an invite link", tag: "Workspaces", access: "public", response: z.object({ workspaceName: z.string(), email: z.string(), role: z.string() }) },
  { method: "post", path: "/api/invites/{token}/accept", summary: "Accept an invite by creating an account", tag: "Workspaces", access: "public", body: AcceptInviteBodySchema, status: 201, response: z.object({ user: UserSchema }) },

  { method: "get", path: "/api/templates", summary: "Screener templates", tag: "Surveys", access: "viewer", response: z.object({ templates: z.array(TemplateSummary) }) },
  { method: "get", path: "/api/templates/{id}", summary: "One template with its full definition", tag: "Surveys", access: "viewer" },
  { method: "get", path: "/api/surveys", summary: "Surveys in the current workspace", tag: "Surveys", access: "viewer", response: z.object({ surveys: z.array(SurveySummarySchema) }) },
  { method: "post", path: "/api/surveys", summary: "Create a survey: blank (title), from a template (templateId) or from an exported definition", tag: "Surveys", access: "editor", body: CreateSurveyBodySchema, status: 201, response: SurveyEnvelope },
  { method: "get", path: "/api/surveys/{id}", summary: "A survey with its draft definition and publish blockers", tag: "Surveys", access: "viewer", response: SurveyEnvelope },
  { method: "patch", path: "/api/surveys/{id}", summary: "Rename a survey or change its public slug", tag: "Surveys", access: "editor", body: PatchSurveyBodySchema, response: SurveyEnvelope },
  { method: "delete", path: "/api/surveys/{id}", summary: "Delete a survey and its responses", tag: "Surveys", access: "editor", status: 204 },
  { method: "put", path: "/api/surveys/{id}/definition", summary: "Save the draft definition; 409 revision_conflict if someone saved since `revision`", tag: "Surveys", access: "editor", body: PutDefinitionBodySchema, response: SurveyEnvelope },
  { method: "post", path: "/api/surveys/{id}/publish", summary: "Freeze the draft as a new immutable version and open the survey; 400 invalid_definition lists every issue", tag: "Surveys", access: "editor", response: z.object({ survey: SurveyDetailSchema, version: z.object({ number: z.number().int(), publishedAt: z.string() }) }) },
  { method: "post", path: "/api/surveys/{id}/close", summary: "Stop accepting responses", tag: "Surveys", access: "editor", response: SurveyEnvelope },
  { method: "post", path: "/api/surveys/{id}/reopen", summary: "Accept responses again", tag: "Surveys", access: "editor", response: SurveyEnvelope },
  { method: "post", path: "/api/surveys/{id}/duplicate", summary: "Copy a survey's draft into a new draft survey", tag: "Surveys", access: "editor", status: 201, response: SurveyEnvelope },
  { method: "get", path: "/api/surveys/{id}/channels", summary: "Tracked links, one per community", tag: "Channels", access: "viewer", response: z.object({ channels: z.array(ChannelSchema) }) },
  { method: "post", path: "/api/surveys/{id}/channels", summary: "Create a tracked link (short code generated unless given)", tag: "Channels", access: "editor", body: CreateChannelBodySchema, status: 201, response: z.object({ channel: ChannelSchema }) },
  { method: "patch", path: "/api/surveys/{id}/channels/{channelId}", summary: "Rename a link or change its kind or code", tag: "Channels", access: "editor", body: PatchChannelBodySchema, response: z.object({ channel: ChannelSchema }) },
  { method: "delete", path: "/api/surveys/{id}/channels/{channelId}", summary: "Delete a tracked link", tag: "Channels", access: "editor", status: 204 },

  { method: "get", path: "/api/surveys/{id}/results", summary: "Results for the current filter (query: from, to, channel, outcome, segment, status, answer=questionId:optionId, split=segment|channel|outcome|question:<id>): totals, funnel and qualified rate per channel with 95% Wilson intervals, segment sizes, responses over time, and per question counts, column percentages, intervals and a chi-square test per question — in a constant number of queries", tag: "Results", access: "viewer" },
  { method: "get", path: "/api/surveys/{id}/responses", summary: "Individual responses for the current filter, newest first (page, pageSize ≤ 100, q searches text answers, emails and ids); include_emails=1 adds contact emails for owners and editors", tag: "Results", access: "viewer" },
  { method: "get", path: "/api/surveys/{id}/responses/{responseId}", summary: "One response with its answers and metadata", tag: "Results", access: "viewer" },
  { method: "get", path: "/api/surveys/{id}/export.csv", summary: "Streamed CSV export for the current filter (RFC 4180, UTF-8 with BOM, one column per question and per multiple-choice option, formulas neutralised); include_emails=1 for owners and editors", tag: "Results", access: "viewer" },
  { method: "get", path: "/api/surveys/{id}/export.json", summary: "Streamed JSON export for the current filter; include_emails=1 for owners and editors", tag: "Results", access: "viewer" },
  { method: "get", path: "/api/surveys/{id}/live", summary: "Server-Sent Events: `changed` with {responses, lastActivityAt} whenever responses arrive (any instance)", tag: "Results", access: "viewer" },
  { method: "get", path: "/api/surveys/{id}/result-links", summary: "Active read-only results links", tag: "Results", access: "viewer" },
  { method: "post", path: "/api/surveys/{id}/result-links", summary: "Create a revocable read-only results link (hideText hides free-text answers; emails are never shown); the URL is shown once", tag: "Results", access: "editor", body: CreateResultLinkBodySchema, status: 201 },
  { method: "delete", path: "/api/surveys/{id}/result-links/{linkId}", summary: "Revoke a results link", tag: "Results", access: "editor", status: 204 },
  { method: "get", path: "/api/public/results/{token}", summary: "Results through a shared read-only link (same filters as /results)", tag: "Public", access: "public" },
  { method: "get", path: "/api/public/results/{token}/live", summary: "Server-Sent Events for a shared results link", tag: "Public", access: "public" },
  { method: "get", path: "/api/public/surveys/{slug}", summary: "The live version of a survey for respondents (`?c=` channel code counts a view) — never reveals screening rules, segments or quotas; 404 unknown, 410 survey_closed (closed, past its close date or at its response limit)", tag: "Public", access: "public", response: z.object({ survey: z.object({ slug: z.string(), version: z.number().int(), title: z.string(), description: z.string(), estimatedMinutes: z.number(), definition: PublicDefinitionSchema, channel: z.object({ code: z.string(), kind: z.string() }).nullable(), alreadyResponded: z.boolean() }) }) },
  { method: "put", path: "/api/public/responses/{id}", summary: "Save a response (id: a UUID made by the browser, the idempotency key). Partial saves may already end the screener (next: end). Completion validates against the version the response started on and decides screener, traps, segments and quotas in one transaction. 400 invalid_answers, 404, 409 response_completed (a different body after completion) or already_responded (one response per person), 410 survey_closed, 429", tag: "Public", access: "public", body: PutResponseBodySchema, response: PutResponseReplySchema },
];

export { IssueSchema, SurveyDefinitionSchema };
