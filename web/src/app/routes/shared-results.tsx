// /r/:token — results shared read-only with someone who has no account. Same charts and
// filters as the dashboard (the filter lives in the URL here too), live over SSE; never
// individual responses, emails or exports, and free text only when the link allows it.
import { Match, Show, Switch, createMemo, createResource, createSignal, onCleanup, onMount } from "solid-js";
import { useLocation, useNavigate, useParams } from "@solidjs/router";
import type { ResultsFilter } from "@sieve/core";
import { ApiError } from "../lib/api-client";
import { changesOnly, resultsApi, subscribeLive, type LiveState } from "../lib/results-api";
import { latestOf } from "../lib/resource";
import { usePageTitle } from "../lib/page-title";
import { ErrorNotice } from "../components/notice";
import { Loading } from "../components/loading";
import { createPalette } from "../charts/palette";
import { fileSlug } from "../charts/chart-figure";
import { filterChoices } from "../components/results/filter-choices";
import { FilterBar } from "../components/results/filter-bar";
import { LiveIndicator } from "../components/results/live-indicator";
import { clearFilters, filterKey, isFiltered, pageQueryToSearch, readPageQuery } from "../components/results/page-query";
import { ResultsOverview } from "../components/results/results-overview";
import "../results.css";

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

export function SharedResultsPage() {
  const params = useParams<{ token: string }>();
  const location = useLocation();
  const navigate = useNavigate();
  const palette = createPalette();
  const query = createMemo(() => readPageQuery(location.search));
  const filter = createMemo(() => query().filter, undefined, { equals: (a, b) => filterKey(a) === filterKey(b) });
  const setFilter = (next: ResultsFilter) =>
    navigate(`${location.pathname}${pageQueryToSearch({ filter: next, view: "overview", page: 1, q: "" })}`, { scroll: false });

  const [results, { refetch }] = createResource(
    () => ({ token: params.token, filter: filter() }),
    (key) => resultsApi.shared.results(key.token, key.filter),
  );
  const loaded = () => latestOf(results);
  usePageTitle(() => (loaded() ? `Results · ${loaded()!.survey.title}` : "Shared results"));
  const gone = () => results.error instanceof ApiError && (results.error.status === 404 || results.error.status === 410);

  const [live, setLive] = createSignal<LiveState>("connecting");
  const [updatedAt, setUpdatedAt] = createSignal<string>();
  onMount(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = subscribeLive(resultsApi.shared.liveUrl(params.token), {
      onState: setLive,
      onChanged: changesOnly(() => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          void refetch();
          setUpdatedAt(timeFormat.format(new Date()));
        }, 500);
      }),
    });
    onCleanup(() => {
      clearTimeout(timer);
      stop();
    });
  });

  return (
    <div class="shared-results">
      <header class="shared-header">
        <div class="shared-header-inner">
          <span class="brand">Sieve</span>
          <span class="muted small">Read-only results shared with you</span>
        </div>
      </header>
      <main id="main" class="page">
        <Show
          when={!gone()}
          fallback={
            <section class="empty-state">
              <h1>This link does not work any more</h1>
              <p>It may have been revoked, or mistyped. Ask the person who shared it for a new one.</p>
            </section>
          }
        >
          <div class="page-header results-header">
            <div>
              <h1>{loaded()?.survey.title ?? "Results"}</h1>
              <div class="meta-line">
                <LiveIndicator state={live()} updatedAt={updatedAt()} />
              </div>
            </div>
          </div>
          <Show when={query().issues.length > 0}>
            <p class="notice notice-warning" role="alert">
              The filters in this address are not valid, so all responses are shown.
            </p>
          </Show>
          <Show when={loaded()}>{(r) => <FilterBar filter={filter()} choices={filterChoices(r())} busy={results.loading} onChange={setFilter} />}</Show>
          <Show when={results.loading && loaded()}>
            <div class="progress-line" aria-hidden="true" />
          </Show>
          <Switch fallback={<Loading label="Loading results…" />}>
            <Match when={results.error as unknown}>
              {(error) => <ErrorNotice title="The results could not load" error={error()} onRetry={() => void refetch()} />}
            </Match>
            <Match when={loaded()}>
              {(r) => (
                <Show
                  when={r().totals.responses > 0 || isFiltered(filter())}
                  fallback={
                    <section class="empty-state">
                      <h2>No responses yet</h2>
                      <p>Results appear here as people answer; this page updates by itself.</p>
                    </section>
                  }
                >
                  <ResultsOverview
                    results={r()}
                    palette={palette()}
                    filePrefix={fileSlug(r().survey.title)}
                    emptyAction={
                      <button type="button" class="button" onClick={() => setFilter(clearFilters(filter()))}>
                        Clear filters
                      </button>
                    }
                  />
                </Show>
              )}
            </Match>
          </Switch>
          <p class="shared-footer muted small">
            A read-only view: individual responses and contact details are never shared.
            <Show when={loaded()?.shared?.hideText}> Free-text questions are left out of this link.</Show>
          </p>
        </Show>
      </main>
    </div>
  );
}

export default SharedResultsPage;
