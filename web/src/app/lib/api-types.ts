// Shapes of the /api/* contract as the researcher app sees them (JSON: dates are ISO strings).
import type { ChannelKind, Issue, Role, SurveyDefinition } from "@sieve/core";

export type { ChannelKind, Issue, Role, SurveyDefinition };

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface WorkspaceRef {
  id: string;
  name: string;
  role: Role;
}

export interface Me {
  user: User;
  workspace: WorkspaceRef;
  workspaces: WorkspaceRef[];
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export interface PendingInvite {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
}

export type CreatedInvite = PendingInvite & { url: string };

export type AddMemberResult = { member: Member } | { invite: CreatedInvite };

export interface InviteInfo {
  workspaceName: string;
  email: string;
  role: Role;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface Template {
  id: string;
  name: string;
  description: string;
  questionCount: number;
}

export type SurveyStatus = "draft" | "open" | "closed";

export interface SurveySummary {
  id: string;
  title: string;
  slug: string;
  status: SurveyStatus;
  revision: number;
  publishedVersion: number | null;
  responseCount: number;
  lastActivityAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SurveyDetail extends SurveySummary {
  definition: SurveyDefinition;
  issues: Issue[];
  hasUnpublishedChanges: boolean;
  publishedAt: string | null;
}

/** A tracked link for one community; `url` is the full short link (origin + /c/:code). */
export interface Channel {
  id: string;
  surveyId: string;
  name: string;
  kind: ChannelKind;
  code: string;
  url: string;
  createdAt: string;
}
