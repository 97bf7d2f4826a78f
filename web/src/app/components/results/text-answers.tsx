// Free-text answers to one question, a page at a time. The route reads them through
// the response table's endpoint (filters + search) and each response's detail, reading
// on until a page holds about ten answers; the footer says which responses were read.
import { For, Show, createEffect, createSignal, createUniqueId } from "solid-js";
import { ErrorNotice } from "../notice";
import { Loading } from "../loading";

const countFormat = new Intl.NumberFormat();

export type TextAnswerPage = {
  /** Answers found in the responses read for this page, newest response first. */
  answers: { responseId: string; text: string }[];
  /** Which responses were read (1-based, newest first), of how many under the filters. */
  from: number;
  to: number;
  total: number;
  hasNext: boolean;
};

export function TextAnswers(props: {
  count: number;
  open: boolean;
  data: TextAnswerPage | undefined;
  loading: boolean;
  error: unknown;
  q: string;
  hasPrevious: boolean;
  onOpen: () => void;
  onSearch: (q: string) => void;
  onNext: () => void;
  onPrevious: () => void;
  onRetry: () => void;
  onShowResponse: (responseId: string) => void;
}) {
  const searchId = createUniqueId();
  const [text, setText] = createSignal(props.q);
  createEffect(() => setText(props.q));
  return (
    <div class="text-answers">
      <p class="result-count">
        <strong>{new Intl.NumberFormat().format(props.count)}</strong> wrote an answer.
      </p>
      <Show
        when={props.open}
        fallback={
          <button type="button" class="button button-small" onClick={() => props.onOpen()}>
            Read the answers
          </button>
        }
      >
        <form
          class="search-form"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            props.onSearch(text().trim());
          }}
        >
          <label for={searchId} class="visually-hidden">
            Search these answers
          </label>
          <input id={searchId} type="search" placeholder="Search answers" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="button button-small">
            Search
          </button>
        </form>
        <Show when={!props.error} fallback={<ErrorNotice error={props.error} onRetry={props.onRetry} />}>
          <Show when={props.data} fallback={<Loading label="Loading answers…" />}>
            {(data) => (
              <div aria-busy={props.loading ? "true" : "false"}>
                <Show
                  when={data().answers.length > 0}
                  fallback={<p class="muted small">{data().total === 0 ? "No responses match." : "None of these responses answered this question."}</p>}
                >
                  <ul class="quote-list">
                    <For each={data().answers}>
                      {(answer) => (
                        <li>
                          <p class="prewrap">{answer.text}</p>
                          <button type="button" class="link-button small" onClick={() => props.onShowResponse(answer.responseId)}>
                            Whole response
                          </button>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <nav class="pager" aria-label="Pages of answers">
                  <button type="button" class="button button-small" disabled={!props.hasPrevious || props.loading} onClick={() => props.onPrevious()}>
                    Previous
                  </button>
                  <span class="muted small" role="status" aria-live="polite">
                    {data().answers.length} {data().answers.length === 1 ? "answer" : "answers"} in responses {countFormat.format(data().from)}–
                    {countFormat.format(data().to)} of {countFormat.format(data().total)}
                    {props.q ? ` matching “${props.q}”` : ""}
                  </span>
                  <button type="button" class="button button-small" disabled={!data().hasNext || props.loading} onClick={() => props.onNext()}>
                    Next
                  </button>
                </nav>
                <Show when={props.q}>
                  <p class="hint">The search looks through every text answer of a response, so a match may be in another question.</p>
                </Show>
              </div>
            )}
          </Show>
        </Show>
      </Show>
    </div>
  );
}
