/**
 * The one typed picture of the database. Timestamps are ISO-8601 UTC text
 * (`Date.toISOString()`), ids are text, JSON is stored as text — the same on
 * SQLite and Postgres, so queries and migrations need no dialect branches.
 */
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export interface InstanceTable {
  key: string;
  value: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

export interface WorkspaceTable {
  id: string;
  name: string;
  created_at: string;
  /** Contact data (email, name) of respondents is erased this many days after collection; null keeps it. */
  contact_retention_days: Generated<number | null>;
}

export interface MembershipTable {
  workspace_id: string;
  user_id: string;
  role: "owner" | "editor" | "viewer";
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  workspace_id: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  workspace_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface WorkspaceInviteTable {
  id: string;
  workspace_id: string;
  email: string;
  role: "owner" | "editor" | "viewer";
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  count: number;
}

export interface SurveyTable {
  id: string;
  workspace_id: string;
  title: string;
  slug: string;
  status: "draft" | "open" | "closed";
  draft_definition: string;
  revision: number;
  published_version: number | null;
  published_revision: number | null;
  published_at: string | null;
  closed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  last_activity_at: string | null;
}

export interface SurveyVersionTable {
  survey_id: string;
  version: number;
  definition: string;
  published_at: string;
  published_by: string | null;
}

export interface ChannelTable {
  id: string;
  survey_id: string;
  workspace_id: string;
  name: string;
  kind: string;
  code: string;
  created_at: string;
}

export interface RespondentTable {
  id: string;
  workspace_id: string;
  email: string | null;
  name: string | null;
  consent_text: string | null;
  consent_at: string | null;
  unsubscribed_at: string | null;
  erased_at: string | null;
  created_at: string;
}

export interface ResponseTable {
  id: string;
  survey_id: string;
  version: number;
  channel_id: string | null;
  status: "partial" | "complete";
  outcome: "qualified" | "disqualified" | "over_quota" | "flagged" | null;
  reason: string | null;
  segments: string;
  flags: string;
  meta: string;
  respondent_id: string | null;
  dedupe_hash: string | null;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
  duration_ms: number | null;
  /** Hash of the last accepted body: a repeat is idempotent, a different body after completion is a 409. */
  body_hash: string | null;
  last_page: number | null;
}

export interface ResponseSegmentTable {
  response_id: string;
  survey_id: string;
  segment_id: string;
}

export interface FunnelCountTable {
  survey_id: string;
  channel_id: string;
  day: string;
  clicks: number;
  views: number;
  starts: number;
  completes: number;
}

/** One combination of the dashboard's dimensions among complete responses (see the result-rollups migration). */
export interface ResultProfileTable {
  id: Generated<number>;
  survey_id: string;
  day: string;
  /** '' for responses that came without a tracked link. */
  channel_id: string;
  outcome: string;
  /** The responses' `segments` JSON as stored. */
  segments: string;
  responses: number;
}

export interface ResultProfileSegmentTable {
  profile_id: number;
  segment_id: string;
}

/** Per profile: answered ('a'), chose an option ('c') or gave a number ('n') counts. */
export interface ResultCountTable {
  profile_id: number;
  question_id: string;
  kind: "a" | "c" | "n";
  option_id: string;
  row_id: string;
  value: number;
  n: number;
}

export interface AnswerTable {
  id: Generated<number>;
  response_id: string;
  survey_id: string;
  question_id: string;
  option_id: string | null;
  value_text: string | null;
  value_number: number | null;
}

export interface ResultLinkTable {
  id: string;
  survey_id: string;
  workspace_id: string;
  token_hash: string;
  hide_text: number;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

export type InterviewStatusColumn = "invited" | "booked" | "completed" | "no_show" | "declined" | "cancelled";

export interface InvitationTable {
  id: string;
  workspace_id: string;
  survey_id: string;
  respondent_id: string;
  /** sha256 of the booking token; the token itself is only in the link. */
  token_hash: string;
  status: InterviewStatusColumn;
  /** iCalendar SEQUENCE of the last invite sent for this interview. */
  sequence: Generated<number>;
  notes: Generated<string>;
  incentive_cents: number | null;
  incentive_currency: string | null;
  incentive_paid_at: string | null;
  reminder_email_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  booked_at: string | null;
}

export interface SlotTable {
  id: string;
  workspace_id: string;
  /** null: offered for every study in the workspace. */
  survey_id: string | null;
  series_id: string | null;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  location: Generated<string>;
  meeting_url: string | null;
  /** The invitation holding this slot; unique, and claimed only with a conditional UPDATE. */
  invitation_id: string | null;
  booked_at: string | null;
  created_by: string | null;
  created_at: string;
}

export type EmailStatus = "pending" | "sending" | "sent" | "failed" | "cancelled" | "suppressed";
export type EmailKind = "invitation" | "confirmation" | "reminder" | "cancellation" | "researcher_notice";

export interface EmailTable {
  id: string;
  workspace_id: string;
  kind: EmailKind;
  to_address: string;
  to_name: string | null;
  reply_to: string | null;
  subject: string;
  text_body: string;
  html_body: string;
  /** JSON object of extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers: string;
  /** JSON { method, filename, content } of an .ics invite, or null. */
  calendar: string | null;
  respondent_id: string | null;
  invitation_id: string | null;
  unsubscribe_token_hash: string;
  status: EmailStatus;
  attempts: Generated<number>;
  send_after: string;
  /** When set, the email is cancelled rather than sent from this moment on (a reminder after its interview started). */
  send_before: string | null;
  next_attempt_at: string;
  /** While `sending`: when a crashed worker's claim lapses. */
  locked_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}

/** Booking offered on a survey's qualified end screen (a row means on). */
export interface BookingOfferTable {
  survey_id: string;
  workspace_id: string;
  /** Whose name the offer carries and who hears of its bookings. */
  researcher_id: string | null;
  created_at: string;
}

export interface MailSuppressionTable {
  workspace_id: string;
  address: string;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  workspace_id: string;
  actor_user_id: string | null;
  action: string;
  subject_id: string | null;
  details: string;
  created_at: string;
}

export interface Database {
  instance: InstanceTable;
  users: UserTable;
  workspaces: WorkspaceTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  workspace_invites: WorkspaceInviteTable;
  rate_limits: RateLimitTable;
  surveys: SurveyTable;
  survey_versions: SurveyVersionTable;
  channels: ChannelTable;
  respondents: RespondentTable;
  responses: ResponseTable;
  answers: AnswerTable;
  response_segments: ResponseSegmentTable;
  funnel_counts: FunnelCountTable;
  result_links: ResultLinkTable;
  result_profiles: ResultProfileTable;
  result_profile_segments: ResultProfileSegmentTable;
  result_counts: ResultCountTable;
  invitations: InvitationTable;
  slots: SlotTable;
  booking_offers: BookingOfferTable;
  emails: EmailTable;
  mail_suppressions: MailSuppressionTable;
  audit_log: AuditLogTable;
}

export type UserRow = Selectable<UserTable>;
export type SurveyRow = Selectable<SurveyTable>;
export type NewSurveyRow = Insertable<SurveyTable>;
export type SurveyRowUpdate = Updateable<SurveyTable>;
export type ChannelRow = Selectable<ChannelTable>;
export type InvitationRow = Selectable<InvitationTable>;
export type SlotRow = Selectable<SlotTable>;
export type EmailRow = Selectable<EmailTable>;
