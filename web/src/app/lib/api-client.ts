// A thin typed wrapper over fetch for /api/*. Every call is same-origin JSON;
// any non-2xx reply becomes an ApiError parsed from `{ error: { code, message, details? } }`.
import type {
  AddMemberResult,
  ApiToken,
  Channel,
  ChannelKind,
  InviteInfo,
  Issue,
  Me,
  Member,
  PendingInvite,
  Role,
  SurveyDefinition,
  SurveyDetail,
  SurveySummary,
  Template,
  User,
  WorkspaceRef,
} from "./api-types";

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network_error", "Could not reach the server. Check your connection and try again.");
  }
  if (!res.ok) throw await errorFrom(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function errorFrom(res: Response): Promise<ApiError> {
  let payload: unknown;
  try {
    payload = await res.json();
  } catch {
    payload = undefined;
  }
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : undefined;
  const code = typeof error?.code === "string" ? error.code : `http_${res.status}`;
  const message =
    typeof error?.message === "string" ? error.message : `The server replied ${res.status} ${res.statusText}`.trim();
  return new ApiError(res.status, code, message, error?.details);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

const enc = encodeURIComponent;

export const api = {
  setup: {
    status: () => request<{ needed: boolean }>("GET", "/api/setup"),
    complete: (body: { token: string; name: string; email: string; password: string; workspaceName: string }) =>
      request<{ user: User; workspace: WorkspaceRef }>("POST", "/api/setup", body),
  },
  auth: {
    login: (body: { email: string; password: string }) => request<{ user: User }>("POST", "/api/auth/login", body),
    logout: () => request<void>("POST", "/api/auth/logout"),
    me: () => request<Me>("GET", "/api/auth/me"),
    switchWorkspace: (workspaceId: string) => request<Me>("POST", "/api/auth/workspace", { workspaceId }),
  },
  workspaces: {
    create: (name: string) => request<{ workspace: WorkspaceRef }>("POST", "/api/workspaces", { name }),
  },
  members: {
    list: () => request<{ members: Member[]; invites: PendingInvite[] }>("GET", "/api/workspace/members"),
    add: (body: { email: string; role: Role }) => request<AddMemberResult>("POST", "/api/workspace/members", body),
    setRole: (userId: string, role: Role) =>
      request<{ member: Member }>("PATCH", `/api/workspace/members/${enc(userId)}`, { role }),
    remove: (userId: string) => request<void>("DELETE", `/api/workspace/members/${enc(userId)}`),
    revokeInvite: (id: string) => request<void>("DELETE", `/api/workspace/invites/${enc(id)}`),
  },
  invites: {
    get: (token: string) => request<InviteInfo>("GET", `/api/invites/${enc(token)}`),
    accept: (token: string, body: { name: string; password: string }) =>
      request<{ user: User }>("POST", `/api/invites/${enc(token)}/accept`, body),
  },
  tokens: {
    list: () => request<{ tokens: ApiToken[] }>("GET", "/api/tokens"),
    create: (name: string) => request<{ token: ApiToken; secret: string }>("POST", "/api/tokens", { name }),
    revoke: (id: string) => request<void>("DELETE", `/api/tokens/${enc(id)}`),
  },
  templates: {
    list: () => request<{ templates: Template[] }>("GET", "/api/templates"),
  },
  surveys: {
    list: () => request<{ surveys: SurveySummary[] }>("GET", "/api/surveys"),
    create: (body: { title?: string; templateId?: string }) =>
      request<{ survey: SurveyDetail }>("POST", "/api/surveys", body),
    importDefinition: (definition: SurveyDefinition) =>
      request<{ survey: SurveyDetail }>("POST", "/api/surveys", { definition }),
    saveDefinition: (id: string, body: { revision: number; definition: SurveyDefinition }) =>
      request<{ survey: SurveyDetail }>("PUT", `/api/surveys/${enc(id)}/definition`, body),
    get: (id: string) => request<{ survey: SurveyDetail }>("GET", `/api/surveys/${enc(id)}`),
    update: (id: string, body: { title?: string; slug?: string }) =>
      request<{ survey: SurveyDetail }>("PATCH", `/api/surveys/${enc(id)}`, body),
    remove: (id: string) => request<void>("DELETE", `/api/surveys/${enc(id)}`),
    publish: (id: string) =>
      request<{ survey: SurveyDetail; version: { number: number; publishedAt: string } }>(
        "POST",
        `/api/surveys/${enc(id)}/publish`,
      ),
    close: (id: string) => request<{ survey: SurveyDetail }>("POST", `/api/surveys/${enc(id)}/close`),
    reopen: (id: string) => request<{ survey: SurveyDetail }>("POST", `/api/surveys/${enc(id)}/reopen`),
    duplicate: (id: string) => request<{ survey: SurveyDetail }>("POST", `/api/surveys/${enc(id)}/duplicate`),
  },
  channels: {
    list: (surveyId: string) => request<{ channels: Channel[] }>("GET", `/api/surveys/${enc(surveyId)}/channels`),
    create: (surveyId: string, body: { name: string; kind: ChannelKind }) =>
      request<{ channel: Channel }>("POST", `/api/surveys/${enc(surveyId)}/channels`, body),
    remove: (surveyId: string, channelId: string) =>
      request<void>("DELETE", `/api/surveys/${enc(surveyId)}/channels/${enc(channelId)}`),
  },
};

/** A message fit for an error banner, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

export function hasCode(error: unknown, code: string): error is ApiError {
  return error instanceof ApiError && error.code === code;
}

/** `details.issues` of a 400 reply (invalid_definition, invalid_request), kept where each entry has the Issue shape. */
export function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details;
  if (!isRecord(details) || !Array.isArray(details.issues)) return [];
  return details.issues.flatMap((item: unknown): Issue[] => {
    if (!isRecord(item)) return [];
    const { path, code, message } = item;
    if (!Array.isArray(path) || typeof code !== "string" || typeof message !== "string") return [];
    return [{ path: path.filter((p): p is string | number => typeof p === "string" || typeof p === "number"), code, message }];
  });
}
