// /app/people — every respondent in the workspace with the studies they took part in:
// searchable, filterable (by survey, and then its segments and channels), paged, with the
// view in the URL. Selected people can be invited to the chosen survey's interviews — say,
// past participants of one study to the next. The route owns every request.
import { Show, createResource, createSignal } from "solid-js";
import { api } from "../lib/api-client";
import { latestOf } from "../lib/resource";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/page-title";
import { createInviteFlow } from "../lib/invite-flow";
import { createRespondentList } from "../lib/respondent-list";
import { peopleApi } from "../lib/people-api";
import { LiveStatus } from "../components/notice";
import { RespondentFilterForm } from "../components/people/respondent-filters";
import { RespondentList } from "../components/people/respondent-list";
import { WorkspaceRespondentTable } from "../components/people/workspace-respondent-table";
import { InviteFlowDialog } from "../components/people/invite-flow-dialog";
import "../components/people/people.css";

export default function PeoplePage() {
  usePageTitle(() => "People");
  const session = useSession();
  const canEdit = () => session.role() !== "viewer";
  const [announcement, setAnnouncement] = createSignal("");

  const [surveys] = createResource(() => session.workspaceId(), async () => (await api.surveys.list()).surveys);
  const list = createRespondentList({
    scope: () => session.workspaceId(),
    load: peopleApi.workspaceRespondents,
    loadMatching: peopleApi.workspaceRespondentIds,
    announce: setAnnouncement,
  });
  const surveyId = () => list.filters().survey;
  // Segments and channels belong to one survey: offered once a survey is picked.
  const [survey] = createResource(
    () => (surveyId() ? { id: surveyId(), workspace: session.workspaceId() } : undefined),
    async (k) => (await api.surveys.get(k.id)).survey,
  );
  const [channels] = createResource(
    () => (surveyId() ? { id: surveyId(), workspace: session.workspaceId() } : undefined),
    async (k) => (await api.channels.list(k.id)).channels,
  );

  const surveyTitle = () => latestOf(surveys)?.find((s) => s.id === surveyId())?.title;
  const invite = createInviteFlow({
    surveyId,
    selection: list.selection,
    onSent(result) {
      setAnnouncement(`${result.invitations.length} invited to ${surveyTitle() ?? "the survey"}, ${result.skipped.length} skipped.`);
      void list.refetch();
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
          filters={list.filters()}
          surveys={(latestOf(surveys) ?? []).map((s) => ({ id: s.id, name: s.title }))}
          segments={surveyId() ? (latestOf(survey)?.definition.segments ?? []) : []}
          channels={surveyId() ? (latestOf(channels) ?? []) : []}
          onChange={list.setFilters}
        />
        <RespondentList
          list={list}
          table={WorkspaceRespondentTable}
          loadingLabel="Loading people…"
          emptyHint="People who complete a survey and leave an email appear here."
          pagerLabel="People pages"
        >
          <Show when={canEdit()}>
            <button
              type="button"
              class="button button-primary"
              disabled={list.selection.size() === 0 || !surveyId()}
              aria-describedby={surveyId() ? undefined : "people-invite-hint"}
              onClick={() => invite.start()}
            >
              Invite{list.selection.size() > 0 ? ` ${list.selection.size()}` : ""}
              {surveyTitle() ? ` to “${surveyTitle()}”` : ""}…
            </button>
            <Show when={!surveyId()}>
              <span id="people-invite-hint" class="hint">
                Pick a survey above to invite people to its interviews.
              </span>
            </Show>
          </Show>
        </RespondentList>
      </section>

      <InviteFlowDialog flow={invite} recipients={list.selection.size()} />
    </>
  );
}
