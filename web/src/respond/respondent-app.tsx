import { Match, Show, Switch, createResource } from "solid-js";
import type { Strings } from "./i18n";
import { loadSurvey, slugFromPath, type LoadOutcome } from "./load-survey";
import { captureMeta } from "./response-meta";
import { loadProgress } from "./storage";
import { browserLanguage, loadingText } from "./strings/language";
import { loadStrings } from "./strings/load-strings";
import { SurveyRunner } from "./survey-runner";
import { EndScreen } from "./components/end-screen";

/** The whole respondent page: load the survey named by the URL, then run it. */
export function RespondentApp() {
  const slug = slugFromPath(window.location.pathname);
  const progress = slug === undefined ? undefined : loadProgress(slug);
  const channelParam = new URLSearchParams(window.location.search).get("c");
  if (progress) {
    if (channelParam) progress.channel = channelParam.slice(0, 100);
    progress.meta ??= captureMeta();
  }
  // The survey's language decides the words; without a survey, the browser's language does.
  const [loaded, { refetch }] = createResource(async (): Promise<{ outcome: LoadOutcome; strings: Strings }> => {
    const outcome: LoadOutcome =
      slug === undefined ? { kind: "not_found" } : await loadSurvey(slug, progress?.channel ?? null);
    const language = outcome.kind === "ready" ? outcome.survey.definition.settings.language : browserLanguage();
    return { outcome, strings: await loadStrings(language) };
  });

  const ready = () => {
    const value = loaded.latest;
    return progress && value?.outcome.kind === "ready" ? { ...value, survey: value.outcome.survey, progress } : undefined;
  };
  const notice = () => {
    const value = loaded.latest;
    const kind = value?.outcome.kind;
    return value && (kind === "not_found" || kind === "failed") ? { strings: value.strings, failed: kind === "failed" } : undefined;
  };

  return (
    <Switch
      fallback={
        <p class="loading" role="status">
          {loadingText[browserLanguage()]}
        </p>
      }
    >
      <Match when={ready()}>
        {(value) => {
          const { survey, strings, progress } = value();
          document.documentElement.lang = survey.definition.settings.language;
          document.title = survey.definition.title;
          return <SurveyRunner survey={survey} progress={progress} strings={strings} />;
        }}
      </Match>
      <Match when={loaded.latest?.outcome.kind === "closed" ? loaded.latest : undefined}>
        {(value) => {
          const { outcome, strings } = value();
          return <EndScreen screen={(outcome.kind === "closed" && outcome.endScreen) || strings.closedFallback} />;
        }}
      </Match>
      <Match when={notice()}>
        {(value) => {
          const text = () => (value().failed ? value().strings.loadFailed : value().strings.notFound);
          return (
            <section class="end-screen">
              <h1>{text().title}</h1>
              <p>{text().body}</p>
              <Show when={value().failed && !loaded.loading}>
                <button type="button" class="btn btn-primary" onClick={() => void refetch()}>
                  {value().strings.retry}
                </button>
              </Show>
            </section>
          );
        }}
      </Match>
    </Switch>
  );
}
