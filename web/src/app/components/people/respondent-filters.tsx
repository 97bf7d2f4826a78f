import { Show, createEffect, createSignal, on, onCleanup } from "solid-js";
import type { FlagsFilter, OutcomeFilter, PipelineStatus, RespondentFilters } from "../../lib/people-api";
import { pipelineLabels } from "./status-labels";
import { FilterSelect, type FilterChoice } from "./filter-select";

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
const statusChoices: readonly { value: PipelineStatus; label: string }[] = statuses.map((s) => ({ value: s, label: pipelineLabels[s] }));

const pick = <T extends string>(list: readonly { value: T }[], value: string): T | "" => list.find((o) => o.value === value)?.value ?? "";
const asChoice = (o: FilterOption): FilterChoice => ({ value: o.id, label: o.name });

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
            <FilterSelect
              id="filter-survey"
              label="Survey"
              value={props.filters.survey}
              any="Any survey"
              choices={surveys().map(asChoice)}
              // Segments and channels belong to one survey: a new survey starts them afresh.
              onChange={(survey) => set({ survey, segment: "", channel: "" })}
            />
          )}
        </Show>
        <Show when={props.segments.length > 0 || props.filters.segment}>
          <FilterSelect
            id="filter-segment"
            label="Segment"
            value={props.filters.segment}
            any="Any segment"
            choices={props.segments.map(asChoice)}
            onChange={(segment) => set({ segment })}
          />
        </Show>
        <Show when={props.channels.length > 0 || props.filters.channel}>
          <FilterSelect
            id="filter-channel"
            label="Channel"
            value={props.filters.channel}
            any="Any channel"
            choices={props.channels.map(asChoice)}
            onChange={(channel) => set({ channel })}
          />
        </Show>
        <FilterSelect id="filter-outcome" label="Outcome" value={props.filters.outcome} choices={outcomes} onChange={(v) => set({ outcome: pick(outcomes, v) })} />
        <FilterSelect id="filter-flags" label="Flags" value={props.filters.flags} choices={flagChoices} onChange={(v) => set({ flags: pick(flagChoices, v) })} />
        <FilterSelect
          id="filter-status"
          label="Interview"
          value={props.filters.status}
          any="Any interview status"
          choices={statusChoices}
          onChange={(v) => set({ status: pick(statusChoices, v) })}
        />
      </fieldset>
    </div>
  );
}
