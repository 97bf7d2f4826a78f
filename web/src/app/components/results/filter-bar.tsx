// The dashboard's filter bar: date range, channels, outcomes, segments, status, answer
// filters and the split. It holds no state of its own beyond which picker is open: every
// change is handed up as a new filter, and the route writes it to the URL.
import { For, Show, createMemo, createSignal, createUniqueId, onCleanup, onMount, type JSX } from "solid-js";
import type { ResultsFilter } from "@sieve/core";
import {
  OUTCOMES,
  STATUSES,
  clearFilters,
  isFiltered,
  setAnswerFilter,
  splitFromValue,
  splitValue,
  toggle,
} from "./page-query";

export type FilterChoices = {
  channels: { id: string; name: string }[];
  segments: { id: string; name: string; color: string }[];
  /** Choice questions, for answer filters and the split by question. */
  questions: { id: string; title: string; options: { id: string; label: string }[] }[];
};

export function FilterBar(props: { filter: ResultsFilter; choices: FilterChoices; busy?: boolean; onChange: (filter: ResultsFilter) => void }) {
  let bar: HTMLDivElement | undefined;
  const change = (patch: Partial<ResultsFilter>) => props.onChange({ ...props.filter, ...patch });

  // One picker open at a time; a click elsewhere or Escape closes it.
  onMount(() => {
    const closeOthers = (event: Event) => {
      for (const details of bar?.querySelectorAll<HTMLDetailsElement>("details.picker[open]") ?? []) {
        if (!details.contains(event.target as Node)) details.open = false;
      }
    };
    document.addEventListener("click", closeOthers);
    onCleanup(() => document.removeEventListener("click", closeOthers));
  });
  const onPickerKey = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    const details = (event.currentTarget as HTMLElement).closest("details");
    if (details?.open) {
      event.preventDefault();
      details.open = false;
      details.querySelector("summary")?.focus();
    }
  };

  const channelName = (id: string) => (id === "direct" ? "Direct link" : props.choices.channels.find((c) => c.id === id)?.name ?? "Removed link");
  const questionOf = (id: string) => props.choices.questions.find((q) => q.id === id);

  return (
    <div class="filter-bar card" ref={bar} aria-busy={props.busy ? "true" : "false"}>
      <h2 class="visually-hidden">Filters</h2>
      <div class="filter-row">
        <Picker label="Dates" count={(props.filter.from ? 1 : 0) + (props.filter.to ? 1 : 0)} onKeyDown={onPickerKey}>
          <div class="date-range">
            <div class="filter-field">
              <label for="filter-from">From</label>
              <input
                id="filter-from"
                type="date"
                value={props.filter.from ?? ""}
                max={props.filter.to ?? undefined}
                onChange={(e) => change({ from: e.currentTarget.value || undefined })}
              />
            </div>
            <div class="filter-field">
              <label for="filter-to">To</label>
              <input
                id="filter-to"
                type="date"
                value={props.filter.to ?? ""}
                min={props.filter.from ?? undefined}
                onChange={(e) => change({ to: e.currentTarget.value || undefined })}
              />
            </div>
          </div>
          <p class="hint">By the day a response was started (UTC). Leave empty for any time.</p>
        </Picker>
        <Picker label="Channels" count={props.filter.channels.length} onKeyDown={onPickerKey}>
          <For each={[...props.choices.channels, { id: "direct", name: "Direct link (no tracked link)" }]}>
            {(channel) => (
              <Check
                label={channel.name}
                checked={props.filter.channels.includes(channel.id)}
                onChange={() => change({ channels: toggle(props.filter.channels, channel.id) })}
              />
            )}
          </For>
        </Picker>
        <Picker label="Outcome" count={props.filter.outcomes.length} onKeyDown={onPickerKey}>
          <For each={OUTCOMES}>
            {(outcome) => (
              <Check
                label={outcome.label}
                checked={props.filter.outcomes.includes(outcome.id)}
                onChange={() => change({ outcomes: toggle(props.filter.outcomes, outcome.id) })}
              />
            )}
          </For>
        </Picker>
        <Show when={props.choices.segments.length > 0}>
          <Picker label="Segments" count={props.filter.segments.length} onKeyDown={onPickerKey}>
            <For each={props.choices.segments}>
              {(segment) => (
                <Check
                  label={segment.name}
                  checked={props.filter.segments.includes(segment.id)}
                  onChange={() => change({ segments: toggle(props.filter.segments, segment.id) })}
                />
              )}
            </For>
            <p class="hint">A response may be in several segments; ticking more shows responses in any of them.</p>
          </Picker>
        </Show>
        <Show when={props.choices.questions.length > 0}>
          <AnswerPicker filter={props.filter} questions={props.choices.questions} onChange={props.onChange} onKeyDown={onPickerKey} />
        </Show>
        <div class="filter-field">
          <label for="filter-status">Responses</label>
          <select id="filter-status" value={props.filter.status} onChange={(e) => change({ status: e.currentTarget.value as ResultsFilter["status"] })}>
            <For each={STATUSES}>{(s) => <option value={s.id}>{s.label}</option>}</For>
          </select>
        </div>
        <div class="filter-field filter-split">
          <label for="filter-split">Split by</label>
          <select id="filter-split" value={splitValue(props.filter.split)} onChange={(e) => change({ split: splitFromValue(e.currentTarget.value) })}>
            <option value="">No split</option>
            <Show when={props.choices.segments.length > 0}>
              <option value="segment">Segment</option>
            </Show>
            <option value="channel">Channel</option>
            <option value="outcome">Outcome</option>
            <Show when={props.choices.questions.length > 0}>
              <optgroup label="Answer to a question">
                <For each={props.choices.questions}>{(q) => <option value={`question:${q.id}`}>{shorten(q.title, 60)}</option>}</For>
              </optgroup>
            </Show>
          </select>
        </div>
      </div>
      <Show when={isFiltered(props.filter)}>
        <ul class="filter-chips" aria-label="Active filters">
          <Show when={props.filter.from || props.filter.to}>
            <Chip
              label={`Dates: ${props.filter.from ?? "start"} to ${props.filter.to ?? "today"}`}
              onRemove={() => change({ from: undefined, to: undefined })}
            />
          </Show>
          <For each={props.filter.channels}>
            {(id) => <Chip label={`Channel: ${channelName(id)}`} onRemove={() => change({ channels: toggle(props.filter.channels, id) })} />}
          </For>
          <For each={props.filter.outcomes}>
            {(id) => (
              <Chip
                label={`Outcome: ${OUTCOMES.find((o) => o.id === id)?.label ?? id}`}
                onRemove={() => change({ outcomes: toggle(props.filter.outcomes, id) })}
              />
            )}
          </For>
          <For each={props.filter.segments}>
            {(id) => (
              <Chip
                label={`Segment: ${props.choices.segments.find((s) => s.id === id)?.name ?? id}`}
                onRemove={() => change({ segments: toggle(props.filter.segments, id) })}
              />
            )}
          </For>
          <Show when={props.filter.status !== "complete"}>
            <Chip label={`Responses: ${STATUSES.find((s) => s.id === props.filter.status)?.label ?? props.filter.status}`} onRemove={() => change({ status: "complete" })} />
          </Show>
          <For each={props.filter.answers}>
            {(a) => {
              const q = () => questionOf(a.questionId);
              const labels = () => a.optionIds.map((id) => q()?.options.find((o) => o.id === id)?.label ?? id).join(" or ");
              return (
                <Chip label={`${shorten(q()?.title ?? a.questionId, 40)}: ${labels()}`} onRemove={() => props.onChange(setAnswerFilter(props.filter, a.questionId, []))} />
              );
            }}
          </For>
          <li>
            <button type="button" class="button button-quiet button-small" onClick={() => props.onChange(clearFilters(props.filter))}>
              Clear all filters
            </button>
          </li>
        </ul>
      </Show>
    </div>
  );
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function Picker(props: { label: string; count: number; children: JSX.Element; onKeyDown: (e: KeyboardEvent) => void }) {
  const id = createUniqueId();
  return (
    <details class="picker" onKeyDown={props.onKeyDown}>
      <summary class="button button-small" aria-describedby={id}>
        {props.label}
        <Show when={props.count > 0}>
          <span class="picker-count">{props.count}</span>
        </Show>
      </summary>
      <span id={id} class="visually-hidden">
        {props.count > 0 ? `${props.count} selected` : "none selected: all included"}
      </span>
      <fieldset class="picker-panel">
        <legend class="visually-hidden">{props.label}</legend>
        {props.children}
      </fieldset>
    </details>
  );
}

function Check(props: { label: string; checked: boolean; onChange: () => void }) {
  return (
    <label class="picker-option">
      <input type="checkbox" checked={props.checked} onChange={() => props.onChange()} />
      <span>{props.label}</span>
    </label>
  );
}

function Chip(props: { label: string; onRemove: () => void }) {
  return (
    <li class="filter-chip">
      <span>{props.label}</span>
      <button type="button" class="chip-remove" aria-label={`Remove filter ${props.label}`} onClick={() => props.onRemove()}>
        ×
      </button>
    </li>
  );
}

function AnswerPicker(props: {
  filter: ResultsFilter;
  questions: FilterChoices["questions"];
  onChange: (filter: ResultsFilter) => void;
  onKeyDown: (e: KeyboardEvent) => void;
}) {
  const selectId = createUniqueId();
  const [questionId, setQuestionId] = createSignal(props.questions[0]?.id ?? "");
  const question = createMemo(() => props.questions.find((q) => q.id === questionId()) ?? props.questions[0]);
  const chosen = () => props.filter.answers.find((a) => a.questionId === question()?.id)?.optionIds ?? [];
  return (
    <Picker label="Answers" count={props.filter.answers.length} onKeyDown={props.onKeyDown}>
      <div class="field">
        <label for={selectId}>Question</label>
        <select id={selectId} value={question()?.id ?? ""} onChange={(e) => setQuestionId(e.currentTarget.value)}>
          <For each={props.questions}>{(q) => <option value={q.id}>{shorten(q.title, 70)}</option>}</For>
        </select>
      </div>
      <p class="hint">Keep responses that chose any of the ticked answers.</p>
      <Show when={question()} keyed>
        {(q) => (
          <For each={q.options}>
            {(option) => (
              <Check
                label={option.label}
                checked={chosen().includes(option.id)}
                onChange={() => props.onChange(setAnswerFilter(props.filter, q.id, toggle(chosen(), option.id)))}
              />
            )}
          </For>
        )}
      </Show>
    </Picker>
  );
}
