// Read-only links to the results for people without an account (a client, a
// stakeholder). Each link can hide free-text answers; revoking one ends it at once.
import { For, Show, createSignal } from "solid-js";
import type { ResultLink } from "../../lib/results-api";
import { CopyField } from "../copy-field";
import { Modal } from "../modal";
import { ErrorNotice, FormError } from "../notice";
import { Loading } from "../loading";
import { DateOnly } from "../time-ago";

/** The link with the current view's filters appended, when the researcher asks for them. */
export function linkWithView(url: string, search: string): string {
  if (!search || search === "?") return url;
  return `${url}${url.includes("?") ? "&" : "?"}${search.replace(/^\?/, "")}`;
}

export function ShareDialog(props: {
  open: boolean;
  links: ResultLink[] | undefined;
  loadError: unknown;
  unavailable: boolean;
  created: ResultLink | null;
  pending: boolean;
  error: unknown;
  revoking: string | null;
  /** The filter part of the current view ("?split=segment"), "" when there is none. */
  viewSearch: string;
  onCreate: (hideText: boolean) => void;
  onRevoke: (id: string) => void;
  onRetry: () => void;
  onClose: () => void;
}) {
  const [hideText, setHideText] = createSignal(true);
  const [withView, setWithView] = createSignal(true);
  const createdUrl = () => (props.created?.url ? (withView() ? linkWithView(props.created.url, props.viewSearch) : props.created.url) : "");
  return (
    <Modal open={props.open} title="Share results (read-only)" wide onClose={() => props.onClose()}>
      <Show
        when={!props.unavailable}
        fallback={<p class="notice notice-warning">Shared result links are not available on this server yet.</p>}
      >
        <div class="stack">
          <p class="muted">
            Anyone with the link sees the charts and statistics of this survey, without signing in. They never see emails or individual
            responses.
          </p>
          <form
            class="stack"
            onSubmit={(event) => {
              event.preventDefault();
              props.onCreate(hideText());
            }}
          >
            <label class="picker-option">
              <input type="checkbox" checked={hideText()} onChange={(e) => setHideText(e.currentTarget.checked)} />
              <span>Hide free-text questions (they can contain names and other personal details)</span>
            </label>
            <Show when={props.viewSearch}>
              <label class="picker-option">
                <input type="checkbox" checked={withView()} onChange={(e) => setWithView(e.currentTarget.checked)} />
                <span>Open the link with the current filters and split</span>
              </label>
            </Show>
            <FormError error={props.error} />
            <div class="actions">
              <button type="submit" class="button button-primary" disabled={props.pending}>
                {props.pending ? "Creating…" : "Create link"}
              </button>
            </div>
          </form>
          <Show when={createdUrl()}>
            <CopyField label="New link" value={createdUrl()} hint="Copy it now: for safety Sieve keeps only a fingerprint of the link." />
          </Show>
          <h3>Active links</h3>
          <Show when={!props.loadError} fallback={<ErrorNotice error={props.loadError} onRetry={props.onRetry} />}>
            <Show when={props.links} fallback={<Loading label="Loading links…" />}>
              {(links) => (
                <Show when={links().length > 0} fallback={<p class="muted">No shared links yet.</p>}>
                  <ul class="link-list">
                    <For each={links()}>
                      {(link) => (
                        <li>
                          <span>
                            Created <DateOnly iso={link.createdAt} /> · {link.hideText ? "free text hidden" : "free text counts shown"}
                          </span>
                          <Show when={link.url}>{(url) => <code class="small">{url()}</code>}</Show>
                          <button
                            type="button"
                            class="button button-small button-danger-quiet"
                            disabled={props.revoking === link.id}
                            onClick={() => props.onRevoke(link.id)}
                          >
                            {props.revoking === link.id ? "Revoking…" : "Revoke"}
                          </button>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              )}
            </Show>
          </Show>
        </div>
      </Show>
    </Modal>
  );
}
