// The dashboard's state as a query string, so a view (filters, split, tab, page of the
// response table, search) can be bookmarked and shared. The filter part is core's model,
// parsed and written by the same functions the server uses.
import { parseResultsFilter, resultsFilterToParams, type AnswerFilter, type Issue, type Outcome, type ResultsFilter, type Split } from "@sieve/core";

export type ResultsView = "overview" | "responses";

export type PageQuery = {
  filter: ResultsFilter;
  view: ResultsView;
  /** Page of the response table, from 1. */
  page: number;
  /** Search text of the response table. */
  q: string;
};

export const DEFAULT_FILTER: ResultsFilter = {
  channels: [],
  outcomes: [],
  segments: [],
  status: "complete",
  answers: [],
  split: null,
};

/** Reads the page URL's query; an invalid filter falls back to the default and reports why. */
export function readPageQuery(search: string): PageQuery & { issues: Issue[] } {
  const params = new URLSearchParams(search);
  const parsed = parseResultsFilter(params);
  const page = Number(params.get("page"));
  return {
    filter: parsed.ok ? parsed.value : DEFAULT_FILTER,
    issues: parsed.ok ? [] : parsed.issues,
    view: params.get("view") === "responses" ? "responses" : "overview",
    page: Number.isInteger(page) && page > 1 ? page : 1,
    q: params.get("q")?.trim() ?? "",
  };
}

/** The query string for a page state ("" when everything is default), leading "?" included. */
export function pageQueryToSearch(query: PageQuery): string {
  const params = new URLSearchParams(resultsFilterToParams(query.filter));
  if (query.view !== "overview") params.set("view", query.view);
  if (query.view === "responses" && query.page > 1) params.set("page", String(query.page));
  if (query.view === "responses" && query.q) params.set("q", query.q);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A stable key of the filter alone (what the results call depends on). */
export function filterKey(filter: ResultsFilter): string {
  return new URLSearchParams(resultsFilterToParams(filter)).toString();
}

/** Adds a value to a list, or removes it when present. */
export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
}

/** Sets (or, with no options, removes) the answer filter on one question. */
export function setAnswerFilter(filter: ResultsFilter, questionId: string, optionIds: readonly string[]): ResultsFilter {
  const others = filter.answers.filter((a) => a.questionId !== questionId);
  const answers: AnswerFilter[] = optionIds.length === 0 ? others : [...others, { questionId, optionIds: [...optionIds] }];
  // Keep the researcher's order: a changed filter stays where it was.
  const order = filter.answers.map((a) => a.questionId);
  answers.sort((a, b) => indexOr(order, a.questionId) - indexOr(order, b.questionId));
  return { ...filter, answers };
}

function indexOr(list: string[], value: string): number {
  const at = list.indexOf(value);
  return at === -1 ? list.length : at;
}

/** Whether anything narrows the responses (the split does not narrow). */
export function isFiltered(filter: ResultsFilter): boolean {
  return Boolean(
    filter.from || filter.to || filter.channels.length || filter.outcomes.length || filter.segments.length || filter.answers.length || filter.status !== "complete",
  );
}

/** Drops every narrowing filter and keeps the split. */
export function clearFilters(filter: ResultsFilter): ResultsFilter {
  return { ...DEFAULT_FILTER, split: filter.split };
}

export const OUTCOMES: readonly { id: Outcome; label: string }[] = [
  { id: "qualified", label: "Qualified" },
  { id: "disqualified", label: "Disqualified" },
  { id: "over_quota", label: "Over quota" },
  { id: "flagged", label: "Flagged" },
];

export const STATUSES: readonly { id: ResultsFilter["status"]; label: string }[] = [
  { id: "complete", label: "Complete" },
  { id: "partial", label: "Dropped off" },
  { id: "all", label: "All started" },
];

/** The split selector's value for a split ("" for none), and back. */
export function splitValue(split: Split | null): string {
  if (!split) return "";
  return split.by === "question" ? `question:${split.questionId}` : split.by;
}

export function splitFromValue(value: string): Split | null {
  if (value === "segment" || value === "channel" || value === "outcome") return { by: value };
  if (value.startsWith("question:")) return { by: "question", questionId: value.slice("question:".length) };
  return null;
}

/** What the columns of a split are, in words ("segment", "channel", or the question's title). */
export function splitNoun(split: Split | null, questionTitle?: (id: string) => string | undefined): string {
  if (!split) return "";
  if (split.by === "question") return `answer to “${questionTitle?.(split.questionId) ?? split.questionId}”`;
  return split.by;
}
