// A respondent list's state as a query string (search, filters, page), so a view survives a
// reload and can be bookmarked or shared. Unknown values fall back to "any".
import type { FlagsFilter, OutcomeFilter, PipelineStatus, RespondentFilters } from "./people-api";

export type RespondentQuery = RespondentFilters & { page: number };

export const NO_FILTERS: RespondentFilters = { q: "", segment: "", channel: "", outcome: "", flags: "", status: "", survey: "" };

const OUTCOMES: readonly OutcomeFilter[] = ["qualified", "disqualified", "over_quota", "flagged"];
const FLAGS: readonly FlagsFilter[] = ["include", "only", "speeding", "straight_lining", "honeypot"];
const STATUSES: readonly PipelineStatus[] = ["not_invited", "invited", "booked", "completed", "no_show", "declined", "cancelled"];

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | "" => list.find((v) => v === value) ?? "";
const id = (value: string | null) => (value && value.length <= 100 ? value : "");

export function readRespondentQuery(search: string): RespondentQuery {
  const params = new URLSearchParams(search);
  const page = Number(params.get("page"));
  return {
    q: (params.get("q") ?? "").slice(0, 200),
    survey: id(params.get("survey")),
    segment: id(params.get("segment")),
    channel: id(params.get("channel")),
    outcome: oneOf(OUTCOMES, params.get("outcome")),
    flags: oneOf(FLAGS, params.get("flags")),
    status: oneOf(STATUSES, params.get("status")),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** "?q=ada&outcome=qualified&page=2", or "" when everything is default. */
export function respondentQueryToSearch(query: RespondentQuery): string {
  const params = new URLSearchParams();
  const keys = ["q", "survey", "segment", "channel", "outcome", "flags", "status"] as const;
  for (const key of keys) {
    const value = key === "q" ? query.q.trim() : query[key];
    if (value) params.set(key, value);
  }
  if (query.page > 1) params.set("page", String(query.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function withoutPage(query: RespondentQuery): RespondentFilters {
  const { page: _page, ...filters } = query;
  return filters;
}

/** A stable key of the filters alone (a change means a new set of matching respondents). */
export function filtersKey(f: RespondentFilters): string {
  return respondentQueryToSearch({ ...f, q: f.q.trim(), page: 1 });
}

export function isFiltered(f: RespondentFilters): boolean {
  return filtersKey(f) !== "";
}
