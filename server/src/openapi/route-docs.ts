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
import { MatchingRespondentsSchema, PatchRespondentBodySchema, RespondentSchema, SurveyRespondentSchema } from "../respondents/respondent-routes.js";
import {
  CreateInvitationsBodySchema,
  InvitationSchema,
  PatchInvitationBodySchema,
  PreviewInvitationBodySchema,
  SKIP_REASONS,
} from "../invitations/invitation-routes.js";
import { CreateSlotsBodySchema, SlotSchema } from "../slots/slot-routes.js";
import { BookSlotBodySchema, BookingViewSchema } from "../bookings/booking-routes.js";
import { BookingLinkSchema, BookingOfferSchema, PutBookingOfferBodySchema } from "../invitations/booking-offer-routes.js";
import { EmailDetailSchema, EmailSummarySchema } from "../mail/outbox-routes.js";
import { AuditEntrySchema, PrivacySettingsSchema } from "../privacy/privacy-routes.js";

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
const Paged = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int() };
const Skipped = z.array(z.object({ respondentId: z.string(), reason: z.enum(SKIP_REASONS) }));
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
  { method: "get", path: "/api/surveys/{id}/respondents", summary: "Respondents who completed this survey (latest completion each): email, name, outcome, flags, segments, channel, pipeline status and past studies. Filters: segment, channel, outcome, flag, status (pipeline or not_invited), q (email or name, case-insensitive); flagged=exclude (default) | include | only for responses flagged by the screener or a quality check (includeFlagged=1 is the older include; outcome=flagged or flag= asks for flagged ones too); page, pageSize ≤ 200, total", tag: "Interviews", access: "viewer", response: z.object({ ...Paged, respondents: z.array(SurveyRespondentSchema) }) },
  { method: "get", path: "/api/surveys/{id}/respondent-ids", summary: "Every respondent matching the same filters as /respondents (no paging): id and email in list order, at most 5000 (truncated says when cut) — for selecting all matching across pages", tag: "Interviews", access: "viewer", response: MatchingRespondentsSchema },
  { method: "get", path: "/api/respondents", summary: "Respondents across the workspace with every study they took part in. Same filters as a survey's list (flagged= looks at all their responses, or the chosen survey's for only), plus survey and includeErased=1", tag: "Interviews", access: "viewer", response: z.object({ ...Paged, respondents: z.array(RespondentSchema) }) },
  { method: "get", path: "/api/respondent-ids", summary: "Every workspace respondent matching the same filters as /api/respondents (no paging): id and email, at most 5000 (truncated says when cut)", tag: "Interviews", access: "viewer", response: MatchingRespondentsSchema },
  { method: "get", path: "/api/respondents/{id}", summary: "One respondent with consent, unsubscribe and erasure times and their studies", tag: "Interviews", access: "viewer" },
  { method: "patch", path: "/api/respondents/{id}", summary: "Set a respondent's name (used by {{first_name}})", tag: "Interviews", access: "editor", body: PatchRespondentBodySchema, response: z.object({ respondent: RespondentSchema }) },
  { method: "get", path: "/api/respondents/{id}/export", summary: "Everything stored about one respondent as a JSON download (responses with answers, interviews, emails); audited", tag: "Privacy", access: "editor" },
  { method: "post", path: "/api/respondents/{id}/erase", summary: "Erase a respondent's contact data (email, name, consent text, mail, notes, the email in answers); answers stay, anonymous; future interviews are released; audited", tag: "Privacy", access: "editor", response: z.object({ erased: z.object({ id: z.string(), erasedAt: z.string(), responses: z.number().int(), interviews: z.number().int(), emails: z.number().int() }) }) },
  { method: "get", path: "/api/privacy", summary: "The workspace's contact-data retention setting", tag: "Privacy", access: "viewer", response: PrivacySettingsSchema },
  { method: "put", path: "/api/privacy", summary: "Erase contact data automatically N days after collection (null: keep until erased by hand); swept hourly; audited", tag: "Privacy", access: "owner", body: PrivacySettingsSchema, response: PrivacySettingsSchema },
  { method: "get", path: "/api/privacy/audit", summary: "Audit log of exports, erasures, expiries, unsubscribes and retention changes (respondent=, limit ≤ 500)", tag: "Privacy", access: "owner", response: z.object({ entries: z.array(AuditEntrySchema) }) },
  { method: "get", path: "/api/surveys/{id}/invitations", summary: "The interview pipeline of a survey: each invitation's status (invited → booked → completed | no_show | declined | cancelled), slot, notes and incentive, with counts per status (status= filters)", tag: "Interviews", access: "viewer", response: z.object({ counts: z.record(z.string(), z.number().int()), invitations: z.array(InvitationSchema) }) },
  { method: "post", path: "/api/surveys/{id}/invitations/preview", summary: "Render an invitation (subject, text and HTML with footer) with merge fields {{first_name}}, {{survey_title}}, {{booking_link}}, {{researcher_name}} ({{field|fallback}} for empty values), for one respondent or a sample; 400 invalid_template names unknown fields or a missing {{booking_link}}", tag: "Interviews", access: "editor", body: PreviewInvitationBodySchema, response: z.object({ subject: z.string(), text: z.string(), html: z.string(), fields: z.array(z.string()) }) },
  { method: "post", path: "/api/surveys/{id}/invitations", summary: "Invite respondents: one booking link each (shown once here, for copying) and, unless send=false, an email through the outbox. Unsubscribed, erased and already-invited respondents are skipped, flagged ones too unless overrideFlags=true; 409 nobody_invited when all are skipped", tag: "Interviews", access: "editor", body: CreateInvitationsBodySchema, status: 201, response: z.object({ invitations: z.array(z.object({ id: z.string(), respondentId: z.string(), email: z.string(), link: z.string(), emailId: z.string().nullable() })), skipped: Skipped, emailed: z.boolean() }) },
  { method: "patch", path: "/api/invitations/{id}", summary: "Record the interview's outcome (completed, no_show, declined, cancelled, or invited again; 409 invalid_transition otherwise), notes, incentive amount and currency, and whether it is paid. Cancelling a booked interview frees the slot and sends a METHOD:CANCEL invite", tag: "Interviews", access: "editor", body: PatchInvitationBodySchema, response: z.object({ invitation: InvitationSchema }) },
  { method: "get", path: "/api/surveys/{id}/booking-offer", summary: "Whether the survey offers booking on its qualified end screen, for whom (the researcher named in it and told of bookings), and how many free slots its respondents can book now", tag: "Interviews", access: "viewer", response: z.object({ bookingOffer: BookingOfferSchema }) },
  { method: "put", path: "/api/surveys/{id}/booking-offer", summary: "Offer booking on the qualified end screen (enabled=true, speaking for the caller) or stop offering it", tag: "Interviews", access: "editor", body: PutBookingOfferBodySchema, response: z.object({ bookingOffer: BookingOfferSchema }) },
  { method: "get", path: "/api/surveys/{id}/incentives.csv", summary: "Incentives of a survey's interviews as CSV (UTF-8 with BOM, formulas neutralised): email, name, status, interview time, amount, currency, paid", tag: "Interviews", access: "editor" },
  { method: "get", path: "/api/slots", summary: "Interview slots (survey= also lists workspace-wide ones; from/to ISO times; state=free|booked|all) with who booked each", tag: "Interviews", access: "viewer", response: z.object({ slots: z.array(SlotSchema) }) },
  { method: "post", path: "/api/slots", summary: "Offer slots: kind=single (date, time) or kind=weekly (from–to dates, weekdays 1–7, daily startTime–endTime, durationMinutes, bufferMinutes), wall times in an IANA timeZone; location and/or meetingUrl; surveyId or null for every survey. Past and duplicate start times are skipped; 400 invalid_slots lists every issue (unknown zone, times skipped by DST, > 500 slots)", tag: "Interviews", access: "editor", body: CreateSlotsBodySchema, status: 201, response: z.object({ slots: z.array(SlotSchema), skipped: z.number().int() }) },
  { method: "delete", path: "/api/slots/{id}", summary: "Withdraw a free slot; 409 slot_booked", tag: "Interviews", access: "editor", status: 204 },
  { method: "get", path: "/api/outbox", summary: "Queued and sent email (status=, kind=, page, pageSize ≤ 200) with attempts, next attempt and last error (a reminder still undelivered when its interview starts is cancelled, not sent late); delivery says whether SMTP is configured (otherwise email waits here)", tag: "Email", access: "viewer", response: z.object({ delivery: z.enum(["smtp", "outbox_only"]), total: z.number().int(), emails: z.array(EmailSummarySchema) }) },
  { method: "get", path: "/api/outbox/{id}", summary: "One email with its text, HTML, headers and .ics", tag: "Email", access: "editor", response: z.object({ email: EmailDetailSchema }) },
  { method: "post", path: "/api/outbox/{id}/retry", summary: "Queue a failed email again with a fresh attempt budget; 409 not_retryable", tag: "Email", access: "editor", response: z.object({ email: EmailDetailSchema }) },
  { method: "get", path: "/api/public/bookings/{token}", summary: "The booking page's data (the page is /b/{token}): the interview's status and held slot, and free future slots with UTC times and the wall time in each slot's zone. Every email's footer links to /u/{token}, which unsubscribes in one click (GET, or the RFC 8058 POST)", tag: "Public", access: "public", response: BookingViewSchema },
  { method: "post", path: "/api/public/bookings/{token}", summary: "Book a slot: one transaction, conditional claim — of concurrent bookings of one slot exactly one wins; the others get 409 slot_taken. Sends a confirmation with an .ics (METHOD:REQUEST), tells the researcher and schedules one reminder: 24 h before when booked at least 36 h ahead, 1 h before when booked more than 3 h ahead, none when it is sooner. 409 already_booked, not_bookable, slot_past", tag: "Public", access: "public", body: BookSlotBodySchema, response: BookingViewSchema },
  { method: "post", path: "/api/public/bookings/{token}/reschedule", summary: "Move a booked interview to another free slot (same UID, higher SEQUENCE); the old slot is freed and the reminder is planned again from the new time", tag: "Public", access: "public", body: BookSlotBodySchema, response: BookingViewSchema },
  { method: "post", path: "/api/public/bookings/{token}/cancel", summary: "Cancel a booked interview: frees the slot, sends METHOD:CANCEL, tells the researcher; the link can book again", tag: "Public", access: "public", response: BookingViewSchema },
  { method: "post", path: "/api/public/bookings/{token}/decline", summary: "Say no to the interview (from invited or cancelled)", tag: "Public", access: "public", response: BookingViewSchema },
  { method: "post", path: "/api/public/responses/{id}/booking-link", summary: "From the qualified end screen: a booking link (/b/{token}) for this completed response, when its survey offers booking, it qualified unflagged within the last 2 hours, its respondent left an email (not unsubscribed, erased, flagged or already invited) and a slot is free; otherwise offer: null. Creates an invitation (status invited) and emails the link 30 minutes later unless they book first; asking again returns the same link. Unknown or unfinished responses get offer: null too, so the answer reveals nothing else; 400 for an id that is not a UUID, 429", tag: "Public", access: "public", response: BookingLinkSchema },
  { method: "get", path: "/api/public/results/{token}", summary: "Results through a shared read-only link (same filters as /results)", tag: "Public", access: "public" },
  { method: "get", path: "/api/public/results/{token}/live", summary: "Server-Sent Events for a shared results link", tag: "Public", access: "public" },
  { method: "get", path: "/api/public/surveys/{slug}", summary: "The live version of a survey for respondents (`?c=` channel code counts a view) — never reveals screening rules, segments or quotas; 404 unknown, 410 survey_closed (closed, past its close date or at its response limit)", tag: "Public", access: "public", response: z.object({ survey: z.object({ slug: z.string(), version: z.number().int(), title: z.string(), description: z.string(), estimatedMinutes: z.number(), definition: PublicDefinitionSchema, channel: z.object({ code: z.string(), kind: z.string() }).nullable(), alreadyResponded: z.boolean() }) }) },
  { method: "put", path: "/api/public/responses/{id}", summary: "Save a response (id: a UUID made by the browser, the idempotency key). Partial saves may already end the screener (next: end). Completion validates against the version the response started on and decides screener, traps, segments and quotas in one transaction. 400 invalid_answers, 404, 409 response_completed (a different body after completion) or already_responded (one response per person), 410 survey_closed, 429", tag: "Public", access: "public", body: PutResponseBodySchema, response: PutResponseReplySchema },
];

export { IssueSchema, SurveyDefinitionSchema };
