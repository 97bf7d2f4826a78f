import { Show, createResource, createSignal } from "solid-js";
import { useNavigate } from "@solidjs/router";
import { api } from "../lib/api-client";
import { createMutation } from "../lib/mutation";
import { latestOf } from "../lib/resource";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/page-title";
import { AsyncView } from "../components/async-view";
import { EmptyState } from "../components/empty-state";
import { NewSurveyDialog } from "../components/new-survey-dialog";
import { SurveyTable } from "../components/survey-table";

export function SurveysPage() {
  usePageTitle(() => "Surveys");
  const session = useSession();
  const navigate = useNavigate();
  const canEdit = () => session.role() !== "viewer";
  const [surveys, { refetch }] = createResource(session.workspaceId, async () => (await api.surveys.list()).surveys);
  const [dialogOpen, setDialogOpen] = createSignal(false);
  const [templates, templatesControl] = createResource(
    () => dialogOpen() || undefined,
    async () => (await api.templates.list()).templates,
  );
  const create = createMutation(api.surveys.create);

  function openDialog() {
    create.clearError();
    setDialogOpen(true);
  }

  async function createSurvey(input: { title?: string; templateId?: string }) {
    const result = await create.run(input);
    if (!result.ok) return;
    setDialogOpen(false);
    navigate(`/app/surveys/${encodeURIComponent(result.value.survey.id)}`);
  }

  const newButton = (label: string) => (
    <button type="button" class="button button-primary" onClick={openDialog}>
      {label}
    </button>
  );

  return (
    <>
      <div class="page-header">
        <div>
          <h1>Surveys</h1>
          <p class="muted">{session.me().workspace.name}</p>
        </div>
        <Show when={canEdit() && (latestOf(surveys)?.length ?? 0) > 0}>{newButton("New survey")}</Show>
      </div>
      <AsyncView resource={surveys} loadingLabel="Loading surveys…" onRetry={refetch}>
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={
              <EmptyState title="No surveys yet" action={canEdit() ? newButton("Create your first survey") : undefined}>
                <p>
                  A survey is a screener or questionnaire you share by link. Start blank or from a template, publish it,
                  and watch responses arrive.
                </p>
                <Show when={!canEdit()}>
                  <p class="muted">You’re a viewer here; an editor or owner can create surveys.</p>
                </Show>
              </EmptyState>
            }
          >
            <SurveyTable surveys={list()} />
          </Show>
        )}
      </AsyncView>
      <NewSurveyDialog
        open={dialogOpen()}
        templates={latestOf(templates)}
        templatesError={templates.error}
        onRetryTemplates={() => void templatesControl.refetch()}
        pending={create.pending()}
        error={create.error()}
        onCreate={(input) => void createSurvey(input)}
        onClose={() => setDialogOpen(false)}
      />
    </>
  );
}
