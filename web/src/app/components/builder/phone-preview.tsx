// The respondent's view of the draft at phone width, drawn by the respondent page's
// own question components inside an isolated frame. Answers typed here drive the
// same skip logic (core's `visibleQuestions`); beside the phone, the researcher sees
// what the screener and segments make of those answers — respondents never do.
import { For, Match, Show, Switch, createEffect, createMemo, createSignal, createUniqueId } from "solid-js";
import {
  evaluateScreener,
  evaluateSegments,
  questionsById,
  type AnswerValue,
  type Answers,
  type ChannelKind,
  type EndScreens,
  type Page,
  type RespondentContext,
  type SurveyDefinition,
} from "@sieve/core";
import { visibleQuestions } from "@sieve/core/logic";
import respondCss from "../../../respond/respond.css?url";
import { stringsFor } from "../../../respond/i18n";
import { QuestionField } from "../../../respond/components/question-field";
import { LinkedText } from "../../../respond/components/linked-text";
import { channelKindLabels, channelKinds } from "../../editor/labels";
import { IsolatedFrame } from "./isolated-frame";

export type PreviewChannel = { code: string; name: string; kind: ChannelKind };

/** What the phone shows: the questions, or one of the end screens. */
export type PreviewScreen = "questions" | keyof EndScreens;

const screenLabels: Record<PreviewScreen, string> = {
  questions: "Questions",
  qualified: "Qualified end screen",
  disqualified: "Disqualified end screen",
  over_quota: "Over-quota end screen",
  closed: "Closed screen",
};

const screens: readonly PreviewScreen[] = ["questions", "qualified", "disqualified", "over_quota", "closed"];

const outcomeLabels = {
  qualified: "Qualifies",
  disqualified: "Disqualified",
  flagged: "Flagged as likely fraud",
  undecided: "Not decided yet",
} as const;

export function PhonePreview(props: {
  definition: SurveyDefinition;
  channels: readonly PreviewChannel[];
  screen?: PreviewScreen;
}) {
  const [answers, setAnswers] = createSignal<Answers>({});
  const [channelKey, setChannelKey] = createSignal("");
  const [screen, setScreen] = createSignal<PreviewScreen>(props.screen ?? "questions");
  createEffect(() => {
    if (props.screen) setScreen(props.screen);
  });
  const channelId = createUniqueId();
  const screenId = createUniqueId();
  const strings = createMemo(() => stringsFor(props.definition.settings.language));

  const ctx = createMemo((): RespondentContext => {
    const key = channelKey();
    if (key === "") return { channel: null };
    const channel = props.channels.find((c) => c.code === key);
    if (channel) return { channel: { code: channel.code, kind: channel.kind } };
    const kind = channelKinds.find((k) => `kind:${k}` === key);
    return { channel: kind ? { code: `preview-${kind}`, kind } : null };
  });
  const shown = createMemo(() => new Set(visibleQuestions(props.definition, answers(), ctx()).map((q) => q.id)));
  // Pages and questions keep their identity between edits (edits share structure), so
  // only what changed is redrawn; `number` counts the pages that have something to show.
  const visibleOn = (page: Page) => page.questions.filter((question) => shown().has(question.id));
  const numbered = createMemo(() => {
    const shownPages = props.definition.pages.filter((page) => visibleOn(page).length > 0);
    return { total: shownPages.length, number: new Map(shownPages.map((page, index) => [page.id, index + 1])) };
  });
  const hiddenCount = createMemo(
    () => props.definition.pages.reduce((sum, page) => sum + page.questions.length, 0) - shown().size,
  );
  const verdict = createMemo(() => evaluateScreener(props.definition, answers(), ctx(), { complete: false }));
  const segments = createMemo(() => {
    const ids = new Set(evaluateSegments(props.definition, answers(), ctx()));
    return props.definition.segments.filter((segment) => ids.has(segment.id));
  });
  const reason = createMemo(() => {
    const why = verdict().reason;
    if (!why) return "";
    const question = questionsById(props.definition).get(why.questionId);
    const option = question && "options" in question ? question.options.find((o) => o.id === why.optionId) : undefined;
    if (why.rule === "missing_qualifier") return `No qualifying answer to “${question?.title ?? why.questionId}”.`;
    return `Picked “${option?.label ?? why.optionId}” in “${question?.title ?? why.questionId}”.`;
  });

  const endScreenOf = (which: PreviewScreen) => (which === "questions" ? undefined : props.definition.endScreens[which]);

  function setAnswer(questionId: string, value: AnswerValue | undefined) {
    setAnswers((previous) => {
      const next = { ...previous };
      if (value === undefined) delete next[questionId];
      else next[questionId] = value;
      return next;
    });
  }

  return (
    <div class="preview">
      <div class="preview-controls">
        <div class="field">
          <label for={screenId}>Preview</label>
          <select
            id={screenId}
            value={screen()}
            onChange={(event) => {
              const picked = screens.find((s) => s === event.currentTarget.value);
              if (picked) setScreen(picked);
            }}
          >
            <For each={screens}>
              {(value) => (
                <option value={value} selected={value === screen()}>
                  {screenLabels[value]}
                </option>
              )}
            </For>
          </select>
        </div>
        <Show when={screen() === "questions"}>
          <div class="field">
            <label for={channelId}>Respondent came from</label>
            <select id={channelId} value={channelKey()} onChange={(event) => setChannelKey(event.currentTarget.value)}>
              <option value="">No tracked link</option>
              <For each={props.channels}>
                {(channel) => (
                  <option value={channel.code} selected={channelKey() === channel.code}>
                    {channel.name}
                  </option>
                )}
              </For>
              <For each={channelKinds}>
                {(kind) => (
                  <option value={`kind:${kind}`} selected={channelKey() === `kind:${kind}`}>
                    A {channelKindLabels[kind]} link
                  </option>
                )}
              </For>
            </select>
          </div>
        </Show>
      </div>
      <div class="phone">
        <IsolatedFrame
          class="phone-screen"
          title="Respondent preview"
          stylesheet={respondCss}
          lang={props.definition.settings.language}
        >
          <Switch>
            <Match when={screen() === "questions"}>
              <div class="survey-form">
                <header class="survey-header">
                  <h1 class="survey-title">{props.definition.title}</h1>
                  <Show when={props.definition.description}>
                    <p class="survey-description">{props.definition.description}</p>
                  </Show>
                  <p class="survey-meta">{strings().aboutMinutes(props.definition.estimatedMinutes)}</p>
                </header>
                <Show when={numbered().total === 0}>
                  <p class="survey-meta">No questions to show.</p>
                </Show>
                <For each={props.definition.pages}>
                  {(page) => (
                    <Show when={visibleOn(page).length > 0}>
                    <section class="preview-page">
                      <h2 class="page-title">
                        {page.title || strings().pageOf(numbered().number.get(page.id) ?? 1, numbered().total)}
                      </h2>
                      <div class="questions">
                        <For each={visibleOn(page)}>
                          {(question) => (
                            <QuestionField
                              question={question}
                              value={Object.hasOwn(answers(), question.id) ? answers()[question.id] : undefined}
                              onChange={(value) => setAnswer(question.id, value)}
                              error={undefined}
                              strings={strings()}
                              seed="preview"
                            />
                          )}
                        </For>
                      </div>
                    </section>
                    </Show>
                  )}
                </For>
              </div>
            </Match>
            <Match when={endScreenOf(screen())}>
              {(end) => (
                <section class="end-screen">
                  <h1>{end().title}</h1>
                  <Show when={end().body}>
                    <LinkedText text={end().body} class="linked-text end-body" />
                  </Show>
                  <Show when={end().redirectUrl}>
                    <p class="survey-meta">Then continues to {end().redirectUrl}</p>
                  </Show>
                </section>
              )}
            </Match>
          </Switch>
        </IsolatedFrame>
      </div>
      <Show when={screen() === "questions"}>
        <div class="preview-verdict" role="status" aria-live="polite">
          <p>
            <span class="muted">Screener so far: </span>
            <strong class={`verdict verdict-${verdict().outcome}`}>{outcomeLabels[verdict().outcome]}</strong>
          </p>
          <Show when={reason()}>
            <p class="small muted">{reason()}</p>
          </Show>
          <Show when={props.definition.segments.length > 0}>
            <p class="small">
              <span class="muted">Segments: </span>
              <Show when={segments().length > 0} fallback={<span class="muted">none yet</span>}>
                <For each={segments()}>
                  {(segment) => (
                    <span class="segment-chip">
                      <span class="swatch" style={{ "background-color": segment.color }} aria-hidden="true" />
                      {segment.name}
                    </span>
                  )}
                </For>
              </Show>
            </p>
          </Show>
          <p class="small muted">
            {hiddenCount() === 0
              ? "Every question is shown."
              : `${hiddenCount()} ${hiddenCount() === 1 ? "question is" : "questions are"} hidden by logic.`}
          </p>
        </div>
        <button type="button" class="button button-small" onClick={() => setAnswers({})}>
          Reset preview answers
        </button>
      </Show>
    </div>
  );
}
