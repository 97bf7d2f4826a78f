// /app/surveys/:id/results — the results dashboard. The route owns the data: the view
// (filters, split, tab, table page and search) lives in the URL, so a view can be
// bookmarked and shared; results and responses load for it; an SSE stream refetches
// them (debounced) when responses arrive. chart.js loads lazily with the first chart.
import { SurveyNotFound } from "../components/survey-not-found";
import { Match, Show, Switch, createEffect, createMemo, createResource, createSignal, on, onCleanup, onMount } from "solid-js";
import { A, useLocation, useNavigate, useParams } from "@solidjs/router";
import type { QuestionResult, ResultsFilter } from "@sieve/core";
import { ApiError } from "../lib/api-client";
import { changesOnly, resultsApi, subscribeLive, type LiveState, type ResultLink, type ResultsReply } from "../lib/results-api";
import { createMutation } from "../lib/mutation";
import { latestOf } from "../lib/resource";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/page-title";
import { EmptyState } from "../components/empty-state";
import { ErrorNotice, LiveStatus } from "../components/notice";
import { Loading } from "../components/loading";
import { StatusBadge } from "../components/status-badge";
import { createPalette } from "../charts/palette";
import { fileSlug } from "../charts/chart-figure";
import { filterChoices } from "../components/results/filter-choices";
import { ExportMenu } from "../components/results/export-menu";
import { FilterBar } from "../components/results/filter-bar";
import { LiveIndicator } from "../components/results/live-indicator";
import { filterKey, isFiltered, clearFilters, pageQueryToSearch, readPageQuery, type PageQuery, type ResultsView } from "../components/results/page-query";
import { ResponseDrawer } from "../components/results/response-drawer";
import { ResponsesTable } from "../components/results/responses-table";
import { ResultsOverview } from "../components/results/results-overview";
import { ShareDialog } from "../components/results/share-dialog";
import { TextAnswers } from "../components/results/text-answers";
import { textAnswer } from "../components/results/answer-format";
import "../results.css";

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });
const countFormat = new Intl.NumberFormat();

export function SurveyResultsPage() {
  const params = useParams<{ id: string }>();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const palette = createPalette();
  const canEdit = () => session.role() !== "viewer";

  // ---- the view, from the URL ---------------------------------------------------
  const query = createMemo(() => readPageQuery(location.search));
  const filter = createMemo(() => query().filter, undefined, { equals: (a, b) => filterKey(a) === filterKey(b) });
  const go = (next: PageQuery, replace = false) => navigate(`${location.pathname}${pageQueryToSearch(next)}`, { replace, scroll: false });
  const setFilter = (next: ResultsFilter) => go({ ...query(), filter: next, page: 1 });
  const tabHref = (view: ResultsView) => `${location.pathname}${pageQueryToSearch({ filter: filter(), view, page: 1, q: "" })}`;

  // ---- data ----------------------------------------------------------------------
  const [results, { refetch }] = createResource(
    () => ({ id: params.id, workspace: session.workspaceId(), filter: filter() }),
    (key) => resultsApi.results(key.id, key.filter),
  );
  const loaded = () => latestOf(results);
  usePageTitle(() => `Results · ${loaded()?.survey.title ?? "Survey"}`);
  const notFound = () => results.error instanceof ApiError && results.error.status === 404;

  const [includeEmails, setIncludeEmails] = createSignal(false);
  const [responses, responsesActions] = createResource(
    () => query().view === "responses" && { id: params.id, filter: filter(), page: query().page, q: query().q, emails: includeEmails() },
    (key) => resultsApi.responses(key.id, key.filter, { page: key.page, pageSize: 25, q: key.q, includeEmails: key.emails }),
  );

  // ---- live updates ----------------------------------------------------------------
  const [live, setLive] = createSignal<LiveState>("connecting");
  const [updatedAt, setUpdatedAt] = createSignal<string>();
  const [version, setVersion] = createSignal(0);
  const [announcement, setAnnouncement] = createSignal("");
  const refreshAll = () => {
    void refetch();
    if (query().view === "responses") void responsesActions.refetch();
    setVersion((v) => v + 1);
    setUpdatedAt(timeFormat.format(new Date()));
  };
  onMount(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = subscribeLive(resultsApi.liveUrl(params.id), {
      onState: setLive,
      onChanged: changesOnly((change) => {
        // Responses often arrive in bursts: one refetch per half second at most.
        clearTimeout(timer);
        timer = setTimeout(() => {
          refreshAll();
          setAnnouncement(`Results updated: ${countFormat.format(change.responses)} responses in all.`);
        }, 500);
      }),
    });
    onCleanup(() => {
      clearTimeout(timer);
      stop();
    });
  });

  // ---- one response in the drawer ------------------------------------------------------
  const [openResponse, setOpenResponse] = createSignal<string | null>(null);
  const [detail, detailActions] = createResource(
    () => openResponse() !== null && { id: params.id, responseId: openResponse()!, emails: includeEmails() },
    async (key) => (await resultsApi.response(key.id, key.responseId, key.emails)).response,
  );

  // ---- shared links ----------------------------------------------------------------------
  const [shareOpen, setShareOpen] = createSignal(false);
  const [links, linksActions] = createResource(
    () => shareOpen() && params.id,
    async (id) => (await resultsApi.links.list(id)).links,
  );
  const [created, setCreated] = createSignal<ResultLink | null>(null);
  const [revoking, setRevoking] = createSignal<string | null>(null);
  const creating = createMutation((hideText: boolean) => resultsApi.links.create(params.id, { hideText }));
  const [revokeError, setRevokeError] = createSignal<unknown>();
  const linksUnavailable = () => links.error instanceof ApiError && links.error.status === 404;
  async function createLink(hideText: boolean) {
    const result = await creating.run(hideText);
    if (!result.ok) return;
    setCreated(result.value.link);
    linksActions.mutate((list) => [result.value.link, ...(list ?? [])]);
  }
  async function revokeLink(id: string) {
    setRevoking(id);
    setRevokeError(undefined);
    try {
      await resultsApi.links.revoke(params.id, id);
      linksActions.mutate((list) => (list ?? []).filter((l) => l.id !== id));
      if (created()?.id === id) setCreated(null);
    } catch (error) {
      setRevokeError(() => error);
    } finally {
      setRevoking(null);
    }
  }

  const choices = createMemo(() => {
    const r = loaded();
    return r ? filterChoices(r) : { channels: [], segments: [], questions: [] };
  });
  const filePrefix = () => fileSlug(loaded()?.survey.title ?? "survey");
  const editorHref = () => `/app/surveys/${encodeURIComponent(params.id)}`;

  const textPanel = (question: QuestionResult) => (
    <TextAnswersContainer
      surveyId={params.id}
      filter={filter()}
      questionId={question.id}
      count={question.n}
      version={version()}
      onShowResponse={(id) => setOpenResponse(id)}
    />
  );

  return (
    <Show
      when={!notFound()}
      fallback={<SurveyNotFound />}
    >
      <div class="results-page">
        <p class="breadcrumb">
          <a href="/app">Surveys</a>
        </p>
        <div class="page-header results-header">
          <div>
            <h1>{loaded()?.survey.title ?? "Results"}</h1>
            <div class="meta-line">
              <Show when={loaded()}>{(r) => <StatusBadge status={r().survey.status} />}</Show>
              <A class="small" href={editorHref()}>
                Edit survey
              </A>
              <LiveIndicator state={live()} updatedAt={updatedAt()} />
              <Show when={live() === "unavailable"}>
                <button type="button" class="button button-quiet button-small" onClick={refreshAll}>
                  Refresh
                </button>
              </Show>
            </div>
          </div>
          <div class="actions">
            <Show when={canEdit()}>
              <button
                type="button"
                class="button"
                onClick={() => {
                  setCreated(null);
                  creating.clearError();
                  setShareOpen(true);
                }}
              >
                Share results
              </button>
            </Show>
            <ExportMenu
              csvUrl={(emails) => resultsApi.exportUrl(params.id, filter(), "csv", emails)}
              jsonUrl={(emails) => resultsApi.exportUrl(params.id, filter(), "json", emails)}
              canIncludeEmails={canEdit()}
            />
          </div>
        </div>
        <LiveStatus class="visually-hidden">{announcement()}</LiveStatus>

        <nav class="results-tabs" aria-label="Results views">
          <A href={tabHref("overview")} aria-current={query().view === "overview" ? "page" : undefined} end>
            Overview
          </A>
          <A href={tabHref("responses")} aria-current={query().view === "responses" ? "page" : undefined}>
            Responses
            <Show when={loaded()}>{(r) => <span class="tab-count">{countFormat.format(r().totals.responses)}</span>}</Show>
          </A>
        </nav>

        <Show when={query().issues.length > 0}>
          <div class="notice notice-warning" role="alert">
            <p>The filters in this address are not valid ({query().issues.map((i) => i.message).join("; ")}), so all responses are shown.</p>
            <button type="button" class="button button-small" onClick={() => go({ ...query(), filter: clearFilters(filter()) }, true)}>
              Reset filters
            </button>
          </div>
        </Show>

        <Show when={loaded() && !(loaded()!.totals.responses === 0 && !isFiltered(filter()))}>
          <FilterBar filter={filter()} choices={choices()} busy={results.loading} onChange={setFilter} />
        </Show>
        <Show when={results.loading && loaded()}>
          <div class="progress-line" aria-hidden="true" />
        </Show>

        <Switch fallback={<Loading label="Loading results…" />}>
          <Match when={results.error as unknown}>
            {(error) => (
              <div>
                <ErrorNotice title="The results could not load" error={error()} onRetry={() => void refetch()} />
                <Show when={isFiltered(filter()) || filter().split}>
                  <button type="button" class="button" onClick={() => setFilter({ ...clearFilters(filter()), split: null })}>
                    Reset filters and split
                  </button>
                </Show>
              </div>
            )}
          </Match>
          <Match when={loaded()}>
            {(r) => (
              <Show
                when={r().totals.responses > 0 || isFiltered(filter())}
                fallback={<NoResponsesYet results={r()} editorHref={editorHref()} />}
              >
                <Show
                  when={query().view === "responses"}
                  fallback={
                    <ResultsOverview
                      results={r()}
                      palette={palette()}
                      filePrefix={filePrefix()}
                      textPanel={textPanel}
                      emptyAction={
                        <button type="button" class="button" onClick={() => setFilter(clearFilters(filter()))}>
                          Clear filters
                        </button>
                      }
                    />
                  }
                >
                  <Show when={responses.error}>
                    <ErrorNotice title="The responses could not load" error={responses.error} onRetry={() => void responsesActions.refetch()} />
                  </Show>
                  <Show when={!responses.error}>
                    <Show when={latestOf(responses)} fallback={<Loading label="Loading responses…" />}>
                      <ResponsesTable
                        data={latestOf(responses)}
                        loading={responses.loading}
                        q={query().q}
                        showEmails={includeEmails()}
                        onSearch={(q) => go({ ...query(), q, page: 1 })}
                        onPage={(page) => go({ ...query(), page })}
                        onOpen={(id) => setOpenResponse(id)}
                        tools={
                          <Show when={canEdit()}>
                            <label class="picker-option emails-toggle">
                              <input type="checkbox" checked={includeEmails()} onChange={(e) => setIncludeEmails(e.currentTarget.checked)} />
                              <span>Show emails</span>
                            </label>
                          </Show>
                        }
                      />
                    </Show>
                  </Show>
                </Show>
              </Show>
            )}
          </Match>
        </Switch>
      </div>

      <ResponseDrawer
        open={openResponse() !== null}
        detail={latestOf(detail)}
        loading={detail.loading}
        error={detail.error}
        questions={loaded()?.questions ?? []}
        onClose={() => setOpenResponse(null)}
        onRetry={() => void detailActions.refetch()}
      />
      <ShareDialog
        open={shareOpen()}
        links={latestOf(links)}
        loadError={linksUnavailable() ? undefined : links.error}
        unavailable={linksUnavailable()}
        created={created()}
        pending={creating.pending()}
        error={creating.error() ?? revokeError()}
        revoking={revoking()}
        viewSearch={pageQueryToSearch({ filter: filter(), view: "overview", page: 1, q: "" })}
        onCreate={(hideText) => void createLink(hideText)}
        onRevoke={(id) => void revokeLink(id)}
        onRetry={() => void linksActions.refetch()}
        onClose={() => setShareOpen(false)}
      />
    </Show>
  );
}

export default SurveyResultsPage;

function NoResponsesYet(props: { results: ResultsReply; editorHref: string }) {
  return (
    <Show
      when={props.results.survey.publishedVersion !== null}
      fallback={
        <EmptyState
          title="This survey is not published yet"
          action={
            <a class="button button-primary" href={props.editorHref}>
              Open the editor to publish
            </a>
          }
        >
          <p>Results appear here once people start answering.</p>
        </EmptyState>
      }
    >
      <EmptyState
        title="No responses yet"
        action={
          <a class="button button-primary" href={`${props.editorHref}/share`}>
            Get links to share
          </a>
        }
      >
        <p>Share the survey’s link in the communities you recruit from. New responses appear here as they arrive — no need to reload.</p>
      </EmptyState>
    </Show>
  );
}

/**
 * Free-text answers of one question. There is no endpoint for one question's answers, so
 * this reads the filtered response list 25 at a time, and each response's detail, until
 * it has about ten answers (at most 100 responses per page, to bound the requests).
 */
const TEXT_PAGE_ANSWERS = 10;
const TEXT_BATCH = 25;
const TEXT_MAX_BATCHES = 4;

function TextAnswersContainer(props: {
  surveyId: string;
  filter: ResultsFilter;
  questionId: string;
  count: number;
  version: number;
  onShowResponse: (id: string) => void;
}) {
  const [open, setOpen] = createSignal(false);
  const [q, setQ] = createSignal("");
  // The response-list page each shown page started from; the last is the current one.
  const [starts, setStarts] = createSignal<number[]>([1]);
  createEffect(on(() => props.filter, () => setStarts([1]), { defer: true }));
  const [data, { refetch }] = createResource(
    () => open() && { filter: props.filter, start: starts().at(-1)!, q: q(), version: props.version },
    async (key) => {
      const answers: { responseId: string; text: string }[] = [];
      let page = key.start;
      let total = 0;
      let pages = 1;
      for (let batch = 0; batch < TEXT_MAX_BATCHES && page <= pages && answers.length < TEXT_PAGE_ANSWERS; batch++, page++) {
        const list = await resultsApi.responses(props.surveyId, key.filter, { page, pageSize: TEXT_BATCH, q: key.q });
        total = list.total;
        pages = Math.max(1, Math.ceil(list.total / TEXT_BATCH));
        const details = await Promise.all(list.responses.map((r) => resultsApi.response(props.surveyId, r.id)));
        for (const { response } of details) {
          const text = textAnswer(response.answers[props.questionId]);
          if (text !== null) answers.push({ responseId: response.id, text });
        }
      }
      return {
        answers,
        from: total === 0 ? 0 : (key.start - 1) * TEXT_BATCH + 1,
        to: Math.min(total, (page - 1) * TEXT_BATCH),
        total,
        hasNext: page <= pages,
        next: page,
      };
    },
  );
  return (
    <TextAnswers
      count={props.count}
      open={open()}
      data={latestOf(data)}
      loading={data.loading}
      error={data.error}
      q={q()}
      hasPrevious={starts().length > 1}
      onOpen={() => setOpen(true)}
      onSearch={(text) => {
        setQ(text);
        setStarts([1]);
      }}
      onNext={() => {
        const next = latestOf(data)?.next;
        if (next) setStarts([...starts(), next]);
      }}
      onPrevious={() => setStarts(starts().slice(0, -1))}
      onRetry={() => void refetch()}
      onShowResponse={props.onShowResponse}
    />
  );
}
