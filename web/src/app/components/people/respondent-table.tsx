import { For, Show } from "solid-js";
import type { SurveyRespondent } from "../../lib/people-api";
import { outcomeLabel, pipelineLabels } from "./status-labels";

/** One page of a survey's respondents with a checkbox each for bulk selection. */
export function RespondentTable(props: {
  respondents: readonly SurveyRespondent[];
  isSelected: (id: string) => boolean;
  onToggle: (respondent: SurveyRespondent, selected: boolean) => void;
  onToggleAll: (selected: boolean) => void;
}) {
  const allSelected = () => props.respondents.length > 0 && props.respondents.every((r) => props.isSelected(r.id));
  return (
    <div class="table-scroll">
      <table class="table">
        <caption class="visually-hidden">Respondents</caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all respondents on this page"
                checked={allSelected()}
                onChange={(e) => props.onToggleAll(e.currentTarget.checked)}
              />
            </th>
            <th scope="col">Email</th>
            <th scope="col">Outcome</th>
            <th scope="col">Flags</th>
            <th scope="col">Segments</th>
            <th scope="col">Channel</th>
            <th scope="col">Interview</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.respondents}>
            {(r) => (
              <tr>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${r.email ?? "respondent without email"}`}
                    checked={props.isSelected(r.id)}
                    onChange={(e) => props.onToggle(r, e.currentTarget.checked)}
                  />
                </td>
                <td>
                  <span class="mono">{r.email ?? "(no email)"}</span>
                  <Show when={r.name}>
                    <span class="muted small"> · {r.name}</span>
                  </Show>
                  <Show when={r.unsubscribed}>
                    <span class="chip">Unsubscribed</span>
                  </Show>
                </td>
                <td>{outcomeLabel(r.outcome)}</td>
                <td>
                  <Show when={r.flags.length > 0} fallback={<span class="muted">—</span>}>
                    <For each={r.flags}>{(flag) => <span class="chip chip-trap">{flag}</span>}</For>
                  </Show>
                </td>
                <td>
                  <Show when={r.segments.length > 0} fallback={<span class="muted">—</span>}>
                    <For each={r.segments}>{(s) => <span class="chip">{s.name}</span>}</For>
                  </Show>
                </td>
                <td>{r.channel?.name ?? "—"}</td>
                <td>{pipelineLabels[r.pipelineStatus]}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
