import { For, Show } from "solid-js";
import type { WorkspaceRespondent } from "../../lib/people-api";
import { outcomeLabel, pipelineLabels } from "./status-labels";
import { SelectableRespondentTable, type SelectableRespondentsProps } from "./selectable-respondent-table";
import { RespondentEmailCell } from "./respondent-email-cell";

const columns = ["Email", "Studies", "Channels", "Flags"] as const;

/** One page of the workspace's respondents: every study each took part in, with a checkbox for bulk selection. */
export function WorkspaceRespondentTable(props: SelectableRespondentsProps<WorkspaceRespondent>) {
  return (
    <SelectableRespondentTable {...props} caption="Respondents in this workspace" columns={columns}>
      {(r) => (
        <>
          <RespondentEmailCell respondent={r}>
            <Show when={r.erased}>
              <span class="chip">Erased</span>
            </Show>
          </RespondentEmailCell>
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
        </>
      )}
    </SelectableRespondentTable>
  );
}
