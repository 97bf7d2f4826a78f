// One survey, one page at a time: answers live in a signal mirrored to localStorage as
// the respondent types, skip logic decides which pages exist right now, and each Next
// queues a save (save-queue.ts) that is retried until the server has it. Only the
// server ends a response: the end screen appears once it has confirmed.
import { For, Match, Show, Switch, createEffect, createMemo, createResource, createSignal, on } from "solid-js";
import type { AnswerValue, Answers, Issue } from "@sieve/core";
import type { Strings } from "./i18n";
import type { PublicSurvey } from "./load-survey";
import { answersToSend, respondentContext, visiblePages } from "./logic";
import { createSaveQueue } from "./save-queue";
import { saveProgress, type Ending, type PendingSave, type Progress } from "./storage";
import { saveBody, type EndScreenText, type SaveOutcome } from "./submit";
import { validatePage } from "./validate-page";
import { BookingOffer, EndScreen, type EndScreenContent } from "./components/end-screen";
import { fetchBookingLink } from "./booking-link";
import { ProgressBar } from "./components/progress-bar";
import { QuestionField } from "./components/question-field";
import { questionIds } from "./components/question-props";

export function SurveyRunner(props: { survey: PublicSurvey; progress: Progress; strings: Strings }) {
  const definition = () => props.survey.definition;
  const strings = () => props.strings;
  const { slug, channel } = props.survey;
  const { responseId, meta } = props.progress;
  // Only a channel the server recognised is sent back (an unknown ?c= is just ignored).
  const channelCode = channel?.code ?? null;
  const ctx = respondentContext(channel);
  // A respondent who has started here resumes; the server settles duplicates on save.
  const started = Object.keys(props.progress.answers).length > 0 || props.progress.pending !== null;

  const [answers, setAnswers] = createSignal<Answers>(props.progress.answers);
  const [pageId, setPageId] = createSignal<string | null>(props.progress.pageId);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal("");
  /** The respondent pressed Next/Submit and waits for the first answer. */
  const [saving, setSaving] = createSignal(false);
  const [pending, setPending] = createSignal<PendingSave | null>(props.progress.pending);
  const [end, setEnd] = createSignal<Ending | null>(props.progress.end);
  /** The final submit is queued but not confirmed: answers are locked until it is. */
  const [submitting, setSubmitting] = createSignal(props.progress.pending?.complete === true);
  const [ended, setEnded] = createSignal<EndScreenContent | null>(
    props.progress.end
      ? screenFor(props.progress.end)
      : props.survey.alreadyResponded && !started
        ? strings().alreadyResponded
        : null,
  );

  // Qualified (and not sent on to a panel's completion link): the server may offer an interview time.
  const [bookingLink] = createResource(
    () => end() === "qualified" && !definition().endScreens.qualified.redirectUrl && responseId,
    fetchBookingLink,
  );

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

  const queue = createSaveQueue({ responseId, pending: props.progress.pending, persist: setPending, settled });

  createEffect(() => {
    saveProgress(slug, {
      responseId,
      answers: answers(),
      pageId: current()?.page.id ?? pageId(),
      channel: props.progress.channel,
      meta,
      pending: pending(),
      end: end(),
    });
  });

  // The status line never says "saving" (the button does) and keeps its text while a
  // background retry runs, so a screen reader hears each change once.
  const [statusText, setStatusText] = createSignal("");
  createEffect(() => {
    const status = queue.status();
    if (status === "saved") setStatusText(strings().saved);
    else if (status === "offline") setStatusText(strings().offline);
    else if (status === "retrying") setStatusText(strings().retrying);
  });

  let pageHeading: HTMLHeadingElement | undefined;
  let honeypot: HTMLInputElement | undefined;
  let movedByUser = false;
  createEffect(
    on(pageIndex, () => {
      if (!movedByUser) return;
      window.scrollTo({ top: 0 });
      pageHeading?.focus();
    }),
  );

  function screenFor(ending: Ending, fromServer?: EndScreenText): EndScreenContent {
    const base = ending === "already" ? strings().alreadyResponded : definition().endScreens[ending];
    return fromServer ? { ...base, ...fromServer } : base;
  }

  /** The response is over: keep only `{ responseId, end }` and show its screen. */
  function finish(ending: Ending, fromServer?: EndScreenText) {
    setSubmitting(false);
    setEnd(ending);
    setEnded(screenFor(ending, fromServer));
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

  function settled(outcome: SaveOutcome, save: PendingSave, first: boolean) {
    if (first) setSaving(false);
    switch (outcome.kind) {
      case "saved":
        // A partial save may already end the response (screened out early).
        if (outcome.reply.next === "end" || save.complete) finish(outcome.reply.end ?? "qualified");
        else if (first) goTo(pageIndex() + 1);
        return;
      case "retry":
        // Kept on this device and retried: go on, but never claim the end early.
        if (save.complete) setSubmitting(true);
        else if (first) goTo(pageIndex() + 1);
        return;
      case "invalid":
        setSubmitting(false);
        showIssues(outcome.issues);
        return;
      case "closed":
        finish("closed", outcome.endScreen);
        return;
      case "already":
        // Our own words: the server's screen may carry a completion redirect meant for first responses.
        finish("already");
        return;
      case "completed":
        // Completed by an earlier request whose answer never arrived; the outcome is the server's.
        finish("already");
        return;
      case "not_found":
        setEnded(strings().notFound);
        return;
      case "failed":
        setSubmitting(false);
        setMessage(strings().errors.server);
        return;
    }
  }

  function showIssues(issues: Issue[]) {
    const byQuestion: Record<string, string> = {};
    for (const issue of issues) {
      const questionId = issue.path[0] === "answers" ? issue.path[1] : undefined;
      if (typeof questionId === "string" && !byQuestion[questionId]) byQuestion[questionId] = issue.message;
    }
    const target = pages().findIndex((entry) => entry.questions.some((q) => byQuestion[q.id] !== undefined));
    if (target >= 0 && target !== pageIndex()) goTo(target);
    setErrors(byQuestion);
    setMessage(strings().errors.rejected);
    const first = Object.keys(byQuestion)[0];
    if (first) queueMicrotask(() => focusQuestion(first));
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
    const complete = isLast();
    setSaving(true);
    setMessage("");
    queue.save({
      complete,
      body: saveBody({
        slug,
        channel: channelCode,
        answers: answersToSend(pages(), answers()),
        complete,
        page: definition().pages.indexOf(page.page),
        meta: meta ?? {},
        hp: honeypot?.value.slice(0, 200) ?? "",
      }),
    });
  }

  const requiredOnPage = () => current()?.questions.some((q) => q.required && q.type !== "statement") ?? false;

  return (
    <Switch>
      <Match when={ended()} keyed>
        {(screen) => (
          <EndScreen screen={screen} continueLabel={strings().continue} redirectDelayMs={3000}>
            <Show when={bookingLink()}>{(href) => <BookingOffer href={href()} text={strings().booking} />}</Show>
          </EndScreen>
        )}
      </Match>
      <Match when={submitting()}>
        <section class="end-screen" aria-labelledby="not-sent-title">
          <h1 id="not-sent-title" tabIndex={-1} ref={(el) => queueMicrotask(() => el.focus())}>
            {strings().notSent.title}
          </h1>
          <p role="status">{queue.status() === "offline" ? strings().offline : strings().notSent.body}</p>
          <button
            type="button"
            class="btn btn-primary"
            disabled={queue.status() === "saving"}
            onClick={() => queue.retryNow()}
          >
            {queue.status() === "saving" ? strings().saving : strings().retry}
          </button>
        </section>
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

            {/* Honeypot: people never see or reach it; form-filling bots fill it in. */}
            <div class="hp" aria-hidden="true">
              <label>
                Website
                <input ref={honeypot} type="text" name="website" tabIndex={-1} autocomplete="off" />
              </label>
            </div>

            <p class="form-message" role="alert">
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
            <p class="save-status" role="status">
              {statusText()}
            </p>
          </form>
        )}
      </Match>
    </Switch>
  );
}
