import { Show } from "solid-js";
import type { SurveyDetail } from "../lib/api-types";

export type SurveyAction = "publish" | "close" | "reopen" | "duplicate" | "delete";

/** The lifecycle buttons that make sense for a survey's state. */
export function SurveyActions(props: {
  survey: SurveyDetail;
  pending: SurveyAction | null;
  onAction: (action: SurveyAction) => void;
}) {
  const busy = () => props.pending !== null;
  const label = (action: SurveyAction, idle: string, working: string) =>
    props.pending === action ? working : idle;
  const canPublish = () => props.survey.status === "draft" || props.survey.hasUnpublishedChanges;
  return (
    <div class="actions" role="group" aria-label="Survey actions">
      <Show when={canPublish()}>
        <button type="button" class="button button-primary" disabled={busy()} onClick={() => props.onAction("publish")}>
          {label(
            "publish",
            props.survey.status === "draft" ? "Publish" : "Publish changes",
            "Publishing…",
          )}
        </button>
      </Show>
      <Show when={props.survey.status === "open"}>
        <button type="button" class="button" disabled={busy()} onClick={() => props.onAction("close")}>
          {label("close", "Close survey", "Closing…")}
        </button>
      </Show>
      <Show when={props.survey.status === "closed"}>
        <button type="button" class="button" disabled={busy()} onClick={() => props.onAction("reopen")}>
          {label("reopen", "Reopen", "Reopening…")}
        </button>
      </Show>
      <button type="button" class="button" disabled={busy()} onClick={() => props.onAction("duplicate")}>
        {label("duplicate", "Duplicate", "Duplicating…")}
      </button>
      <button type="button" class="button button-danger-quiet" disabled={busy()} onClick={() => props.onAction("delete")}>
        Delete…
      </button>
    </div>
  );
}
