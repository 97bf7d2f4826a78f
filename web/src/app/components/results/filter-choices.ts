// What the filter bar offers, read from the results themselves (the channels the funnel
// lists, the survey's segments, its choice questions), so a shared link needs nothing more.
import type { ResultsReply } from "../../lib/results-api";
import type { FilterChoices } from "./filter-bar";

export function filterChoices(results: ResultsReply): FilterChoices {
  return {
    channels: results.funnel.filter((row) => row.channel.id !== "").map((row) => ({ id: row.channel.id, name: row.channel.name })).sort((a, b) => a.name.localeCompare(b.name)),
    segments: results.segments.map((s) => ({ id: s.id, name: s.name, color: s.color })),
    questions: results.questions.flatMap((q) => (q.kind === "choice" ? [{ id: q.id, title: q.title, options: q.options.map((o) => ({ id: o.id, label: o.label })) }] : [])),
  };
}
