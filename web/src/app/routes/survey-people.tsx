// /app/surveys/:id/people — who answered this survey, inviting some of them to an
// interview, and the interview pipeline. The route owns every request; components get props.
import { Show, createEffect, createMemo, createResource, createSignal, on, onCleanup } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { DEFAULT_INVITATION_TEMPLATE } from "@sieve/core";
import { ApiError, api } from "../lib/api-client";
import { createMutation } from "../lib/mutation";
import { latestOf } from "../lib/resource";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/page-title";
import { incentivesCsvHref, peopleApi, type InvitationPatch, type InviteResult, type RespondentFilters } from "../lib/people-api";
import { AsyncView } from "../components/async-view";
import { EmptyState } from "../components/empty-state";
import { ErrorNotice, LiveStatus } from "../components/notice";
import { SurveyNotFound } from "../components/survey-not-found";
import { RespondentFilterForm } from "../components/people/respondent-filters";
import { RespondentTable } from "../components/people/respondent-table";
import { InviteDialog } from "../components/people/invite-dialog";
import { Pipeline } from "../components/people/pipeline";
import "../components/people/people.css";

export default function SurveyPeoplePage() {
  const params = useParams<{ id: string }>();
  const session = useSession();
  const canEdit = () => session.role() !== "viewer";
  const key = () => ({ id: params.id, workspace: session.workspaceId() });

  const [survey] = createResource(key, async (k) => (await api.surveys.get(k.id)).survey);
  const [channels] = createResource(key, async (k) => (await api.channels.list(k.id)).channels);
  const [filters, setFilters] = createSignal<RespondentFilters>({ segment: "", channel: "", outcome: "", includeFlagged: false });
  const [respondents, { refetch: refetchRespondents }] = createResource(
    () => ({ ...key(), filters: filters() }),
    (k) => peopleApi.respondents(k.id, k.filters),
  );
  const [pipeline, { refetch: refetchPipeline, mutate: mutatePipeline }] = createResource(key, (k) => peopleApi.invitations(k.id));

  usePageTitle(() => `${latestOf(survey)?.title ?? "Survey"} · People`);
  const notFound = () => survey.error instanceof ApiError && survey.error.status === 404;
  const surveyHref = () => `/app/surveys/${encodeURIComponent(params.id)}`;

  // ---- selection ---------------------------------------------------------------
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const shown = () => latestOf(respondents)?.respondents ?? [];
  const emailById = createMemo(() => new Map(shown().map((r) => [r.id, r.email ?? "(no email)"])));
  // Keep only what is still listed, so the count next to "Invite" is what gets sent.
  createEffect(on(shown, (list) => setSelected((prev) => new Set(list.filter((r) => prev.has(r.id)).map((r) => r.id)))));
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  // ---- invite dialog -------------------------------------------------------------
  const [inviteOpen, setInviteOpen] = createSignal(false);
  const [subject, setSubject] = createSignal(DEFAULT_INVITATION_TEMPLATE.subject);
  const [body, setBody] = createSignal(DEFAULT_INVITATION_TEMPLATE.body);
  const [sendEmail, setSendEmail] = createSignal(true);
  const [overrideFlags, setOverrideFlags] = createSignal(false);
  const [result, setResult] = createSignal<InviteResult>();
  const [announcement, setAnnouncement] = createSignal("");

  // Preview: debounced, for the first selected respondent.
  const [previewInput, setPreviewInput] = createSignal<{ subject: string; body: string; respondentId?: string }>();
  createEffect(() => {
    if (!inviteOpen() || result()) return;
    const input = { subject: subject(), body: body(), respondentId: [...selected()][0] };
    const timer = setTimeout(() => setPreviewInput(input), 300);
    onCleanup(() => clearTimeout(timer));
  });
  const [preview] = createResource(previewInput, (input) => peopleApi.preview(params.id, input));

  const inviting = createMutation((ids: string[]) =>
    peopleApi.invite(params.id, { respondentIds: ids, subject: subject(), body: body(), overrideFlags: overrideFlags(), send: sendEmail() }),
  );
  async function sendInvitations() {
    const outcome = await inviting.run([...selected()]);
    if (!outcome.ok) return;
    setResult(outcome.value);
    setSelected(new Set<string>());
    setAnnouncement(`${outcome.value.invitations.length} invited, ${outcome.value.skipped.length} skipped.`);
    void refetchPipeline();
    void refetchRespondents();
  }
  function openInvite() {
    inviting.clearError();
    setResult(undefined);
    setInviteOpen(true);
  }

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
          <A class="button" href="/app/slots">
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
            <button type="button" class="button button-primary" disabled={selected().size === 0} onClick={openInvite}>
              Invite{selected().size > 0 ? ` ${selected().size}` : ""}…
            </button>
          </Show>
          <p class="muted small" aria-live="polite">
            {latestOf(respondents) ? `${latestOf(respondents)?.total ?? 0} respondents match.` : ""}
          </p>
        </div>
        <AsyncView resource={respondents} loadingLabel="Loading respondents…" onRetry={refetchRespondents}>
          {(loaded) => (
            <Show
              when={loaded().respondents.length > 0}
              fallback={<EmptyState title="No respondents match">People who complete the survey and leave an email appear here.</EmptyState>}
            >
              <RespondentTable
                respondents={loaded().respondents}
                selected={selected()}
                onToggle={toggle}
                onToggleAll={(on) => setSelected(on ? new Set(loaded().respondents.map((r) => r.id)) : new Set<string>())}
              />
            </Show>
          )}
        </AsyncView>
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
        open={inviteOpen()}
        recipients={selected().size}
        subject={subject()}
        body={body()}
        sendEmail={sendEmail()}
        overrideFlags={overrideFlags()}
        preview={preview.error ? undefined : preview.latest}
        previewError={preview.error}
        previewLoading={preview.loading}
        pending={inviting.pending()}
        error={inviting.error()}
        result={result()}
        emailOf={(id) => emailById().get(id) ?? id}
        onSubject={setSubject}
        onBody={setBody}
        onSendEmail={setSendEmail}
        onOverrideFlags={setOverrideFlags}
        onSend={() => void sendInvitations()}
        onClose={() => setInviteOpen(false)}
      />
    </Show>
  );
}
