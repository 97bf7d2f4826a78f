// /app/surveys/:id/:tab? — the screener builder. The route owns the data: it loads the
// survey and its channels, keeps the one draft (see editor/draft-store.ts), autosaves
// it against the server's revision check, and runs the lifecycle actions. Tabs are
// links, so each section has a URL; the components below only get props.
import { SurveyNotFound } from "../components/survey-not-found";
import { For, Match, Show, Switch, createEffect, createMemo, createResource, createSignal, on, onCleanup, onMount } from "solid-js";
import { A, useNavigate, useParams } from "@solidjs/router";
import { allQuestions, type ChannelKind, type Issue } from "@sieve/core";
import { ApiError, api, errorMessage, hasCode, issuesOf } from "../lib/api-client";
import type { Channel, SurveyDetail } from "../lib/api-types";
import { formatDateTime, formatNumber } from "../lib/format";
import { describeIssuePath } from "../lib/issue-location";
import { createMutation } from "../lib/mutation";
import { latestOf } from "../lib/resource";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/page-title";
import { createAutosave, type SaveOutcome } from "../editor/autosave";
import { definitionJson, exportFileName } from "../editor/definition-file";
import { createDraft } from "../editor/draft-store";
import { createNewId, idsIn } from "../editor/ids";
import { draftIssues, fieldId, issueTarget, shapeIssues, type EditorTab } from "../editor/issues";
import { AsyncView } from "../components/async-view";
import { ConfirmDialog } from "../components/confirm-dialog";
import { CopyField } from "../components/copy-field";
import { ErrorNotice, LiveStatus } from "../components/notice";
import { StatusBadge } from "../components/status-badge";
import { SurveyActions, type SurveyAction } from "../components/survey-actions";
import { TimeAgo } from "../components/time-ago";
import { EndScreenEditor } from "../components/builder/end-screen-editor";
import { IssueSummary } from "../components/builder/issue-summary";
import { LogicEditor } from "../components/builder/logic-editor";
import { PhonePreview } from "../components/builder/phone-preview";
import { QuestionsEditor } from "../components/builder/questions-editor";
import { ConflictBanner, SaveStatus } from "../components/builder/save-status";
import { SettingsForm, SurveyBasics } from "../components/builder/settings-form";
import { ChannelCard, type ShareCopy } from "../components/share/channel-card";
import { ChannelCreateForm } from "../components/share/channel-create-form";

const tabs: readonly { id: EditorTab; label: string }[] = [
  { id: "questions", label: "Questions" },
  { id: "logic", label: "Logic & quotas" },
  { id: "end-screens", label: "End screens" },
  { id: "settings", label: "Settings" },
  { id: "share", label: "Share" },
];

export function SurveyEditorPage() {
  const params = useParams<{ id: string; tab?: string }>();
  const session = useSession();
  const [survey, { refetch }] = createResource(
    () => ({ id: params.id, workspace: session.workspaceId() }),
    async (key) => (await api.surveys.get(key.id)).survey,
  );
  usePageTitle(() => latestOf(survey)?.title ?? "Survey");
  const notFound = () => survey.error instanceof ApiError && survey.error.status === 404;

  return (
    <Show
      when={!notFound()}
      fallback={<SurveyNotFound />}
    >
      <p class="breadcrumb">
        <a href="/app">Surveys</a>
      </p>
      <AsyncView resource={survey} loadingLabel="Loading survey…" onRetry={refetch}>
        {(loaded) => (
          // One editor per survey: refetches after saves must not rebuild it.
          <Show when={loaded().id} keyed>
            {(_id) => <SurveyEditor initial={loaded()} />}
          </Show>
        )}
      </AsyncView>
    </Show>
  );
}

function SurveyEditor(props: { initial: SurveyDetail }) {
  const params = useParams<{ id: string; tab?: string }>();
  const navigate = useNavigate();
  const session = useSession();
  const surveyId = props.initial.id;
  const canEdit = () => session.role() !== "viewer";
  const tab = (): EditorTab => tabs.find((t) => t.id === params.tab)?.id ?? "questions";
  const tabHref = (id: EditorTab) => `/app/surveys/${encodeURIComponent(surveyId)}${id === "questions" ? "" : `/${id}`}`;

  const draft = createDraft(props.initial.definition);
  const [meta, setMeta] = createSignal<SurveyDetail>(props.initial);
  const newId = createNewId(() => idsIn(draft.def()));
  const issues = createMemo(() => draftIssues(draft.def()));
  const [expanded, setExpanded] = createSignal<ReadonlySet<string>>(new Set());
  const [status, setStatus] = createSignal("");
  const [pending, setPending] = createSignal<SurveyAction | null>(null);
  const [actionError, setActionError] = createSignal<unknown>();
  const [publishIssues, setPublishIssues] = createSignal<Issue[]>([]);
  const [confirmDelete, setConfirmDelete] = createSignal(false);
  const [resolving, setResolving] = createSignal(false);

  usePageTitle(() => `${draft.view.title || "Untitled survey"} · ${tabs.find((t) => t.id === tab())?.label ?? ""}`);

  // ---- autosave ---------------------------------------------------------------
  async function save(revision: number, definition: SurveyDetail["definition"]): Promise<SaveOutcome> {
    try {
      const { survey } = await api.surveys.saveDefinition(surveyId, { revision, definition });
      setMeta(survey);
      return { kind: "saved", revision: survey.revision };
    } catch (error) {
      if (hasCode(error, "revision_conflict")) {
        const details = error.details;
        const theirs =
          typeof details === "object" && details !== null && "currentRevision" in details && typeof details.currentRevision === "number"
            ? details.currentRevision
            : revision + 1;
        return { kind: "conflict", theirRevision: theirs };
      }
      return { kind: "failed", message: errorMessage(error) };
    }
  }
  const autosave = createAutosave({
    revision: props.initial.revision,
    save,
    canSave: (definition) => shapeIssues(definition).length === 0,
  });
  createEffect(
    on(
      draft.def,
      (definition) => {
        autosave.changed(definition);
        // A failed publish's list goes stale with the first edit; the live list takes over.
        setPublishIssues([]);
      },
      { defer: true },
    ),
  );
  const unsaved = () => autosave.state().kind !== "saved";
  onMount(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (unsaved()) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    onCleanup(() => window.removeEventListener("beforeunload", warn));
  });
  onCleanup(() => {
    // Leaving the editor: send what is waiting, then stop.
    void autosave.flush().finally(() => autosave.dispose());
  });

  async function reloadTheirs() {
    setResolving(true);
    try {
      const { survey } = await api.surveys.get(surveyId);
      draft.replace(survey.definition);
      autosave.reset(survey.revision);
      setMeta(survey);
      setStatus("Loaded the latest saved version.");
    } catch (error) {
      setActionError(() => error);
    } finally {
      setResolving(false);
    }
  }

  async function overwrite() {
    setResolving(true);
    const ok = await autosave.overwrite();
    setResolving(false);
    if (ok) setStatus("Saved your version over theirs.");
  }

  // ---- lifecycle actions ------------------------------------------------------
  async function perform(action: SurveyAction) {
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
      if (action === "publish") {
        await publish();
      } else if (action === "duplicate") {
        await autosave.flush();
        const { survey: copy } = await api.surveys.duplicate(surveyId);
        navigate(`/app/surveys/${encodeURIComponent(copy.id)}`);
      } else if (action === "close") {
        setMeta((await api.surveys.close(surveyId)).survey);
        setStatus("Survey closed. New visitors see the closed screen.");
      } else {
        setMeta((await api.surveys.reopen(surveyId)).survey);
        setStatus("Survey reopened.");
      }
    } catch (error) {
      const found = hasCode(error, "invalid_definition") ? issuesOf(error) : [];
      if (found.length > 0) setPublishIssues(found);
      else setActionError(() => error);
    } finally {
      setPending(null);
    }
  }

  async function publish() {
    const saved = await autosave.flush();
    if (!saved) {
      const state = autosave.state();
      if (state.kind === "invalid") setPublishIssues(shapeIssues(draft.def()));
      else if (state.kind === "conflict") setStatus("Resolve the conflict above before publishing.");
      else setActionError(() => new Error("The draft could not be saved, so it was not published. Try again."));
      return;
    }
    const wasDraft = meta().status === "draft";
    const result = await api.surveys.publish(surveyId);
    setMeta(result.survey);
    setStatus(
      wasDraft
        ? `Published version ${result.version.number}. The survey is live.`
        : `Published version ${result.version.number}. Respondents now see your changes.`,
    );
  }

  async function deleteSurvey() {
    setPending("delete");
    setActionError(undefined);
    try {
      autosave.dispose();
      await api.surveys.remove(surveyId);
      navigate("/app", { replace: true });
    } catch (error) {
      setActionError(() => error);
    } finally {
      setPending(null);
    }
  }

  function exportJson() {
    const blob = new Blob([definitionJson(draft.def())], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = exportFileName(draft.def().title);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus("Exported the draft as a JSON file.");
  }

  // ---- issues: take the researcher to where one is ------------------------------
  function goTo(issue: Issue) {
    const target = issueTarget(draft.def(), issue.path);
    if (target.questionId) {
      const id = target.questionId;
      setExpanded((open) => new Set([...open, id]));
    }
    navigate(tabHref(target.tab));
    const focus = () => {
      for (let n = issue.path.length; n > 0; n--) {
        const element = document.getElementById(fieldId(issue.path.slice(0, n)));
        if (element) {
          element.scrollIntoView({ block: "center" });
          element.focus();
          return;
        }
      }
      const fallback =
        (target.questionId && document.getElementById(`toggle-${target.questionId}`)) ||
        (target.segmentId && document.getElementById(`segment-${target.segmentId}`));
      if (fallback) fallback.focus();
    };
    requestAnimationFrame(() => requestAnimationFrame(focus));
  }

  // ---- channels (Share tab, and the channel pickers in rules) --------------------
  const [channels, channelsControl] = createResource(
    () => surveyId,
    async (id) => (await api.channels.list(id)).channels,
  );
  const channelList = () => latestOf(channels) ?? [];
  const creating = createMutation((input: { name: string; kind: ChannelKind }) => api.channels.create(surveyId, input));
  const [deletingChannel, setDeletingChannel] = createSignal<string | null>(null);
  const [channelError, setChannelError] = createSignal<unknown>();
  async function createChannel(input: { name: string; kind: ChannelKind }): Promise<boolean> {
    const result = await creating.run(input);
    if (!result.ok) return false;
    channelsControl.mutate((list) => [...(list ?? []), result.value.channel]);
    setStatus(`Created the link for ${result.value.channel.name}.`);
    return true;
  }
  async function deleteChannel(channel: Channel) {
    setDeletingChannel(channel.id);
    setChannelError(undefined);
    try {
      await api.channels.remove(surveyId, channel.id);
      channelsControl.mutate((list) => (list ?? []).filter((c) => c.id !== channel.id));
      setStatus(`Deleted the link for ${channel.name}.`);
    } catch (error) {
      setChannelError(() => error);
    } finally {
      setDeletingChannel(null);
    }
  }
  const channelRefs = createMemo(() => channelList().map((c) => ({ code: c.code, name: c.name, kind: c.kind })));
  const shareCopy = createMemo((): ShareCopy => {
    const def = draft.def();
    return {
      title: def.title,
      description: def.description,
      estimatedMinutes: def.estimatedMinutes,
      previewTitle: def.settings.linkPreview.title || def.title,
      previewDescription: def.settings.linkPreview.description || def.description,
      cardImage: `/s/${encodeURIComponent(meta().slug)}/card.png`,
      asksForEmail: def.settings.collectEmail || allQuestions(def).some(({ question }) => question.type === "email"),
    };
  });

  const live = () => meta().status !== "draft";
  const actionsSurvey = () => ({ ...meta(), hasUnpublishedChanges: meta().hasUnpublishedChanges || unsaved() });

  return (
    <>
      <div class="page-header editor-header">
        <div>
          <h1>{draft.view.title || "Untitled survey"}</h1>
          <div class="meta-line">
            <StatusBadge status={meta().status} />
            <Show when={live() && actionsSurvey().hasUnpublishedChanges}>
              <span class="chip">Unpublished changes</span>
            </Show>
            <Show when={canEdit()}>
              <SaveStatus state={autosave.state()} onRetry={() => void autosave.flush()} />
            </Show>
          </div>
        </div>
        <div class="actions">
          <A class="button" href={`/app/surveys/${encodeURIComponent(surveyId)}/results`}>
            Results
          </A>
          <A class="button" href={`/app/surveys/${encodeURIComponent(surveyId)}/people`}>
            People
          </A>
          <Show when={canEdit()}>
            <SurveyActions survey={actionsSurvey()} pending={pending()} onAction={(action) => void perform(action)} />
          </Show>
          <button type="button" class="button" onClick={exportJson}>
            Export JSON
          </button>
        </div>
      </div>

      <ConflictBanner state={autosave.state()} busy={resolving()} onReload={() => void reloadTheirs()} onOverwrite={() => void overwrite()} />
      <Show when={live() && canEdit()}>
        <p class="notice notice-info">
          This survey is live. Edits are saved to a draft; respondents see them after you{" "}
          <strong>Publish changes</strong>.
        </p>
      </Show>
      <LiveStatus>{status()}</LiveStatus>
      <Show when={actionError() && !confirmDelete()}>
        <ErrorNotice error={actionError()} />
      </Show>
      <Show when={canEdit()}>
        <IssueSummary
          tone={publishIssues().length > 0 ? "blocking" : "draft"}
          issues={publishIssues().length > 0 ? publishIssues() : issues()}
          describe={(issue) => describeIssuePath(draft.def(), issue.path)}
          onGo={goTo}
        />
      </Show>

      <nav class="tabs" aria-label="Survey sections">
        <For each={tabs}>
          {(item) => (
            <A href={tabHref(item.id)} class="tab" classList={{ active: tab() === item.id }} aria-current={tab() === item.id ? "page" : undefined} end>
              {item.label}
            </A>
          )}
        </For>
      </nav>

      <fieldset class="editor-body" disabled={!canEdit()}>
        <legend class="visually-hidden">{tabs.find((t) => t.id === tab())?.label}</legend>
        <Switch>
          <Match when={tab() === "questions"}>
            <div class="editor-split">
              <div class="editor-main stack">
                <SurveyBasics view={draft.view} issues={issues()} onEdit={draft.apply} />
                <QuestionsEditor
                  view={draft.view}
                  issues={issues()}
                  channels={channelRefs()}
                  newId={newId}
                  isExpanded={(id) => expanded().has(id)}
                  onExpand={(id, open) =>
                    setExpanded((current) => {
                      const next = new Set(current);
                      if (open) next.add(id);
                      else next.delete(id);
                      return next;
                    })
                  }
                  onEdit={draft.apply}
                />
              </div>
              <aside class="editor-aside" aria-label="Preview">
                <PhonePreview definition={draft.def()} channels={channelRefs()} />
              </aside>
            </div>
          </Match>
          <Match when={tab() === "logic"}>
            <LogicEditor view={draft.view} issues={issues()} channels={channelRefs()} newId={newId} onEdit={draft.apply} />
          </Match>
          <Match when={tab() === "end-screens"}>
            <div class="editor-split">
              <div class="editor-main stack">
                <For each={["qualified", "disqualified", "over_quota", "closed"] as const}>
                  {(which) => (
                    <EndScreenEditor which={which} screen={draft.view.endScreens[which]} issues={issues()} onEdit={draft.apply} />
                  )}
                </For>
              </div>
              <aside class="editor-aside" aria-label="Preview">
                <PhonePreview definition={draft.def()} channels={channelRefs()} screen="qualified" />
              </aside>
            </div>
          </Match>
          <Match when={tab() === "settings"}>
            <div class="settings-tab">
            <SettingsForm view={draft.view} issues={issues()} onEdit={draft.apply} />
            <section class="card section" aria-labelledby="facts-heading">
              <h2 id="facts-heading">Details</h2>
              <dl class="facts">
                <dt>Public link</dt>
                <dd class="mono">/s/{meta().slug}</dd>
                <dt>Responses</dt>
                <dd>{formatNumber(meta().responseCount)}</dd>
                <dt>Draft revision</dt>
                <dd>{autosave.revision()}</dd>
                <dt>Published version</dt>
                <dd>
                  <Show when={meta().publishedVersion} fallback="Not published">
                    {(version) => (
                      <>
                        v{version()}
                        <Show when={meta().publishedAt}>{(at) => <span class="muted"> · {formatDateTime(at())}</span>}</Show>
                      </>
                    )}
                  </Show>
                </dd>
                <dt>Last edited</dt>
                <dd>
                  <TimeAgo iso={meta().updatedAt} />
                </dd>
              </dl>
            </section>
            </div>
          </Match>
        </Switch>
      </fieldset>

      <Show when={tab() === "share"}>
        <div class="stack share-tab">
          <section class="card" aria-labelledby="public-link-heading">
            <h2 id="public-link-heading">Public link</h2>
            <CopyField
              label="Survey link"
              value={new URL(`/s/${encodeURIComponent(meta().slug)}`, location.origin).href}
              hint={
                meta().status === "open"
                  ? "Anyone with this link can respond. Tracked links below tell you which community each response came from."
                  : meta().status === "draft"
                    ? "Links start working once you publish."
                    : "The survey is closed; links show the closed screen until you reopen it."
              }
            />
            <Show when={meta().status === "open"}>
              <a href={`/s/${encodeURIComponent(meta().slug)}`} target="_blank" rel="noopener">
                Open the survey in a new tab
              </a>
            </Show>
          </section>
          <section class="card stack" aria-labelledby="channels-heading">
            <h2 id="channels-heading">Tracked links</h2>
            <p class="hint">
              One link per community you post in, so results show which ones send people who qualify. Each comes with a QR
              code and a post you can paste.
            </p>
            <Show when={canEdit()}>
              <ChannelCreateForm pending={creating.pending()} error={creating.error()} onCreate={createChannel} />
            </Show>
            <Show when={channelError()}>
              <ErrorNotice error={channelError()} />
            </Show>
          </section>
          <AsyncView resource={channels} loadingLabel="Loading links…" onRetry={() => void channelsControl.refetch()}>
            {(list) => (
              <Show when={list().length > 0} fallback={<p class="muted">No tracked links yet.</p>}>
                <For each={list()}>
                  {(channel) => (
                    <ChannelCard
                      channel={channel}
                      copy={shareCopy()}
                      deleting={deletingChannel() === channel.id}
                      onDelete={() => void deleteChannel(channel)}
                    />
                  )}
                </For>
              </Show>
            )}
          </AsyncView>
        </div>
      </Show>

      <ConfirmDialog
        open={confirmDelete()}
        title="Delete this survey?"
        confirmLabel="Delete survey"
        danger
        pending={pending() === "delete"}
        error={confirmDelete() ? actionError() : undefined}
        onConfirm={() => void deleteSurvey()}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>
          “{draft.view.title}” and its {formatNumber(meta().responseCount)} {meta().responseCount === 1 ? "response" : "responses"}{" "}
          will be deleted. This can’t be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
