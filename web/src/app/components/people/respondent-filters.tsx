import { For } from "solid-js";
import type { RespondentFilters } from "../../lib/people-api";

export interface FilterOption {
  id: string;
  name: string;
}

const outcomes: readonly { value: RespondentFilters["outcome"]; label: string }[] = [
  { value: "", label: "Any outcome" },
  { value: "qualified", label: "Qualified" },
  { value: "disqualified", label: "Disqualified" },
  { value: "over_quota", label: "Over quota" },
  { value: "flagged", label: "Flagged" },
];

/** Filters for a survey's respondents; every change is handed up whole. */
export function RespondentFilterForm(props: {
  filters: RespondentFilters;
  segments: readonly FilterOption[];
  channels: readonly FilterOption[];
  onChange: (filters: RespondentFilters) => void;
}) {
  const set = (patch: Partial<RespondentFilters>) => props.onChange({ ...props.filters, ...patch });
  return (
    <fieldset class="people-filters">
      <legend>Filter respondents</legend>
      <div class="field">
        <label for="filter-segment">Segment</label>
        <select id="filter-segment" value={props.filters.segment} onChange={(e) => set({ segment: e.currentTarget.value })}>
          <option value="">Any segment</option>
          <For each={props.segments}>{(s) => <option value={s.id}>{s.name}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="filter-channel">Channel</label>
        <select id="filter-channel" value={props.filters.channel} onChange={(e) => set({ channel: e.currentTarget.value })}>
          <option value="">Any channel</option>
          <For each={props.channels}>{(c) => <option value={c.id}>{c.name}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="filter-outcome">Outcome</label>
        <select
          id="filter-outcome"
          value={props.filters.outcome}
          onChange={(e) => {
            const value = outcomes.find((o) => o.value === e.currentTarget.value)?.value ?? "";
            set({ outcome: value });
          }}
        >
          <For each={outcomes}>{(o) => <option value={o.value}>{o.label}</option>}</For>
        </select>
      </div>
      <label class="people-check">
        <input
          type="checkbox"
          checked={props.filters.includeFlagged}
          onChange={(e) => set({ includeFlagged: e.currentTarget.checked })}
        />
        Include flagged responses
      </label>
    </fieldset>
  );
}
