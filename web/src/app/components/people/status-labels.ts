// Human labels for interview pipeline and email states.
import type { PipelineStatus, SkipReason } from "../../lib/people-api";

export const pipelineLabels: Record<PipelineStatus, string> = {
  not_invited: "Not invited",
  invited: "Invited",
  booked: "Booked",
  completed: "Completed",
  no_show: "No-show",
  declined: "Declined",
  cancelled: "Cancelled",
};

export const skipReasonLabels: Record<SkipReason, string> = {
  not_found: "not a respondent of this workspace",
  erased: "their data was erased",
  no_email: "no email address",
  unsubscribed: "unsubscribed",
  flagged: "response was flagged (tick “Invite flagged respondents too” to include)",
  already_invited: "already invited to this survey",
};

export const outcomeLabel = (outcome: string | null): string =>
  outcome === null ? "—" : outcome.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
