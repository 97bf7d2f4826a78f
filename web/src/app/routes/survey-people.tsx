// /app/surveys/:id/people — who answered this survey (searchable, filterable, paged, with the
// view in the URL), inviting some of them to an interview, offering booking on the end
// screen, and the interview pipeline. The route owns every request; components get props.
import { Show, createResource, createSignal } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { ApiError, api } from "../lib/api-client";
import { createMutation } from "../lib/mutation";
import { latestOf } from "../lib/resource";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/page-title";
import { createInviteFlow } from "../lib/invite-flow";
import { createRespondentList } from "../lib/respondent-list";
import { incentivesCsvHref, peopleApi, type InvitationPatch } from "../lib/people-api";
import { AsyncView } from "../components/async-view";
import { EmptyState } from "../components/empty-state";
import { ErrorNotice, LiveStatus } from "../components/notice";
import { SurveyNotFound } from "../components/survey-not-found";
import { RespondentFilterForm } from "../components/people/respondent-filters";
import { RespondentList } from "../components/people/respondent-list";
import { RespondentTable } from "../components/people/respondent-table";
import { InviteFlowDialog } from "../components/people/invite-flow-dialog";
import { Pipeline } from "../components/people/pipeline";
import { BookingOfferToggle } from "../components/people/booking-offer-toggle";
import "../components/people/people.css";

export default function SurveyPeoplePage() {
  const params = useParams<{ id: string }>();
  const session = useSession();
  const canEdit = () => session.role() !== "viewer";
  const key = () => ({ id: params.id, workspace: session.workspaceId() });

  const [survey] = createResource(key, async (k) => (await api.surveys.get(k.id)).survey);
  const [channels] = createResource(key, async (k) => (await api.channels.list(k.id)).channels);

  const [announcement, setAnnouncement] = createSignal("");

  // ---- respondents: the view in the URL, the selection kept across pages -------------
  const list = createRespondentList({
    scope: () => `${session.workspaceId()}|${params.id}`,
    ignoreSurveyParam: true,
    load: (filters, page) => peopleApi.respondents(params.id, filters, page),
    loadMatching: (filters) => peopleApi.respondentIds(params.id, filters),
    announce: setAnnouncement,
  });
  const [pipeline, { refetch: refetchPipeline, mutate: mutatePipeline }] = createResource(key, (k) => peopleApi.invitations(k.id));

  usePageTitle(() => `${latestOf(survey)?.title ?? "Survey"} · People`);
  const notFound = () => survey.error instanceof ApiError && survey.error.status === 404;
  const surveyHref = () => `/app/surveys/${encodeURIComponent(params.id)}`;
  const slotsHref = () => `/app/slots?survey=${encodeURIComponent(params.id)}`;

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
    selection: list.selection,
    onSent(result) {
      setAnnouncement(`${result.invitations.length} invited, ${result.skipped.length} skipped.`);
      void refetchPipeline();
      void list.refetch();
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
    if (change.status) void list.refetch();
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
          filters={list.filters()}
          segments={latestOf(survey)?.definition.segments ?? []}
          channels={latestOf(channels) ?? []}
          onChange={list.setFilters}
        />
        <RespondentList
          list={list}
          table={RespondentTable}
          loadingLabel="Loading respondents…"
          emptyHint="People who complete the survey and leave an email appear here."
          pagerLabel="Respondent pages"
        >
          <Show when={canEdit()}>
            <button type="button" class="button button-primary" disabled={list.selection.size() === 0} onClick={() => invite.start()}>
              Invite{list.selection.size() > 0 ? ` ${list.selection.size()}` : ""}…
            </button>
          </Show>
        </RespondentList>
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

      <InviteFlowDialog flow={invite} recipients={list.selection.size()} />
    </Show>
  );
}
