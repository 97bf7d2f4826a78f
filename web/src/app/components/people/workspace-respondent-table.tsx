import { For, Show } from "solid-js";
import type { WorkspaceRespondent } from "../../lib/people-api";
import { outcomeLabel, pipelineLabels } from "./status-labels";

/** One page of the workspace's respondents: every study each took part in, with a checkbox for bulk selection. */
export function WorkspaceRespondentTable(props: {
  respondents: readonly WorkspaceRespondent[];
  isSelected: (id: string) => boolean;
  onToggle: (respondent: WorkspaceRespondent, selected: boolean) => void;
  onToggleAll: (selected: boolean) => void;
}) {
  const allSelected = () => props.respondents.length > 0 && props.respondents.every((r) => props.isSelected(r.id));
  return (
    <div class="table-scroll">
      <table class="table">
        <caption class="visually-hidden">Respondents in this workspace</caption>
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" aria-label="Select all respondents on this page" checked={allSelected()} onChange={(e) => props.onToggleAll(e.currentTarget.checked)} />
            </th>
            <th scope="col">Email</th>
            <th scope="col">Studies</th>
            <th scope="col">Channels</th>
            <th scope="col">Flags</th>
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
                  <Show when={r.erased}>
                    <span class="chip">Erased</span>
                  </Show>
                </td>
                <td>
                  <Show when={r.studies.length > 0} fallback={<span class="muted">—</span>}>
                    <ul class="study-list">
                      <For each={r.studies}>
                        {(s) => (
                          <li>
                            <a href={`/app/surveys/${encodeURIComponent(s.surveyId)}/people`}>{s.surveyTitle}</a>
                            <span class="muted small">
                              {" "}
                              · {outcomeLabel(s.outcome)}
                              <Show when={s.interview}>{(i) => <> · {pipelineLabels[i().status]}</>}</Show>
                            </span>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </td>
                <td>{r.channels.length > 0 ? r.channels.join(", ") : "—"}</td>
                <td>
                  <Show when={r.flagged} fallback={<span class="muted">—</span>}>
                    <span class="chip chip-trap">Flagged</span>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
