// Typed calls for interviews: respondents, invitations (the pipeline), slots and the outbox.
// Shapes mirror server/src/{respondents,invitations,slots,mail}/*-routes.ts (the contract).
import type { InterviewStatus } from "@sieve/core";
import { request } from "./api-client";

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

export interface RespondentFilters {
  segment: string;
  channel: string;
  outcome: "" | "qualified" | "disqualified" | "over_quota" | "flagged";
  includeFlagged: boolean;
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

export const incentivesCsvHref = (surveyId: string) => `/api/surveys/${enc(surveyId)}/incentives.csv`;

export const peopleApi = {
  respondents: (surveyId: string, filters: RespondentFilters) =>
    request<{ total: number; respondents: SurveyRespondent[] }>(
      "GET",
      `/api/surveys/${enc(surveyId)}/respondents${query({
        segment: filters.segment || undefined,
        channel: filters.channel || undefined,
        outcome: filters.outcome || undefined,
        includeFlagged: filters.includeFlagged ? "1" : undefined,
        pageSize: "200",
      })}`,
    ),
  invitations: (surveyId: string) =>
    request<{ counts: Record<string, number>; invitations: Invitation[] }>("GET", `/api/surveys/${enc(surveyId)}/invitations`),
  preview: (surveyId: string, body: InvitationTemplateInput & { respondentId?: string }) =>
    request<InvitationPreview>("POST", `/api/surveys/${enc(surveyId)}/invitations/preview`, body),
  invite: (surveyId: string, body: InvitationTemplateInput & { respondentIds: string[]; overrideFlags: boolean; send: boolean }) =>
    request<InviteResult>("POST", `/api/surveys/${enc(surveyId)}/invitations`, body),
  updateInvitation: (id: string, body: InvitationPatch) =>
    request<{ invitation: Invitation }>("PATCH", `/api/invitations/${enc(id)}`, body),
  slots: () => request<{ slots: Slot[] }>("GET", "/api/slots?state=all"),
  createSlots: (body: CreateSlotsBody) => request<{ slots: Slot[]; skipped: number }>("POST", "/api/slots", body),
  deleteSlot: (id: string) => request<void>("DELETE", `/api/slots/${enc(id)}`),
  outbox: () => request<Outbox>("GET", "/api/outbox?pageSize=200"),
  email: (id: string) => request<{ email: EmailDetail }>("GET", `/api/outbox/${enc(id)}`),
  retryEmail: (id: string) => request<{ email: EmailDetail }>("POST", `/api/outbox/${enc(id)}/retry`),
};
