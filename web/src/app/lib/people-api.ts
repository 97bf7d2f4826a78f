// Typed calls for interviews: respondents, invitations (the pipeline), slots and the outbox.
// Shapes mirror server/src/{respondents,invitations,slots,mail}/*-routes.ts (the contract).
import type { InterviewStatus } from "@sieve/core";
import { ApiError, request } from "./api-client";

export type { InterviewStatus };
export type PipelineStatus = InterviewStatus | "not_invited";

export interface RespondentChannel {
  id: string;
  name: string;
  kind: string;
}

export interface SurveyRespondent {
  id: string;
  email: string | null;
  name: string | null;
  unsubscribed: boolean;
  erased: boolean;
  flagged: boolean;
  responseId: string;
  outcome: string | null;
  flags: string[];
  segments: { id: string; name: string }[];
  channel: RespondentChannel | null;
  completedAt: string | null;
  pipelineStatus: PipelineStatus;
  invitationId: string | null;
}

export type OutcomeFilter = "" | "qualified" | "disqualified" | "over_quota" | "flagged";
/** "" hides flagged responses (the default), include/only widen or narrow, a flag name picks that flag. */
export type FlagsFilter = "" | "include" | "only" | "speeding" | "straight_lining" | "honeypot";

/** What narrows a respondent list; "" means "any". The same for a survey's list and the workspace's. */
export interface RespondentFilters {
  q: string;
  segment: string;
  channel: string;
  outcome: OutcomeFilter;
  flags: FlagsFilter;
  status: "" | PipelineStatus;
  /** Workspace list only: respondents of this survey. */
  survey: string;
}

export interface RespondentPage<T> {
  total: number;
  page: number;
  pageSize: number;
  respondents: T[];
}

export interface Study {
  surveyId: string;
  surveyTitle: string;
  responseId: string | null;
  outcome: string | null;
  flags: string[];
  segments: string[];
  channel: RespondentChannel | null;
  completedAt: string | null;
  interview: { invitationId: string; status: InterviewStatus } | null;
}

export interface WorkspaceRespondent {
  id: string;
  email: string | null;
  name: string | null;
  createdAt: string;
  unsubscribed: boolean;
  erased: boolean;
  flagged: boolean;
  channels: string[];
  studies: Study[];
}

export interface MatchingRespondents {
  respondents: { id: string; email: string | null }[];
  truncated: boolean;
}

export interface BookingOffer {
  enabled: boolean;
  researcher: { id: string; name: string } | null;
  since: string | null;
  freeSlots: number;
}

export interface InvitationSlot {
  id: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: string;
  meetingUrl: string | null;
}

export interface Invitation {
  id: string;
  surveyId: string;
  surveyTitle: string;
  respondent: { id: string; email: string | null; name: string | null };
  status: InterviewStatus;
  notes: string;
  incentive: { amount: number; currency: string; paidAt: string | null } | null;
  slot: InvitationSlot | null;
  createdAt: string;
  updatedAt: string;
  bookedAt: string | null;
}

export interface InvitationPatch {
  status?: InterviewStatus;
  notes?: string;
  incentive?: { amount: number; currency: string } | null;
  incentivePaid?: boolean;
}

export interface InvitationTemplateInput {
  subject: string;
  body: string;
}

export interface InvitationPreview {
  subject: string;
  text: string;
  html: string;
  fields: string[];
}

export type SkipReason = "not_found" | "erased" | "no_email" | "unsubscribed" | "flagged" | "already_invited";

export interface InviteResult {
  invitations: { id: string; respondentId: string; email: string; link: string; emailId: string | null }[];
  skipped: { respondentId: string; reason: SkipReason }[];
  emailed: boolean;
}

export interface Slot {
  id: string;
  surveyId: string | null;
  seriesId: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: string;
  meetingUrl: string | null;
  booking: {
    invitationId: string;
    bookedAt: string | null;
    status: string;
    respondent: { id: string; email: string | null; name: string | null };
  } | null;
  createdAt: string;
}

interface SlotCommon {
  surveyId: string | null;
  timeZone: string;
  durationMinutes: number;
  location: string;
  meetingUrl: string | null;
}
export type CreateSlotsBody =
  | ({ kind: "single"; date: string; time: string } & SlotCommon)
  | ({
      kind: "weekly";
      from: string;
      to: string;
      weekdays: number[];
      startTime: string;
      endTime: string;
      bufferMinutes: number;
    } & SlotCommon);

export type EmailStatus = "pending" | "sending" | "sent" | "failed" | "cancelled" | "suppressed";
export type EmailKind = "invitation" | "confirmation" | "reminder" | "cancellation" | "researcher_notice";

export interface EmailSummary {
  id: string;
  kind: EmailKind;
  to: string;
  toName: string | null;
  subject: string;
  status: EmailStatus;
  attempts: number;
  sendAfter: string;
  /** After this the email is cancelled instead of sent (a reminder whose interview has started). */
  sendBefore: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface EmailDetail extends EmailSummary {
  replyTo: string | null;
  text: string;
}

export interface Outbox {
  delivery: "smtp" | "outbox_only";
  total: number;
  emails: EmailSummary[];
}

const enc = encodeURIComponent;

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The query parameters of a respondent list for these filters (paging added by the caller). */
export function respondentFilterParams(f: RespondentFilters): Record<string, string | undefined> {
  const named = f.flags === "speeding" || f.flags === "straight_lining" || f.flags === "honeypot";
  return {
    q: f.q.trim() || undefined,
    survey: f.survey || undefined,
    segment: f.segment || undefined,
    channel: f.channel || undefined,
    outcome: f.outcome || undefined,
    flagged: f.flags === "include" || f.flags === "only" ? f.flags : undefined,
    flag: named ? f.flags : undefined,
    status: f.status || undefined,
  };
}

export const RESPONDENT_PAGE_SIZE = 50;
/** The invitations endpoint takes at most this many respondents per call. */
export const INVITE_BATCH = 500;

export const incentivesCsvHref = (surveyId: string) => `/api/surveys/${enc(surveyId)}/incentives.csv`;

export const peopleApi = {
  respondents: (surveyId: string, filters: RespondentFilters, page: number) =>
    request<RespondentPage<SurveyRespondent>>(
      "GET",
      `/api/surveys/${enc(surveyId)}/respondents${query({ ...respondentFilterParams({ ...filters, survey: "" }), page: String(page), pageSize: String(RESPONDENT_PAGE_SIZE) })}`,
    ),
  respondentIds: (surveyId: string, filters: RespondentFilters) =>
    request<MatchingRespondents>("GET", `/api/surveys/${enc(surveyId)}/respondent-ids${query(respondentFilterParams({ ...filters, survey: "" }))}`),
  workspaceRespondents: (filters: RespondentFilters, page: number) =>
    request<RespondentPage<WorkspaceRespondent>>(
      "GET",
      `/api/respondents${query({ ...respondentFilterParams(filters), page: String(page), pageSize: String(RESPONDENT_PAGE_SIZE) })}`,
    ),
  workspaceRespondentIds: (filters: RespondentFilters) =>
    request<MatchingRespondents>("GET", `/api/respondent-ids${query(respondentFilterParams(filters))}`),
  bookingOffer: (surveyId: string) => request<{ bookingOffer: BookingOffer }>("GET", `/api/surveys/${enc(surveyId)}/booking-offer`),
  setBookingOffer: (surveyId: string, enabled: boolean) =>
    request<{ bookingOffer: BookingOffer }>("PUT", `/api/surveys/${enc(surveyId)}/booking-offer`, { enabled }),
  invitations: (surveyId: string) =>
    request<{ counts: Record<string, number>; invitations: Invitation[] }>("GET", `/api/surveys/${enc(surveyId)}/invitations`),
  preview: (surveyId: string, body: InvitationTemplateInput & { respondentId?: string }) =>
    request<InvitationPreview>("POST", `/api/surveys/${enc(surveyId)}/invitations/preview`, body),
  invite: (surveyId: string, body: InvitationTemplateInput & { respondentIds: string[]; overrideFlags: boolean; send: boolean }) =>
    request<InviteResult>("POST", `/api/surveys/${enc(surveyId)}/invitations`, body),
  updateInvitation: (id: string, body: InvitationPatch) =>
    request<{ invitation: Invitation }>("PATCH", `/api/invitations/${enc(id)}`, body),
  /** With a survey: its own slots and the workspace-wide ones (what its invitees can book). */
  slots: (surveyId?: string) => request<{ slots: Slot[] }>("GET", `/api/slots${query({ state: "all", survey: surveyId || undefined })}`),
  createSlots: (body: CreateSlotsBody) => request<{ slots: Slot[]; skipped: number }>("POST", "/api/slots", body),
  deleteSlot: (id: string) => request<void>("DELETE", `/api/slots/${enc(id)}`),
  outbox: () => request<Outbox>("GET", "/api/outbox?pageSize=200"),
  email: (id: string) => request<{ email: EmailDetail }>("GET", `/api/outbox/${enc(id)}`),
  retryEmail: (id: string) => request<{ email: EmailDetail }>("POST", `/api/outbox/${enc(id)}/retry`),
};

/**
 * Invites any number of respondents, INVITE_BATCH at a time (the endpoint's limit), and
 * merges the answers. A batch where everyone was skipped (409 nobody_invited) still counts
 * its skips; only when nobody at all could be invited does the error reach the caller.
 */
export async function inviteInBatches(
  surveyId: string,
  body: InvitationTemplateInput & { respondentIds: string[]; overrideFlags: boolean; send: boolean },
): Promise<InviteResult> {
  const merged: InviteResult = { invitations: [], skipped: [], emailed: body.send };
  let lastRefusal: ApiError | undefined;
  for (let i = 0; i < body.respondentIds.length; i += INVITE_BATCH) {
    const respondentIds = body.respondentIds.slice(i, i + INVITE_BATCH);
    try {
      const done = await peopleApi.invite(surveyId, { ...body, respondentIds });
      merged.invitations.push(...done.invitations);
      merged.skipped.push(...done.skipped);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== "nobody_invited") throw error;
      lastRefusal = error;
      const details = error.details as { skipped?: InviteResult["skipped"] } | undefined;
      merged.skipped.push(...(details?.skipped ?? []));
    }
  }
  if (merged.invitations.length === 0 && lastRefusal) throw lastRefusal;
  return merged;
}
