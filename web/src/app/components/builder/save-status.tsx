// Where the draft stands with the server: saved, saving, waiting, or stuck — and, on a
// revision conflict, the two ways out.
import { Match, Show, Switch } from "solid-js";
import type { SaveState } from "../../editor/autosave";

const words = (state: SaveState): string => {
  switch (state.kind) {
    case "saved":
      return "All changes saved";
    case "pending":
      return "Unsaved changes…";
    case "saving":
      return "Saving…";
    case "invalid":
      return "Not saved: fix the marked fields";
    case "error":
      return "Couldn’t save; retrying";
    case "conflict":
      return "Not saved: someone else changed this survey";
  }
};

/** A polite live region, so a screen reader hears "Saving…", "All changes saved". */
export function SaveStatus(props: { state: SaveState; onRetry: () => void }) {
  return (
    <div class={`save-status save-${props.state.kind}`}>
      <span role="status" aria-live="polite">
        <span class="save-dot" aria-hidden="true" />
        {words(props.state)}
      </span>
      <Show when={props.state.kind === "error"}>
        <button type="button" class="button button-small button-quiet" onClick={() => props.onRetry()}>
          Retry now
        </button>
      </Show>
    </div>
  );
}

/** Shown on a 409: their save won the race; the researcher decides what happens to theirs and to mine. */
export function ConflictBanner(props: {
  state: SaveState;
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
}) {
  return (
    <Switch>
      <Match when={props.state.kind === "conflict"}>
        <section class="notice notice-warning conflict-banner" role="alert" aria-labelledby="conflict-title">
          <p class="notice-title" id="conflict-title">
            Someone else saved this survey while you were editing
          </p>
          <p>
            Your latest changes are not saved. Load their version (your unsaved changes are discarded), or replace
            their version with yours.
          </p>
          <div class="actions">
            <button type="button" class="button" disabled={props.busy} onClick={() => props.onReload()}>
              Reload their version
            </button>
            <button type="button" class="button button-primary" disabled={props.busy} onClick={() => props.onOverwrite()}>
              Overwrite with mine
            </button>
          </div>
        </section>
      </Match>
    </Switch>
  );
}
