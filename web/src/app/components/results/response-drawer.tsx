// One response in full, in a side drawer (a modal <dialog>: focus stays inside, Escape
// closes it, focus returns to the row's button). The route loads the detail.
import { For, Match, Show, Switch, createEffect, createUniqueId, onCleanup } from "solid-js";
import type { QuestionResult } from "@sieve/core";
import type { ResponseDetail } from "../../lib/results-api";
import { formatDateTime } from "../../lib/format";
import { ErrorNotice } from "../notice";
import { Loading } from "../loading";
import { answerLines } from "./answer-format";
import { formatDuration } from "./readings";
import { OutcomeBadge } from "./responses-table";

export function ResponseDrawer(props: {
  open: boolean;
  detail: ResponseDetail | undefined;
  loading: boolean;
  error: unknown;
  questions: readonly QuestionResult[];
  onClose: () => void;
  onRetry: () => void;
}) {
  const titleId = createUniqueId();
  let dialog: HTMLDialogElement | undefined;
  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  onCleanup(() => dialog?.open && dialog.close());
  const lines = () => (props.detail ? answerLines(props.questions, props.detail.answers) : []);
  const meta = () => Object.entries(props.detail?.meta ?? {}).filter(([, v]) => v !== "");

  return (
    <dialog
      ref={dialog}
      class="drawer"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
      onClick={(event) => {
        if (event.target === dialog) props.onClose();
      }}
    >
      <div class="drawer-body">
        <header class="drawer-header">
          <h2 id={titleId}>Response</h2>
          <button type="button" class="button button-quiet" onClick={() => props.onClose()}>
            Close
          </button>
        </header>
        <Switch>
          <Match when={props.error as unknown}>{(error) => <ErrorNotice error={error()} onRetry={props.onRetry} />}</Match>
          <Match when={props.loading || !props.detail}>
            <Loading label="Loading response…" />
          </Match>
          <Match when={props.detail}>
            {(detail) => (
              <>
                <p class="drawer-outcome">
                  <OutcomeBadge response={detail()} />
                  <Show when={detail().flags.length > 0}>
                    <span class="flag-list">Flags: {detail().flags.join(", ")}</span>
                  </Show>
                </p>
                <dl class="facts drawer-facts">
                  <dt>Started</dt>
                  <dd>{formatDateTime(detail().startedAt)}</dd>
                  <dt>Completed</dt>
                  <dd>{detail().completedAt ? formatDateTime(detail().completedAt!) : "Not completed"}</dd>
                  <dt>Duration</dt>
                  <dd>{formatDuration(detail().durationMs)}</dd>
                  <dt>Channel</dt>
                  <dd>{detail().channel?.name ?? "Direct link"}</dd>
                  <dt>Segments</dt>
                  <dd>{detail().segments.length ? detail().segments.map((s) => s.name).join(", ") : "None"}</dd>
                  <dt>Version</dt>
                  <dd>{detail().version}</dd>
                  <Show when={detail().email !== undefined}>
                    <dt>Email</dt>
                    <dd>{detail().email ?? "—"}</dd>
                  </Show>
                  <For each={meta()}>
                    {([key, value]) => (
                      <>
                        <dt>{key}</dt>
                        <dd>{value}</dd>
                      </>
                    )}
                  </For>
                  <dt>Response id</dt>
                  <dd class="mono small">{detail().id}</dd>
                </dl>
                <h3 class="drawer-subtitle">Answers</h3>
                <Show when={lines().length > 0} fallback={<p class="muted">No answers saved.</p>}>
                  <ol class="answer-list">
                    <For each={lines()}>
                      {(line) => (
                        <li>
                          <p class="answer-question">{line.title}</p>
                          <For each={line.text}>{(text) => <p class="answer-text prewrap">{text}</p>}</For>
                        </li>
                      )}
                    </For>
                  </ol>
                </Show>
              </>
            )}
          </Match>
        </Switch>
      </div>
    </dialog>
  );
}
