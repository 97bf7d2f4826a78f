// Individual responses under the current filters: searchable, paginated, each opening
// the detail drawer. The route loads the pages; this renders one.
import { For, Show, createEffect, createSignal, createUniqueId, type JSX } from "solid-js";
import type { ResponsePage, ResponseSummary } from "../../lib/results-api";
import { formatDateTime } from "../../lib/format";
import { formatDuration } from "./readings";

const countFormat = new Intl.NumberFormat();

export const OUTCOME_LABELS: Record<string, string> = {
  qualified: "Qualified",
  disqualified: "Disqualified",
  over_quota: "Over quota",
  flagged: "Flagged",
};

export function OutcomeBadge(props: { response: Pick<ResponseSummary, "status" | "outcome"> }) {
  const key = () => (props.response.status === "partial" ? "partial" : props.response.outcome ?? "undecided");
  const label = () => (props.response.status === "partial" ? "Dropped off" : OUTCOME_LABELS[props.response.outcome ?? ""] ?? "Complete");
  return <span class={`outcome outcome-${key()}`}>{label()}</span>;
}

/** "26–50 of 300" */
export function pageRange(page: number, pageSize: number, total: number): string {
  if (total === 0) return "0 of 0";
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return `${countFormat.format(first)}–${countFormat.format(last)} of ${countFormat.format(total)}`;
}

export function ResponsesTable(props: {
  data: ResponsePage | undefined;
  loading: boolean;
  q: string;
  showEmails: boolean;
  onSearch: (q: string) => void;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
  /** Extra controls beside the search (the route's "Show emails" toggle). */
  tools?: JSX.Element;
}) {
  const searchId = createUniqueId();
  const [text, setText] = createSignal(props.q);
  createEffect(() => setText(props.q));
  const pages = () => (props.data ? Math.max(1, Math.ceil(props.data.total / props.data.pageSize)) : 1);

  return (
    <section class="responses" aria-labelledby="responses-title" aria-busy={props.loading ? "true" : "false"}>
      <div class="responses-head">
        <h2 id="responses-title">Responses</h2>
        <div class="responses-tools">
          {props.tools}
          <form
            class="search-form"
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              props.onSearch(text().trim());
            }}
          >
            <label for={searchId} class="visually-hidden">
              Search answers{props.showEmails ? ", emails" : ""} or a response id
            </label>
            <input
              id={searchId}
              type="search"
              placeholder={props.showEmails ? "Search answers, emails or a response id" : "Search answers or a response id"}
              value={text()}
              onInput={(e) => setText(e.currentTarget.value)}
            />
            <button type="submit" class="button">
              Search
            </button>
            <Show when={props.q}>
              <button type="button" class="button button-quiet" onClick={() => props.onSearch("")}>
                Clear search
              </button>
            </Show>
          </form>
        </div>
      </div>
      <Show when={props.data}>
        {(data) => (
          <>
            <p class="muted small" role="status" aria-live="polite">
              {data().total === 0
                ? props.q
                  ? `No responses match “${props.q}”.`
                  : "No responses match these filters."
                : `Showing ${pageRange(data().page, data().pageSize, data().total)}${props.q ? ` matching “${props.q}”` : ""}.`}
            </p>
            <Show when={data().responses.length > 0}>
              <div class="table-scroll">
                <table class="table table-cards responses-table">
                  <caption class="visually-hidden">Responses, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Started</th>
                      <th scope="col">Outcome</th>
                      <th scope="col">Segments</th>
                      <th scope="col">Channel</th>
                      <th scope="col" class="numeric">Duration</th>
                      <Show when={props.showEmails}>
                        <th scope="col">Email</th>
                      </Show>
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={data().responses}>
                      {(r) => (
                        <tr>
                          <th scope="row">
                            <time datetime={r.startedAt}>{formatDateTime(r.startedAt)}</time>
                          </th>
                          <td data-label="Outcome">
                            <OutcomeBadge response={r} />
                            <Show when={r.flags.length > 0}>
                              <span class="flag-list"> {r.flags.join(", ")}</span>
                            </Show>
                          </td>
                          <td data-label="Segments">
                            <Show when={r.segments.length > 0} fallback={<span class="muted">—</span>}>
                              {r.segments.map((s) => s.name).join(", ")}
                            </Show>
                          </td>
                          <td data-label="Channel">{r.channel?.name ?? <span class="muted">Direct link</span>}</td>
                          <td data-label="Duration" class="numeric">
                            {formatDuration(r.durationMs)}
                          </td>
                          <Show when={props.showEmails}>
                            <td data-label="Email">{r.email ?? <span class="muted">—</span>}</td>
                          </Show>
                          <td class="row-actions">
                            <button type="button" class="button button-small" onClick={() => props.onOpen(r.id)} aria-label={`View response started ${formatDateTime(r.startedAt)}`}>
                              View
                            </button>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <nav class="pager" aria-label="Response pages">
                <button type="button" class="button button-small" disabled={data().page <= 1} onClick={() => props.onPage(data().page - 1)}>
                  Previous
                </button>
                <span class="muted small">
                  Page {data().page} of {pages()}
                </span>
                <button type="button" class="button button-small" disabled={data().page >= pages()} onClick={() => props.onPage(data().page + 1)}>
                  Next
                </button>
              </nav>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
