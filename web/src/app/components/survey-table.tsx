import { For, Show } from "solid-js";
import type { SurveySummary } from "../lib/api-types";
import { formatNumber } from "../lib/format";
import { StatusBadge } from "./status-badge";
import { DateOnly, TimeAgo } from "./time-ago";

export function SurveyTable(props: { surveys: SurveySummary[] }) {
  return (
    <table class="table table-cards">
      <caption class="visually-hidden">Surveys in this workspace</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col" class="numeric">
            Responses
          </th>
          <th scope="col">Last activity</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.surveys}>
          {(survey) => (
            <tr>
              <th scope="row" data-label="Title">
                <a href={`/app/surveys/${encodeURIComponent(survey.id)}`} class="row-link">
                  {survey.title}
                </a>
              </th>
              <td data-label="Status">
                <StatusBadge status={survey.status} />
              </td>
              <td data-label="Responses" class="numeric">
                {formatNumber(survey.responseCount)}
              </td>
              <td data-label="Last activity">
                <Show when={survey.lastActivityAt} fallback={<span class="muted">No responses yet</span>}>
                  {(iso) => <TimeAgo iso={iso()} />}
                </Show>
              </td>
              <td data-label="Created">
                <DateOnly iso={survey.createdAt} />
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
