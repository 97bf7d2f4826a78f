// Results as the server sends them, small enough to reason about in tests.
import { chiSquareTest, npsSummary, wilsonInterval, type QuestionResult } from "@sieve/core";
import type { ResultsColumn, ResultsReply } from "../../lib/results-api";

const cell = (count: number, n: number) => ({ count, pct: n ? count / n : 0, interval: wilsonInterval(count, n) });

/** "Who decides?" answered by 100: 60 me, 40 boss; split by two segments of 50 (buyers: 40/10, users: 20/30). */
export function choiceQuestion(split: boolean): Extract<QuestionResult, { kind: "choice" }> {
  return {
    id: "role",
    type: "single_choice",
    title: "Who decides?",
    kind: "choice",
    n: 100,
    columnN: split ? [50, 50] : [],
    options: [
      { id: "me", label: "I do", overall: cell(60, 100), columns: split ? [cell(40, 50), cell(20, 50)] : [] },
      { id: "boss", label: "My manager", overall: cell(40, 100), columns: split ? [cell(10, 50), cell(30, 50)] : [] },
    ],
    test: split ? chiSquareTest([[40, 20], [10, 30]]) : null,
  };
}

export const segmentColumns: ResultsColumn[] = [
  { key: "buyers", label: "Buyers", color: "#0f766e", n: 50 },
  { key: "users", label: "Users", color: "#c2410c", n: 50 },
];

export function npsQuestion(): Extract<QuestionResult, { kind: "nps" }> {
  const counts = [2, 0, 0, 1, 0, 1, 2, 3, 5, 6, 10];
  return {
    id: "nps",
    type: "nps",
    title: "Recommend us?",
    kind: "nps",
    n: 30,
    histogram: counts.map((count, value) => ({ value, count })).filter((x) => x.count > 0),
    nps: npsSummary(counts),
    columns: [],
  };
}

export function resultsReply(overrides: Partial<ResultsReply> = {}): ResultsReply {
  return {
    survey: { id: "s1", title: "Tools survey", status: "open", publishedVersion: 1 },
    filter: { channels: [], outcomes: [], segments: [], status: "complete", answers: [], split: null },
    totals: { responses: 120, complete: 100, partial: 20, qualified: 60, disqualified: 30, overQuota: 4, flagged: 6 },
    funnel: [
      { channel: { id: "c1", name: "r/SaaS", kind: "reddit", code: "abc" }, clicks: 90, views: 80, starts: 70, completes: 60, qualified: 40, qualifiedRate: wilsonInterval(40, 60) },
      { channel: { id: "", name: "Direct link", kind: "direct", code: null }, clicks: 0, views: 50, starts: 45, completes: 40, qualified: 20, qualifiedRate: wilsonInterval(20, 40) },
    ],
    segments: [
      { id: "buyers", name: "Buyers", color: "#0f766e", count: 50 },
      { id: "users", name: "Users", color: "#c2410c", count: 50 },
    ],
    overTime: [
      { day: "2026-11-01", count: 30 },
      { day: "2026-11-03", count: 70 },
    ],
    split: null,
    columns: [],
    questions: [choiceQuestion(false), npsQuestion(), { id: "why", type: "long_text", title: "Why?", kind: "text", n: 42 }],
    ...overrides,
  };
}
