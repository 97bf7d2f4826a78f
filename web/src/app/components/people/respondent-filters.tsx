import { For, Show, createEffect, createSignal, on, onCleanup } from "solid-js";
import type { FlagsFilter, OutcomeFilter, PipelineStatus, RespondentFilters } from "../../lib/people-api";
import { pipelineLabels } from "./status-labels";

export interface FilterOption {
  id: string;
  name: string;
}

/** How long typing pauses before a search runs. */
export const SEARCH_DEBOUNCE_MS = 300;

const outcomes: readonly { value: OutcomeFilter; label: string }[] = [
  { value: "", label: "Any outcome" },
  { value: "qualified", label: "Qualified" },
  { value: "disqualified", label: "Disqualified" },
  { value: "over_quota", label: "Over quota" },
  { value: "flagged", label: "Flagged (trap answer)" },
];

const flagChoices: readonly { value: FlagsFilter; label: string }[] = [
  { value: "", label: "Hide flagged" },
  { value: "include", label: "Include flagged" },
  { value: "only", label: "Only flagged" },
  { value: "speeding", label: "Flag: speeding" },
  { value: "straight_lining", label: "Flag: straight-lining" },
  { value: "honeypot", label: "Flag: bot trap (honeypot)" },
];

const statuses: readonly PipelineStatus[] = ["not_invited", "invited", "booked", "completed", "no_show", "declined", "cancelled"];

const pick = <T extends string>(list: readonly { value: T }[], value: string): T | "" => list.find((o) => o.value === value)?.value ?? "";

/**
 * Search and filters for a respondent list; every change is handed up whole. The search box
 * reports after a pause in typing (or at once on Enter); segment and channel choices come
 * from one survey, so the workspace list shows them once a survey is picked.
 */
export function RespondentFilterForm(props: {
  filters: RespondentFilters;
  /** Workspace list: the surveys to narrow by (omit on a survey's own list). */
  surveys?: readonly FilterOption[];
  segments: readonly FilterOption[];
  channels: readonly FilterOption[];
  onChange: (filters: RespondentFilters) => void;
}) {
  const set = (patch: Partial<RespondentFilters>) => props.onChange({ ...props.filters, ...patch });

  // The box keeps what is typed; the URL (props) follows after a pause.
  const [text, setText] = createSignal(props.filters.q);
  createEffect(on(() => props.filters.q, (q) => q.trim() !== text().trim() && setText(q), { defer: true }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    if (text().trim() !== props.filters.q.trim()) set({ q: text().trim() });
  };
  onCleanup(() => clearTimeout(timer));

  return (
    <div class="stack people-filter-area">
      <form
        class="search-form people-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          flush();
        }}
      >
        <label for="respondent-search" class="visually-hidden">
          Search respondents by email or name
        </label>
        <input
          id="respondent-search"
          type="search"
          placeholder="Search by email or name"
          autocomplete="off"
          maxLength={200}
          value={text()}
          onInput={(e) => {
            setText(e.currentTarget.value);
            clearTimeout(timer);
            timer = setTimeout(flush, SEARCH_DEBOUNCE_MS);
          }}
        />
      </form>
      <fieldset class="people-filters">
        <legend>Filter respondents</legend>
        <Show when={props.surveys}>
          {(surveys) => (
            <div class="field">
              <label for="filter-survey">Survey</label>
              <select
                id="filter-survey"
                value={props.filters.survey}
                // Segments and channels belong to one survey: a new survey starts them afresh.
                onChange={(e) => set({ survey: e.currentTarget.value, segment: "", channel: "" })}
              >
                <option value="">Any survey</option>
                {/* `selected` per option: choices may arrive after the value (from the URL) is set. */}
                <For each={surveys()}>
                  {(s) => (
                    <option value={s.id} selected={s.id === props.filters.survey}>
                      {s.name}
                    </option>
                  )}
                </For>
              </select>
            </div>
          )}
        </Show>
        <Show when={props.segments.length > 0 || props.filters.segment}>
          <div class="field">
            <label for="filter-segment">Segment</label>
            <select id="filter-segment" value={props.filters.segment} onChange={(e) => set({ segment: e.currentTarget.value })}>
              <option value="">Any segment</option>
              <For each={props.segments}>
                {(s) => (
                  <option value={s.id} selected={s.id === props.filters.segment}>
                    {s.name}
                  </option>
                )}
              </For>
            </select>
          </div>
        </Show>
        <Show when={props.channels.length > 0 || props.filters.channel}>
          <div class="field">
            <label for="filter-channel">Channel</label>
            <select id="filter-channel" value={props.filters.channel} onChange={(e) => set({ channel: e.currentTarget.value })}>
              <option value="">Any channel</option>
              <For each={props.channels}>
                {(c) => (
                  <option value={c.id} selected={c.id === props.filters.channel}>
                    {c.name}
                  </option>
                )}
              </For>
            </select>
          </div>
        </Show>
        <div class="field">
          <label for="filter-outcome">Outcome</label>
          <select id="filter-outcome" value={props.filters.outcome} onChange={(e) => set({ outcome: pick(outcomes, e.currentTarget.value) })}>
            <For each={outcomes}>{(o) => <option value={o.value}>{o.label}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="filter-flags">Flags</label>
          <select id="filter-flags" value={props.filters.flags} onChange={(e) => set({ flags: pick(flagChoices, e.currentTarget.value) })}>
            <For each={flagChoices}>{(o) => <option value={o.value}>{o.label}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="filter-status">Interview</label>
          <select
            id="filter-status"
            value={props.filters.status}
            onChange={(e) => set({ status: statuses.find((s) => s === e.currentTarget.value) ?? "" })}
          >
            <option value="">Any interview status</option>
            <For each={statuses}>{(s) => <option value={s}>{pipelineLabels[s]}</option>}</For>
          </select>
        </div>
      </fieldset>
    </div>
  );
}
