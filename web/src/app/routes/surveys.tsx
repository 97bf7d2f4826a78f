import { Show, createResource, createSignal } from "solid-js";
import { useNavigate } from "@solidjs/router";
import type { Issue } from "@sieve/core";
import { api, errorMessage, issuesOf } from "../lib/api-client";
import { parseDefinitionFile } from "../editor/definition-file";
import { createMutation } from "../lib/mutation";
import { latestOf } from "../lib/resource";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/page-title";
import { AsyncView } from "../components/async-view";
import { EmptyState } from "../components/empty-state";
import { ImportButton } from "../components/import-button";
import { IssueList } from "../components/issue-list";
import { LiveStatus } from "../components/notice";
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
  const [importing, setImporting] = createSignal(false);
  const [importProblem, setImportProblem] = createSignal<{ file: string; issues: Issue[] } | null>(null);
  const [status, setStatus] = createSignal("");

  async function importFile(file: File) {
    setImportProblem(null);
    setStatus("");
    setImporting(true);
    try {
      const parsed = parseDefinitionFile(await file.text());
      if (!parsed.ok) {
        setImportProblem({ file: file.name, issues: parsed.issues });
        return;
      }
      const { survey } = await api.surveys.importDefinition(parsed.value);
      setStatus(`Imported “${survey.title}”.`);
      navigate(`/app/surveys/${encodeURIComponent(survey.id)}`);
    } catch (error) {
      const issues = issuesOf(error);
      setImportProblem({
        file: file.name,
        issues: issues.length > 0 ? issues : [{ path: [], code: "failed", message: errorMessage(error) }],
      });
    } finally {
      setImporting(false);
    }
  }

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
        <Show when={canEdit()}>
          <div class="actions">
            <ImportButton busy={importing()} onFile={(file) => void importFile(file)} />
            <Show when={(latestOf(surveys)?.length ?? 0) > 0}>{newButton("New survey")}</Show>
          </div>
        </Show>
      </div>
      <LiveStatus>{status()}</LiveStatus>
      <Show when={importProblem()}>
        {(problem) => (
          <IssueList
            alert
            title={`“${problem().file}” could not be imported`}
            issues={problem().issues}
          />
        )}
      </Show>
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
