// Typed client for the results dashboard: results, the response table, exports, live
// updates (SSE) and shared read-only links — the researcher's endpoints under
// /api/surveys/:id and the public ones under /api/public/results/:token. Built on
// api-client's `request`, so failures arrive as the same ApiError.
import { resultsFilterToParams, type ChannelKind, type Outcome, type QuestionResult, type ResultsFilter, type Split } from "@sieve/core";
import { request } from "./api-client";
import type { SurveyStatus } from "./api-types";

export type { QuestionResult, ResultsFilter, Split };

/** A proportion with its 95% Wilson interval, all in [0, 1]. */
export type Interval = { estimate: number; lower: number; upper: number };

export interface ResultsTotals {
  responses: number;
  complete: number;
  partial: number;
  qualified: number;
  disqualified: number;
  overQuota: number;
  flagged: number;
}

/** One channel's path from click to qualified; the direct link has id "" and kind "direct". */
export interface FunnelRow {
  channel: { id: string; name: string; kind: ChannelKind | "direct"; code: string | null };
  clicks: number;
  views: number;
  starts: number;
  completes: number;
  qualified: number;
  qualifiedRate: Interval;
}

export interface SegmentSize {
  id: string;
  name: string;
  color: string;
  count: number;
}

export interface ResultsColumn {
  key: string;
  label: string;
  color?: string;
  n: number;
}

export interface ResultsReply {
  survey: { id: string; title: string; status: SurveyStatus; publishedVersion: number | null };
  filter: ResultsFilter;
  totals: ResultsTotals;
  funnel: FunnelRow[];
  segments: SegmentSize[];
  overTime: { day: string; count: number }[];
  split: Split | null;
  columns: ResultsColumn[];
  questions: QuestionResult[];
  /** Present on a shared link's results. */
  shared?: { hideText: boolean };
}

export interface ResponseSummary {
  id: string;
  status: "partial" | "complete";
  outcome: Outcome | null;
  flags: string[];
  segments: { id: string; name: string }[];
  channel: { id: string; name: string } | null;
  version: number;
  startedAt: string;
  completedAt: string | null;
  durationMs: number | null;
  email?: string | null;
}

/** A stored answer as the detail view returns it (see the server's answerValues). */
export type AnswerValue = string | number | boolean | { other: string | null } | (string | { other: string | null })[] | Record<string, string | null>;

export interface ResponseDetail extends ResponseSummary {
  meta: Record<string, string>;
  answers: Record<string, AnswerValue>;
}

export interface ResponsePage {
  responses: ResponseSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export type ResponseQuery = { page: number; pageSize: number; q?: string; includeEmails?: boolean };

/** A read-only results link. The server stores only a hash of the token, so `url` may come only on creation. */
export interface ResultLink {
  id: string;
  url?: string;
  hideText: boolean;
  createdAt: string;
}

/** The `changed` event of the live stream. */
export type LiveChange = { responses: number; lastActivityAt: string | null };

const enc = encodeURIComponent;

/** The filter as URLSearchParams (core writes it as pairs). */
export function filterParams(filter: ResultsFilter): URLSearchParams {
  return new URLSearchParams(resultsFilterToParams(filter));
}

function search(params: URLSearchParams): string {
  const text = params.toString();
  return text ? `?${text}` : "";
}

function responseParams(filter: ResultsFilter, query: ResponseQuery): URLSearchParams {
  const params = filterParams(filter);
  params.set("page", String(query.page));
  params.set("pageSize", String(query.pageSize));
  if (query.q?.trim()) params.set("q", query.q.trim());
  if (query.includeEmails) params.set("include_emails", "1");
  return params;
}

const survey = (id: string) => `/api/surveys/${enc(id)}`;

export const resultsApi = {
  results: (surveyId: string, filter: ResultsFilter) =>
    request<ResultsReply>("GET", `${survey(surveyId)}/results${search(filterParams(filter))}`),
  responses: (surveyId: string, filter: ResultsFilter, query: ResponseQuery) =>
    request<ResponsePage>("GET", `${survey(surveyId)}/responses${search(responseParams(filter, query))}`),
  response: (surveyId: string, responseId: string, includeEmails = false) =>
    request<{ response: ResponseDetail }>(
      "GET",
      `${survey(surveyId)}/responses/${enc(responseId)}${includeEmails ? "?include_emails=1" : ""}`,
    ),
  /** A download link for the responses under `filter` (the server streams the file). */
  exportUrl(surveyId: string, filter: ResultsFilter, format: "csv" | "json", includeEmails: boolean): string {
    const params = filterParams(filter);
    if (includeEmails) params.set("include_emails", "1");
    return `${survey(surveyId)}/export.${format}${search(params)}`;
  },
  liveUrl: (surveyId: string) => `${survey(surveyId)}/live`,
  links: {
    list: (surveyId: string) => request<{ links: ResultLink[] }>("GET", `${survey(surveyId)}/result-links`),
    create: (surveyId: string, body: { hideText: boolean }) =>
      request<{ link: ResultLink }>("POST", `${survey(surveyId)}/result-links`, body),
    revoke: (surveyId: string, linkId: string) => request<void>("DELETE", `${survey(surveyId)}/result-links/${enc(linkId)}`),
  },
  shared: {
    results: (token: string, filter: ResultsFilter) =>
      request<ResultsReply>("GET", `/api/public/results/${enc(token)}${search(filterParams(filter))}`),
    liveUrl: (token: string) => `/api/public/results/${enc(token)}/live`,
  },
};

export type LiveState = "connecting" | "live" | "reconnecting" | "unavailable";

/**
 * Listens to a results stream. EventSource reconnects by itself after a dropped
 * connection; after a refused one (an HTTP error, e.g. a proxy's 502) it gives up, so
 * we retry with backoff. Returns a function that stops listening.
 */
export function subscribeLive(
  url: string,
  handlers: { onChanged: (change: LiveChange) => void; onState: (state: LiveState) => void },
): () => void {
  if (typeof EventSource === "undefined") {
    handlers.onState("unavailable");
    return () => {};
  }
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  const open = () => {
    handlers.onState(failures === 0 ? "connecting" : "reconnecting");
    const current = new EventSource(url);
    source = current;
    current.onopen = () => {
      failures = 0;
      handlers.onState("live");
    };
    current.addEventListener("changed", (event) => {
      handlers.onChanged(parseChange((event as MessageEvent<string>).data));
    });
    current.onerror = () => {
      if (stopped) return;
      if (current.readyState === EventSource.CLOSED) {
        failures += 1;
        current.close();
        // 5 s, 10 s, 20 s … at most a minute; after a few refusals the stream is likely absent.
        handlers.onState(failures >= 4 ? "unavailable" : "reconnecting");
        retry = setTimeout(open, Math.min(60_000, 5_000 * 2 ** (failures - 1)));
      } else {
        handlers.onState("reconnecting");
      }
    };
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}

/**
 * The stream announces the current state on every (re)connect, then each change. This
 * passes on only real changes: the first state is the baseline the page loaded with,
 * and a reconnect that finds the same state is not news (one that finds more is).
 */
export function changesOnly(handler: (change: LiveChange) => void): (change: LiveChange) => void {
  let last: string | undefined;
  return (change) => {
    const key = `${change.responses}|${change.lastActivityAt ?? ""}`;
    const first = last === undefined;
    if (key === last) return;
    last = key;
    if (!first) handler(change);
  };
}

function parseChange(data: string): LiveChange {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === "object" && value !== null) {
      const record = value as Record<string, unknown>;
      return {
        responses: typeof record.responses === "number" ? record.responses : 0,
        lastActivityAt: typeof record.lastActivityAt === "string" ? record.lastActivityAt : null,
      };
    }
  } catch {
    // A malformed event still means "something changed": refetching is the safe reading.
  }
  return { responses: 0, lastActivityAt: null };
}
