// One survey, one page at a time: answers live in a signal mirrored to localStorage,
// skip logic decides which pages exist right now, and each Next saves to the server.
import { For, Match, Show, Switch, createEffect, createMemo, createSignal, on } from "solid-js";
import type { AnswerValue, Answers } from "@sieve/core";
import { stringsFor } from "./i18n";
import type { PublicSurvey } from "./load-survey";
import { answersToSend, respondentContext, visiblePages } from "./logic";
import { saveProgress, type Progress } from "./storage";
import { submitResponse, type EndKey } from "./submit";
import { validatePage } from "./validate-page";
import { EndScreen, type EndScreenContent } from "./components/end-screen";
import { ProgressBar } from "./components/progress-bar";
import { QuestionField } from "./components/question-field";
import { questionIds } from "./components/question-props";

type Ended = { kind: "screen"; screen: EndScreenContent } | { kind: "not_sent" };

export function SurveyRunner(props: { survey: PublicSurvey; progress: Progress }) {
  const definition = () => props.survey.definition;
  const slug = () => props.survey.slug;
  const strings = createMemo(() => stringsFor(definition().settings.language));
  const ctx = respondentContext(props.progress.channel);
  const responseId = props.progress.responseId;

  const [answers, setAnswers] = createSignal<Answers>(props.progress.answers);
  const [pageId, setPageId] = createSignal<string | null>(props.progress.pageId);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal("");
  const [saving, setSaving] = createSignal(false);
  const [ended, setEnded] = createSignal<Ended | null>(
    props.progress.finished ? { kind: "screen", screen: endScreen(props.progress.finished) } : null,
  );
  const [finished, setFinished] = createSignal<EndKey | null>(props.progress.finished);

  const pages = createMemo(() => visiblePages(definition(), answers(), ctx));
  const pageIndex = createMemo(() => {
    const all = pages();
    const id = pageId();
    const exact = all.findIndex((entry) => entry.page.id === id);
    if (exact >= 0 || id === null) return Math.max(exact, 0);
    // The saved page is hidden now: resume at the next page that is shown.
    const order = definition().pages.map((page) => page.id);
    const wanted = order.indexOf(id);
    const after = all.findIndex((entry) => order.indexOf(entry.page.id) >= wanted);
    return after >= 0 ? after : Math.max(all.length - 1, 0);
  });
  const current = () => pages()[pageIndex()];
  const isFirst = () => pageIndex() === 0;
  const isLast = () => pageIndex() >= pages().length - 1;

  createEffect(() => {
    saveProgress(slug(), {
      responseId,
      answers: answers(),
      pageId: current()?.page.id ?? pageId(),
      channel: props.progress.channel,
      finished: finished(),
    });
  });

  let pageHeading: HTMLHeadingElement | undefined;
  let movedByUser = false;
  createEffect(
    on(pageIndex, () => {
      if (!movedByUser) return;
      window.scrollTo({ top: 0 });
      pageHeading?.focus();
    }),
  );

  function endScreen(key: EndKey): EndScreenContent {
    return definition().endScreens[key];
  }

  function finish(key: EndKey, screen?: EndScreenContent) {
    setFinished(key);
    setEnded({ kind: "screen", screen: screen ?? endScreen(key) });
  }

  function setAnswer(questionId: string, value: AnswerValue | undefined) {
    setAnswers((previous) => {
      const next = { ...previous };
      if (value === undefined) delete next[questionId];
      else next[questionId] = value;
      return next;
    });
    if (errors()[questionId]) {
      const remaining = { ...errors() };
      delete remaining[questionId];
      setErrors(remaining);
      // The "please check N answers" summary is stale once every problem is fixed.
      if (Object.keys(remaining).length === 0) setMessage("");
    }
  }

  function goTo(index: number) {
    const target = pages()[index];
    if (!target) return;
    movedByUser = true;
    setErrors({});
    setMessage("");
    setPageId(target.page.id);
  }

  function focusQuestion(questionId: string) {
    const root = document.getElementById(questionIds(questionId).root);
    const control = root?.querySelector<HTMLElement>("input, select, textarea");
    (control ?? root)?.focus();
    root?.scrollIntoView({ block: "center" });
  }

  async function save(complete: boolean): Promise<void> {
    setSaving(true);
    setMessage("");
    const outcome = await submitResponse({
      responseId,
      slug: slug(),
      channel: props.progress.channel,
      answers: answersToSend(pages(), answers()),
      complete,
    });
    setSaving(false);
    const t = strings();
    switch (outcome.kind) {
      case "saved":
        if (outcome.reply.next === "end" || complete) finish(outcome.reply.end ?? "qualified");
        else goTo(pageIndex() + 1);
        return;
      case "unavailable":
        // Nothing was recorded: go on locally, but never claim success at the end.
        if (complete) {
          // A retry from the "not sent" screen that fails again still deserves an answer.
          if (ended()?.kind === "not_sent") setMessage(t.errors.server);
          setEnded({ kind: "not_sent" });
        } else goTo(pageIndex() + 1);
        return;
      case "closed":
        finish("closed", outcome.endScreen ? { ...endScreen("closed"), ...outcome.endScreen } : undefined);
        return;
      case "invalid": {
        setEnded(null);
        const byQuestion: Record<string, string> = {};
        for (const issue of outcome.issues) {
          const questionId = issue.path[0] === "answers" ? issue.path[1] : undefined;
          if (typeof questionId === "string" && !byQuestion[questionId]) byQuestion[questionId] = issue.message;
        }
        const target = pages().findIndex((entry) => entry.questions.some((q) => byQuestion[q.id] !== undefined));
        if (target >= 0 && target !== pageIndex()) goTo(target);
        setErrors(byQuestion);
        setMessage(t.errors.rejected);
        const first = Object.keys(byQuestion)[0];
        if (first) queueMicrotask(() => focusQuestion(first));
        return;
      }
      case "failed":
        setMessage(outcome.reason === "network" ? t.errors.network : t.errors.server);
        return;
    }
  }

  function next(event: SubmitEvent) {
    event.preventDefault();
    const page = current();
    if (!page || saving()) return;
    const found = validatePage(page.questions, answers(), strings());
    const ids = page.questions.map((q) => q.id).filter((id) => found[id] !== undefined);
    setErrors(found);
    if (ids.length > 0) {
      setMessage(strings().errors.fixCount(ids.length));
      const first = ids[0];
      if (first) focusQuestion(first);
      return;
    }
    void save(isLast());
  }

  const requiredOnPage = () => current()?.questions.some((q) => q.required && q.type !== "statement") ?? false;

  return (
    <Switch>
      <Match when={ended()} keyed>
        {(state) =>
          state.kind === "screen" ? (
            <EndScreen screen={state.screen} continueLabel={strings().continue} redirectDelayMs={3000} />
          ) : (
            <section class="end-screen" aria-labelledby="not-sent-title">
              <h1 id="not-sent-title" tabIndex={-1} ref={(el) => queueMicrotask(() => el.focus())}>
                {strings().notSent.title}
              </h1>
              <p>{strings().notSent.body}</p>
              <p class="form-message" role="alert">
                {message()}
              </p>
              <button
                type="button"
                class="btn btn-primary"
                disabled={saving()}
                onClick={() => void save(true)}
              >
                {saving() ? strings().saving : strings().retry}
              </button>
            </section>
          )
        }
      </Match>
      <Match when={current()}>
        {(entry) => (
          <form class="survey-form" novalidate onSubmit={next}>
            <header class="survey-header">
              <Show when={pages().length > 1}>
                <ProgressBar
                  current={pageIndex() + 1}
                  total={pages().length}
                  label={strings().pageOf(pageIndex() + 1, pages().length)}
                />
              </Show>
              <h1 class="survey-title">{definition().title}</h1>
              <Show when={isFirst()}>
                <Show when={definition().description}>
                  <p class="survey-description">{definition().description}</p>
                </Show>
                <p class="survey-meta">{strings().aboutMinutes(definition().estimatedMinutes)}</p>
              </Show>
            </header>

            <h2 class="page-title" ref={pageHeading} tabIndex={-1} classList={{ "visually-hidden": !entry().page.title }}>
              {entry().page.title || strings().pageOf(pageIndex() + 1, pages().length)}
            </h2>
            <Show when={requiredOnPage()}>
              <p class="required-hint">{strings().requiredHint}</p>
            </Show>

            <div class="questions">
              <For each={entry().questions}>
                {(question) => (
                  <QuestionField
                    question={question}
                    value={Object.hasOwn(answers(), question.id) ? answers()[question.id] : undefined}
                    onChange={(value) => setAnswer(question.id, value)}
                    error={errors()[question.id]}
                    strings={strings()}
                    seed={responseId}
                  />
                )}
              </For>
            </div>

            <p class="form-message" role="alert" aria-live="assertive">
              {message()}
            </p>

            <div class="nav-buttons">
              <Show when={!isFirst()}>
                <button type="button" class="btn" disabled={saving()} onClick={() => goTo(pageIndex() - 1)}>
                  {strings().back}
                </button>
              </Show>
              <button type="submit" class="btn btn-primary" disabled={saving()} aria-busy={saving()}>
                {saving() ? strings().saving : isLast() ? strings().submit : strings().next}
              </button>
            </div>
          </form>
        )}
      </Match>
    </Switch>
  );
}
