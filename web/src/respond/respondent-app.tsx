import { Match, Show, Switch, createResource } from "solid-js";
import { browserStrings } from "./i18n";
import { loadSurvey, slugFromPath, type LoadOutcome } from "./load-survey";
import { loadProgress } from "./storage";
import { SurveyRunner } from "./survey-runner";
import { EndScreen } from "./components/end-screen";

/** The whole respondent page: load the survey named by the URL, then run it. */
export function RespondentApp() {
  const slug = slugFromPath(window.location.pathname);
  const channelParam = new URLSearchParams(window.location.search).get("c");
  const [outcome, { refetch }] = createResource<LoadOutcome>(() =>
    slug === undefined ? Promise.resolve({ kind: "not_found" }) : loadSurvey(slug),
  );
  const fallback = browserStrings();

  const ready = () => {
    const value = outcome.latest;
    return value?.kind === "ready" ? value.survey : undefined;
  };

  return (
    <Switch
      fallback={
        <p class="loading" role="status">
          {fallback.loading}
        </p>
      }
    >
      <Match when={ready()}>
        {(survey) => {
          const progress = loadProgress(survey().slug);
          if (channelParam) progress.channel = channelParam.slice(0, 100);
          const language = survey().definition.settings.language;
          document.documentElement.lang = language;
          document.title = survey().definition.title;
          return <SurveyRunner survey={survey()} progress={progress} />;
        }}
      </Match>
      <Match when={outcome.latest?.kind === "not_found"}>
        <section class="end-screen">
          <h1>{fallback.notFound.title}</h1>
          <p>{fallback.notFound.body}</p>
        </section>
      </Match>
      <Match when={outcome.latest?.kind === "closed" ? outcome.latest : undefined}>
        {(closed) => <EndScreen screen={closed().endScreen ?? fallback.closedFallback} />}
      </Match>
      <Match when={outcome.latest?.kind === "failed"}>
        <section class="end-screen">
          <h1>{fallback.loadFailed.title}</h1>
          <p>{fallback.loadFailed.body}</p>
          <Show when={!outcome.loading}>
            <button type="button" class="btn btn-primary" onClick={() => void refetch()}>
              {fallback.retry}
            </button>
          </Show>
        </section>
      </Match>
    </Switch>
  );
}
