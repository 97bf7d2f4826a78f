import { Show } from "solid-js";

const count = new Intl.NumberFormat();

/**
 * What is selected across pages, and the Gmail-style offer to widen a full page to every
 * respondent that matches. Props only; the route fetches the matching ids.
 */
export function SelectionBar(props: {
  selected: number;
  /** Respondents matching the filters (all pages). */
  total: number;
  /** Every row of the page shown is selected. */
  pageSelected: boolean;
  selectingAll: boolean;
  /** The server cut "all matching" short (it returns at most a few thousand). */
  truncated: boolean;
  onSelectAll: () => void;
  onClear: () => void;
}) {
  const all = () => props.selected >= props.total;
  return (
    <Show when={props.selected > 0}>
      <div class="selection-bar" role="group" aria-label="Selection">
        <span>
          {count.format(props.selected)} selected
          <Show when={props.total > 0}>{all() ? ` — all ${count.format(props.total)} matching` : ` of ${count.format(props.total)} matching`}</Show>
        </span>
        <Show when={props.pageSelected && !all() && !props.truncated}>
          <button type="button" class="link-button" disabled={props.selectingAll} onClick={() => props.onSelectAll()}>
            {props.selectingAll ? "Selecting…" : `Select all ${count.format(props.total)} matching`}
          </button>
        </Show>
        <Show when={props.truncated}>
          <span class="muted small">Only the first {count.format(props.selected)} could be selected; narrow the filters to reach the rest.</span>
        </Show>
        <button type="button" class="button button-small button-quiet" onClick={() => props.onClear()}>
          Clear selection
        </button>
      </div>
    </Show>
  );
}
