// The state behind a paged respondent list, shared by the two People pages (a survey's and
// the workspace's): search, filters and page live in the URL, so a view survives a reload and
// can be shared; one page is loaded at a time; the selection is kept across pages, cleared
// when the filters change, and can widen to everyone matching. The route passes the requests.
import { createEffect, createMemo, createResource, createSignal, on } from "solid-js";
import { useLocation, useNavigate } from "@solidjs/router";
import { createMutation } from "./mutation";
import { latestOf } from "./resource";
import type { MatchingRespondents, RespondentFilters, RespondentPage } from "./people-api";
import { createSelection, type Pickable } from "./selection";
import { NO_FILTERS, filtersKey, readRespondentQuery, respondentQueryToSearch, withoutPage, type RespondentQuery } from "./respondent-query";

export function createRespondentList<R extends Pickable>(o: {
  /** What the list belongs to besides its filters (workspace, survey): a change reloads it and clears the selection. */
  scope: () => string;
  /** A survey's own list: the survey is the route's, so `?survey=` is ignored. */
  ignoreSurveyParam?: boolean;
  load: (filters: RespondentFilters, page: number) => Promise<RespondentPage<R>>;
  /** Everyone matching (up to the server's limit), for "select all matching". */
  loadMatching: (filters: RespondentFilters) => Promise<MatchingRespondents>;
  announce: (message: string) => void;
}) {
  const location = useLocation();
  const navigate = useNavigate();

  const query = createMemo(() => readRespondentQuery(location.search));
  const filters = createMemo<RespondentFilters>(
    () => (o.ignoreSurveyParam ? { ...withoutPage(query()), survey: "" } : withoutPage(query())),
    NO_FILTERS,
    { equals: (a, b) => filtersKey(a) === filtersKey(b) },
  );
  const go = (next: RespondentQuery, replace = false) => navigate(`${location.pathname}${respondentQueryToSearch(next)}`, { replace, scroll: false });
  // Typing a search replaces the history entry; picking a filter or a page adds one.
  const setFilters = (next: RespondentFilters) => go({ ...next, page: 1 }, filtersKey({ ...next, q: "" }) === filtersKey({ ...filters(), q: "" }));

  const [respondents, { refetch }] = createResource(
    () => ({ scope: o.scope(), filters: filters(), page: query().page }),
    (k) => o.load(k.filters, k.page),
  );

  // A page past the end (the list shrank): go to the last one.
  createEffect(() => {
    const loaded = latestOf(respondents);
    if (!loaded || loaded.respondents.length > 0 || loaded.total === 0 || query().page === 1) return;
    go({ ...query(), page: Math.max(1, Math.ceil(loaded.total / loaded.pageSize)) }, true);
  });

  const selection = createSelection();
  const [truncated, setTruncated] = createSignal(false);
  createEffect(
    on(
      () => `${o.scope()}|${filtersKey(filters())}`,
      () => {
        if (selection.size() > 0) o.announce("Selection cleared: the filters changed.");
        selection.clear();
        setTruncated(false);
      },
      { defer: true },
    ),
  );
  const shown = () => latestOf(respondents)?.respondents ?? [];
  const selectingAll = createMutation(() => o.loadMatching(filters()));

  return {
    filters,
    setFilters,
    setPage: (page: number) => go({ ...query(), page }),
    respondents,
    refetch,
    selection,
    /** The server cut "select all matching" short. */
    truncated,
    /** Every row of the page shown is selected. */
    pageSelected: () => shown().length > 0 && shown().every((r) => selection.has(r.id)),
    selectingAll: { pending: selectingAll.pending, error: selectingAll.error },
    async selectAllMatching() {
      const outcome = await selectingAll.run();
      if (!outcome.ok) return;
      selection.replace(outcome.value.respondents);
      setTruncated(outcome.value.truncated);
      o.announce(`${outcome.value.respondents.length} respondents selected.`);
    },
    clearSelection() {
      selection.clear();
      setTruncated(false);
    },
  };
}

export type RespondentListState<R extends Pickable> = ReturnType<typeof createRespondentList<R>>;
