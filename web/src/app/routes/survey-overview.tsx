import { Show, createResource, createSignal } from "solid-js";
import { useNavigate, useParams } from "@solidjs/router";
import type { Issue } from "@sieve/core";
import { ApiError, api, errorMessage, hasCode } from "../lib/api-client";
import type { SurveyDetail } from "../lib/api-types";
import { formatDateTime, formatNumber } from "../lib/format";
import { describeIssuePath } from "../lib/issue-location";
import { latestOf } from "../lib/resource";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/page-title";
import { AsyncView } from "../components/async-view";
import { ConfirmDialog } from "../components/confirm-dialog";
import { CopyField } from "../components/copy-field";
import { IssueList } from "../components/issue-list";
import { ErrorNotice, LiveStatus } from "../components/notice";
import { QuestionOutline } from "../components/question-outline";
import { StatusBadge } from "../components/status-badge";
import { SurveyActions, type SurveyAction } from "../components/survey-actions";
import { TimeAgo } from "../components/time-ago";

export function SurveyOverviewPage() {
  const params = useParams<{ id: string }>();
  const session = useSession();
  const navigate = useNavigate();
  const [survey, { mutate, refetch }] = createResource(
    () => ({ id: params.id, workspace: session.workspaceId() }),
    async (key) => (await api.surveys.get(key.id)).survey,
  );
  usePageTitle(() => latestOf(survey)?.title ?? "Survey");
  const [pending, setPending] = createSignal<SurveyAction | null>(null);
  const [actionError, setActionError] = createSignal<unknown>();
  const [publishIssues, setPublishIssues] = createSignal<Issue[]>([]);
  const [status, setStatus] = createSignal("");
  const [confirmDelete, setConfirmDelete] = createSignal(false);
  const canEdit = () => session.role() !== "viewer";

  async function perform(action: SurveyAction, current: SurveyDetail) {
    if (action === "delete") {
      setActionError(undefined);
      setConfirmDelete(true);
      return;
    }
    setPending(action);
    setActionError(undefined);
    setPublishIssues([]);
    setStatus("");
    try {
      if (action === "duplicate") {
        const { survey: copy } = await api.surveys.duplicate(current.id);
        navigate(`/app/surveys/${encodeURIComponent(copy.id)}`);
        setStatus(`Created “${copy.title}”.`);
        return;
      }
      if (action === "publish") {
        const result = await api.surveys.publish(current.id);
        mutate(result.survey);
        setStatus(`Published version ${result.version.number}.`);
      } else if (action === "close") {
        mutate((await api.surveys.close(current.id)).survey);
        setStatus("Survey closed. New visitors see the closed screen.");
      } else {
        mutate((await api.surveys.reopen(current.id)).survey);
        setStatus("Survey reopened.");
      }
    } catch (error) {
      const issues = hasCode(error, "invalid_definition") ? issuesFrom(error) : [];
      if (issues.length > 0) setPublishIssues(issues);
      else setActionError(() => error);
    } finally {
      setPending(null);
    }
  }

  async function deleteSurvey(current: SurveyDetail) {
    setPending("delete");
    setActionError(undefined);
    try {
      await api.surveys.remove(current.id);
      navigate("/app", { replace: true });
    } catch (error) {
      setActionError(() => error);
    } finally {
      setPending(null);
    }
  }

  const notFound = () => survey.error instanceof ApiError && survey.error.status === 404;

  return (
    <Show
      when={!notFound()}
      fallback={
        <section class="empty-state">
          <h1>Survey not found</h1>
          <p>It may have been deleted, or it belongs to another workspace.</p>
          <a class="button" href="/app">
            Back to surveys
          </a>
        </section>
      }
    >
      <p class="breadcrumb">
        <a href="/app">Surveys</a>
      </p>
      <AsyncView resource={survey} loadingLabel="Loading survey…" onRetry={refetch}>
        {(current) => {
          const publicPath = () => `/s/${encodeURIComponent(current().slug)}`;
          return (
            <>
              <div class="page-header">
                <div>
                  <h1>{current().title}</h1>
                  <p class="meta-line">
                    <StatusBadge status={current().status} />
                    <Show when={current().hasUnpublishedChanges && current().status !== "draft"}>
                      <span class="chip">Unpublished changes</span>
                    </Show>
                  </p>
                </div>
                <Show when={canEdit()}>
                  <SurveyActions
                    survey={current()}
                    pending={pending()}
                    onAction={(action) => void perform(action, current())}
                  />
                </Show>
              </div>

              <LiveStatus>{status()}</LiveStatus>
              <Show when={actionError() && !confirmDelete()}>
                <ErrorNotice error={actionError()} />
              </Show>
              <Show when={publishIssues().length > 0}>
                <IssueList
                  alert
                  title="Fix these before publishing"
                  issues={publishIssues()}
                  describePath={(path) => describeIssuePath(current().definition, path)}
                />
              </Show>
              <Show when={publishIssues().length === 0 && current().issues.length > 0 && canEdit()}>
                <IssueList
                  tone="warning"
                  title="The draft has problems that will block publishing"
                  issues={current().issues}
                  describePath={(path) => describeIssuePath(current().definition, path)}
                />
              </Show>

              <div class="grid-2">
                <section class="card" aria-labelledby="share-heading">
                  <h2 id="share-heading">Share</h2>
                  <CopyField
                    label="Public link"
                    value={new URL(publicPath(), location.origin).href}
                    hint={
                      current().status === "open"
                        ? "Anyone with this link can respond."
                        : current().status === "draft"
                          ? "The link starts working once you publish."
                          : "The link shows the closed screen until you reopen."
                    }
                  />
                  <Show when={current().status === "open"}>
                    <a href={publicPath()} target="_blank" rel="noopener">
                      Open the survey in a new tab
                    </a>
                  </Show>
                </section>
                <section class="card" aria-labelledby="facts-heading">
                  <h2 id="facts-heading">Details</h2>
                  <dl class="facts">
                    <dt>Slug</dt>
                    <dd class="mono">{current().slug}</dd>
                    <dt>Responses</dt>
                    <dd>{formatNumber(current().responseCount)}</dd>
                    <dt>Draft revision</dt>
                    <dd>{current().revision}</dd>
                    <dt>Published version</dt>
                    <dd>
                      <Show when={current().publishedVersion} fallback="Not published">
                        {(version) => (
                          <>
                            v{version()}
                            <Show when={current().publishedAt}>
                              {(at) => <span class="muted"> · {formatDateTime(at())}</span>}
                            </Show>
                          </>
                        )}
                      </Show>
                    </dd>
                    <dt>Last activity</dt>
                    <dd>
                      <Show when={current().lastActivityAt} fallback="None yet">
                        {(at) => <TimeAgo iso={at()} />}
                      </Show>
                    </dd>
                    <dt>Last edited</dt>
                    <dd>
                      <TimeAgo iso={current().updatedAt} />
                    </dd>
                  </dl>
                </section>
              </div>

              <section class="section" aria-labelledby="questions-heading">
                <h2 id="questions-heading">Questions in the draft</h2>
                <QuestionOutline definition={current().definition} />
              </section>

              <ConfirmDialog
                open={confirmDelete()}
                title="Delete this survey?"
                confirmLabel="Delete survey"
                danger
                pending={pending() === "delete"}
                error={confirmDelete() ? actionError() : undefined}
                onConfirm={() => void deleteSurvey(current())}
                onCancel={() => setConfirmDelete(false)}
              >
                <p>
                  “{current().title}” and its {formatNumber(current().responseCount)}{" "}
                  {current().responseCount === 1 ? "response" : "responses"} will be deleted. This can’t be undone.
                </p>
              </ConfirmDialog>
            </>
          );
        }}
      </AsyncView>
    </Show>
  );
}

/** `details.issues` of a 400 invalid_definition, kept only where each entry has the Issue shape. */
function issuesFrom(error: ApiError): Issue[] {
  const details = error.details;
  if (typeof details !== "object" || details === null || !("issues" in details)) return [];
  const issues = details.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((item: unknown): Issue[] => {
    if (typeof item !== "object" || item === null) return [];
    const { path, code, message } = item as Record<string, unknown>;
    return Array.isArray(path) && typeof code === "string" && typeof message === "string"
      ? [{ path: path.filter((p): p is string | number => typeof p === "string" || typeof p === "number"), code, message }]
      : [{ path: [], code: "invalid", message: errorMessage(error) }];
  });
}
