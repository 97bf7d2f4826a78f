// /app/surveys/:id/people — who answered this survey (searchable, filterable, paged, with the
// view in the URL), inviting some of them to an interview, offering booking on the end
// screen, and the interview pipeline. The route owns every request; components get props.
import { Show, createEffect, createMemo, createResource, createSignal, on } from "solid-js";
import { A, useLocation, useNavigate, useParams } from "@solidjs/router";
import { ApiError, api } from "../lib/api-client";
import { createMutation } from "../lib/mutation";
import { latestOf } from "../lib/resource";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/page-title";
import { createInviteFlow } from "../lib/invite-flow";
import { incentivesCsvHref, peopleApi, type InvitationPatch, type RespondentFilters } from "../lib/people-api";
import { AsyncView } from "../components/async-view";
import { EmptyState } from "../components/empty-state";
import { ErrorNotice, LiveStatus } from "../components/notice";
import { SurveyNotFound } from "../components/survey-not-found";
import { RespondentFilterForm } from "../components/people/respondent-filters";
import { RespondentTable } from "../components/people/respondent-table";
import { InviteDialog } from "../components/people/invite-dialog";
import { Pipeline } from "../components/people/pipeline";
import { Pager, pageRange } from "../components/people/pager";
import { SelectionBar } from "../components/people/selection-bar";
import { BookingOfferToggle } from "../components/people/booking-offer-toggle";
import { createSelection } from "../components/people/selection";
import { NO_FILTERS, filtersKey, readRespondentQuery, withoutPage, respondentQueryToSearch, type RespondentQuery } from "../components/people/respondent-query";
import "../components/people/people.css";

export default function SurveyPeoplePage() {
  const params = useParams<{ id: string }>();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const canEdit = () => session.role() !== "viewer";
  const key = () => ({ id: params.id, workspace: session.workspaceId() });

  const [survey] = createResource(key, async (k) => (await api.surveys.get(k.id)).survey);
  const [channels] = createResource(key, async (k) => (await api.channels.list(k.id)).channels);

  // ---- the list's view lives in the URL --------------------------------------------
  const query = createMemo(() => readRespondentQuery(location.search));
  const filters = createMemo<RespondentFilters>(() => ({ ...withoutPage(query()), survey: "" }), NO_FILTERS, { equals: (a, b) => filtersKey(a) === filtersKey(b) });
  const go = (next: RespondentQuery, replace = false) => navigate(`${location.pathname}${respondentQueryToSearch(next)}`, { replace, scroll: false });
  // Typing a search replaces the history entry; picking a filter or a page adds one.
  const setFilters = (next: RespondentFilters) => go({ ...next, page: 1 }, filtersKey({ ...next, q: "" }) === filtersKey({ ...filters(), q: "" }));

  const [respondents, { refetch: refetchRespondents }] = createResource(
    () => ({ ...key(), filters: filters(), page: query().page }),
    (k) => peopleApi.respondents(k.id, k.filters, k.page),
  );
  const [pipeline, { refetch: refetchPipeline, mutate: mutatePipeline }] = createResource(key, (k) => peopleApi.invitations(k.id));

  usePageTitle(() => `${latestOf(survey)?.title ?? "Survey"} · People`);
  const notFound = () => survey.error instanceof ApiError && survey.error.status === 404;
  const surveyHref = () => `/app/surveys/${encodeURIComponent(params.id)}`;
  const slotsHref = () => `/app/slots?survey=${encodeURIComponent(params.id)}`;
  const [announcement, setAnnouncement] = createSignal("");

  // A page past the end (the list shrank): go to the last one.
  createEffect(() => {
    const loaded = latestOf(respondents);
    if (!loaded || loaded.respondents.length > 0 || loaded.total === 0 || query().page === 1) return;
    go({ ...query(), page: Math.max(1, Math.ceil(loaded.total / loaded.pageSize)) }, true);
  });

  // ---- selection: kept across pages, cleared when the filters change -------------------
  const selection = createSelection();
  const [truncated, setTruncated] = createSignal(false);
  createEffect(
    on(
      () => `${session.workspaceId()}|${params.id}|${filtersKey(filters())}`,
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
  const selectingAll = createMutation(() => peopleApi.respondentIds(params.id, filters()));
  async function selectAllMatching() {
    const outcome = await selectingAll.run();
    if (!outcome.ok) return;
    selection.replace(outcome.value.respondents);
    setTruncated(outcome.value.truncated);
    setAnnouncement(`${outcome.value.respondents.length} respondents selected.`);
  }

  // ---- booking on the end screen ---------------------------------------------------
  const [offer, { mutate: mutateOffer }] = createResource(key, async (k) => (await peopleApi.bookingOffer(k.id)).bookingOffer);
  const savingOffer = createMutation((enabled: boolean) => peopleApi.setBookingOffer(params.id, enabled));
  async function setOffer(enabled: boolean) {
    const outcome = await savingOffer.run(enabled);
    if (!outcome.ok) return;
    mutateOffer(outcome.value.bookingOffer);
    setAnnouncement(enabled ? "Qualified respondents are now offered interview times on the end screen." : "Interview times are no longer offered on the end screen.");
  }

  // ---- invite dialog -------------------------------------------------------------
  const invite = createInviteFlow({
    surveyId: () => params.id,
    selection,
    onSent(result) {
      setAnnouncement(`${result.invitations.length} invited, ${result.skipped.length} skipped.`);
      void refetchPipeline();
      void refetchRespondents();
    },
  });

  // ---- pipeline actions --------------------------------------------------------
  const [busyId, setBusyId] = createSignal<string>();
  const patching = createMutation(peopleApi.updateInvitation);
  async function patch(id: string, change: InvitationPatch) {
    setBusyId(id);
    const outcome = await patching.run(id, change);
    setBusyId(undefined);
    if (!outcome.ok) return;
    const updated = outcome.value.invitation;
    const current = latestOf(pipeline);
    if (current) mutatePipeline({ ...current, invitations: current.invitations.map((i) => (i.id === id ? updated : i)) });
    setAnnouncement(`Saved for ${updated.respondent.email ?? "respondent"}.`);
    if (change.status) void refetchRespondents();
  }

  return (
    <Show when={!notFound()} fallback={<SurveyNotFound />}>
      <p class="breadcrumb">
        <a href="/app">Surveys</a> / <A href={surveyHref()}>{latestOf(survey)?.title ?? "Survey"}</A>
      </p>
      <header class="page-header">
        <h1>People</h1>
        <div class="actions">
          <A class="button" href={`${surveyHref()}/results`}>
            Results
          </A>
          <A class="button" href={slotsHref()}>
            Interview slots
          </A>
        </div>
      </header>
      <LiveStatus class="visually-hidden">{announcement()}</LiveStatus>

      <section class="section stack" aria-labelledby="respondents-title">
        <h2 id="respondents-title">Respondents</h2>
        <RespondentFilterForm
          filters={filters()}
          segments={latestOf(survey)?.definition.segments ?? []}
          channels={latestOf(channels) ?? []}
          onChange={setFilters}
        />
        <div class="actions">
          <Show when={canEdit()}>
            <button type="button" class="button button-primary" disabled={selection.size() === 0} onClick={() => invite.start()}>
              Invite{selection.size() > 0 ? ` ${selection.size()}` : ""}…
            </button>
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
        <AsyncView resource={respondents} loadingLabel="Loading respondents…" onRetry={refetchRespondents}>
          {(loaded) => (
            <Show
              when={loaded().respondents.length > 0}
              fallback={<EmptyState title="No respondents match">People who complete the survey and leave an email appear here.</EmptyState>}
            >
              <RespondentTable
                respondents={loaded().respondents}
                isSelected={selection.has}
                onToggle={selection.toggle}
                onToggleAll={(on) => selection.setMany(loaded().respondents, on)}
              />
              <Pager label="Respondent pages" page={loaded().page} pageSize={loaded().pageSize} total={loaded().total} onPage={(page) => go({ ...query(), page })} />
            </Show>
          )}
        </AsyncView>
      </section>

      <section class="section stack" aria-labelledby="booking-offer-title">
        <h2 id="booking-offer-title">Booking on the end screen</h2>
        <BookingOfferToggle
          offer={latestOf(offer)}
          canEdit={canEdit()}
          pending={savingOffer.pending()}
          error={savingOffer.error() ?? offer.error}
          slotsHref={slotsHref()}
          onChange={(enabled) => void setOffer(enabled)}
        />
      </section>

      <section class="section stack" aria-labelledby="pipeline-title">
        <div class="page-header">
          <h2 id="pipeline-title">Interview pipeline</h2>
          <a class="button" href={incentivesCsvHref(params.id)} download="">
            Download incentives.csv
          </a>
        </div>
        <Show when={patching.error()}>
          <ErrorNotice title="Could not save" error={patching.error()} />
        </Show>
        <AsyncView resource={pipeline} loadingLabel="Loading pipeline…" onRetry={refetchPipeline}>
          {(loaded) => (
            <Show
              when={loaded().invitations.length > 0}
              fallback={<EmptyState title="Nobody invited yet">Select respondents above and invite them to an interview.</EmptyState>}
            >
              <Pipeline invitations={loaded().invitations} canEdit={canEdit()} busyId={busyId()} onPatch={(id, p) => void patch(id, p)} />
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
    </Show>
  );
}
