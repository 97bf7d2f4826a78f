// The small "Live" mark beside the page title: whether new responses will appear by
// themselves, and when the numbers last changed.
import { Show } from "solid-js";
import type { LiveState } from "../../lib/results-api";

const LABELS: Record<LiveState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  unavailable: "Not live",
};

const HINTS: Record<LiveState, string> = {
  connecting: "Connecting to live updates",
  live: "New responses appear here as they arrive",
  reconnecting: "Live updates were interrupted; reconnecting",
  unavailable: "Live updates are unavailable; reload the page to see new responses",
};

export function LiveIndicator(props: { state: LiveState; updatedAt?: string | undefined }) {
  return (
    <p class={`live-indicator live-${props.state}`} title={HINTS[props.state]}>
      <span class="live-dot" aria-hidden="true" />
      <span>{LABELS[props.state]}</span>
      <span class="visually-hidden">: {HINTS[props.state]}</span>
      <Show when={props.updatedAt}>
        <span class="muted"> · updated {props.updatedAt}</span>
      </Show>
    </p>
  );
}
