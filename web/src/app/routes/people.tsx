// /app/people — every respondent in the workspace with the studies they took part in:
// searchable, filterable (by survey, and then its segments and channels), paged, with the
// view in the URL. Selected people can be invited to the chosen survey's interviews — say,
// past participants of one study to the next. The route owns every request.
import { Show, createEffect, createMemo, createResource, createSignal, on } from "solid-js";
import { useLocation, useNavigate } from "@solidjs/router";
import { api } from "../lib/api-client";
import { createMutation } from "../lib/mutation";
import { latestOf } from "../lib/resource";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/page-title";
import { createInviteFlow } from "../lib/invite-flow";
import { peopleApi, type RespondentFilters } from "../lib/people-api";
import { AsyncView } from "../components/async-view";
import { EmptyState } from "../components/empty-state";
import { ErrorNotice, LiveStatus } from "../components/notice";
import { RespondentFilterForm } from "../components/people/respondent-filters";
import { WorkspaceRespondentTable } from "../components/people/workspace-respondent-table";
import { InviteDialog } from "../components/people/invite-dialog";
import { Pager, pageRange } from "../components/people/pager";
import { SelectionBar } from "../components/people/selection-bar";
import { createSelection } from "../components/people/selection";
import { NO_FILTERS, filtersKey, readRespondentQuery, withoutPage, respondentQueryToSearch, type RespondentQuery } from "../components/people/respondent-query";
import "../components/people/people.css";

export default function PeoplePage() {
  usePageTitle(() => "People");
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const canEdit = () => session.role() !== "viewer";

  const query = createMemo(() => readRespondentQuery(location.search));
  const filters = createMemo<RespondentFilters>(() => withoutPage(query()), NO_FILTERS, { equals: (a, b) => filtersKey(a) === filtersKey(b) });
  const go = (next: RespondentQuery, replace = false) => navigate(`${location.pathname}${respondentQueryToSearch(next)}`, { replace, scroll: false });
  const setFilters = (next: RespondentFilters) => go({ ...next, page: 1 }, filtersKey({ ...next, q: "" }) === filtersKey({ ...filters(), q: "" }));

  const [surveys] = createResource(() => session.workspaceId(), async () => (await api.surveys.list()).surveys);
  const surveyId = () => filters().survey;
  // Segments and channels belong to one survey: offered once a survey is picked.
  const [survey] = createResource(
    () => (surveyId() ? { id: surveyId(), workspace: session.workspaceId() } : undefined),
    async (k) => (await api.surveys.get(k.id)).survey,
  );
  const [channels] = createResource(
    () => (surveyId() ? { id: surveyId(), workspace: session.workspaceId() } : undefined),
    async (k) => (await api.channels.list(k.id)).channels,
  );
  const [respondents, { refetch }] = createResource(
    () => ({ workspace: session.workspaceId(), filters: filters(), page: query().page }),
    (k) => peopleApi.workspaceRespondents(k.filters, k.page),
  );
  const [announcement, setAnnouncement] = createSignal("");

  createEffect(() => {
    const loaded = latestOf(respondents);
    if (!loaded || loaded.respondents.length > 0 || loaded.total === 0 || query().page === 1) return;
    go({ ...query(), page: Math.max(1, Math.ceil(loaded.total / loaded.pageSize)) }, true);
  });

  const selection = createSelection();
  const [truncated, setTruncated] = createSignal(false);
  createEffect(
    on(
      () => `${session.workspaceId()}|${filtersKey(filters())}`,
      () => {
        if (selection.size() > 0) setAnnouncement("Selection cleared: the filters changed.");
        selection.clear();
        setTruncated(false);
      },
      { defer: true },
    ),
  );
  const shown = () => latestOf(respondents)?.respondents ?? [];
  const pageSelected = () => shown().length > 0 && shown().every((r) => selection.has(r.id));
  const selectingAll = createMutation(() => peopleApi.workspaceRespondentIds(filters()));
  async function selectAllMatching() {
    const outcome = await selectingAll.run();
    if (!outcome.ok) return;
    selection.replace(outcome.value.respondents);
    setTruncated(outcome.value.truncated);
    setAnnouncement(`${outcome.value.respondents.length} respondents selected.`);
  }

  const surveyTitle = () => latestOf(surveys)?.find((s) => s.id === surveyId())?.title;
  const invite = createInviteFlow({
    surveyId,
    selection,
    onSent(result) {
      setAnnouncement(`${result.invitations.length} invited to ${surveyTitle() ?? "the survey"}, ${result.skipped.length} skipped.`);
      void refetch();
    },
  });

  return (
    <>
      <header class="page-header">
        <h1>People</h1>
      </header>
      <LiveStatus class="visually-hidden">{announcement()}</LiveStatus>
      <p class="muted">Everyone who left an email in any survey of this workspace, with the studies they took part in.</p>

      <section class="section stack" aria-labelledby="people-title">
        <h2 id="people-title" class="visually-hidden">
          Respondents
        </h2>
        <RespondentFilterForm
          filters={filters()}
          surveys={(latestOf(surveys) ?? []).map((s) => ({ id: s.id, name: s.title }))}
          segments={surveyId() ? (latestOf(survey)?.definition.segments ?? []) : []}
          channels={surveyId() ? (latestOf(channels) ?? []) : []}
          onChange={setFilters}
        />
        <div class="actions">
          <Show when={canEdit()}>
            <button
              type="button"
              class="button button-primary"
              disabled={selection.size() === 0 || !surveyId()}
              aria-describedby={surveyId() ? undefined : "people-invite-hint"}
              onClick={() => invite.start()}
            >
              Invite{selection.size() > 0 ? ` ${selection.size()}` : ""}
              {surveyTitle() ? ` to “${surveyTitle()}”` : ""}…
            </button>
            <Show when={!surveyId()}>
              <span id="people-invite-hint" class="hint">
                Pick a survey above to invite people to its interviews.
              </span>
            </Show>
          </Show>
          <p class="muted small" role="status" aria-live="polite">
            {(() => {
              const loaded = latestOf(respondents);
              if (!loaded) return "";
              if (loaded.total === 0) return "No respondents match.";
              return `Showing ${pageRange(loaded.page, loaded.pageSize, loaded.total)} ${loaded.total === 1 ? "respondent" : "respondents"}${filters().q ? ` matching “${filters().q}”` : ""}.`;
            })()}
          </p>
        </div>
        <SelectionBar
          selected={selection.size()}
          total={latestOf(respondents)?.total ?? 0}
          pageSelected={pageSelected()}
          selectingAll={selectingAll.pending()}
          truncated={truncated()}
          onSelectAll={() => void selectAllMatching()}
          onClear={() => {
            selection.clear();
            setTruncated(false);
          }}
        />
        <Show when={selectingAll.error()}>
          <ErrorNotice title="Could not select everyone matching" error={selectingAll.error()} />
        </Show>
        <AsyncView resource={respondents} loadingLabel="Loading people…" onRetry={refetch}>
          {(loaded) => (
            <Show
              when={loaded().respondents.length > 0}
              fallback={<EmptyState title="No respondents match">People who complete a survey and leave an email appear here.</EmptyState>}
            >
              <WorkspaceRespondentTable
                respondents={loaded().respondents}
                isSelected={selection.has}
                onToggle={selection.toggle}
                onToggleAll={(on) => selection.setMany(loaded().respondents, on)}
              />
              <Pager label="People pages" page={loaded().page} pageSize={loaded().pageSize} total={loaded().total} onPage={(page) => go({ ...query(), page })} />
            </Show>
          )}
        </AsyncView>
      </section>

      <InviteDialog
        open={invite.open()}
        recipients={selection.size()}
        subject={invite.subject()}
        body={invite.body()}
        sendEmail={invite.sendEmail()}
        overrideFlags={invite.overrideFlags()}
        preview={invite.preview.error ? undefined : invite.preview.latest}
        previewError={invite.preview.error}
        previewLoading={invite.preview.loading}
        pending={invite.pending()}
        error={invite.error()}
        result={invite.result()}
        emailOf={invite.emailOf}
        onSubject={invite.setSubject}
        onBody={invite.setBody}
        onSendEmail={invite.setSendEmail}
        onOverrideFlags={invite.setOverrideFlags}
        onSend={() => void invite.send()}
        onClose={invite.close}
      />
    </>
  );
}
