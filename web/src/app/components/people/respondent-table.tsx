import { For, Show } from "solid-js";
import type { SurveyRespondent } from "../../lib/people-api";
import { outcomeLabel, pipelineLabels } from "./status-labels";
import { SelectableRespondentTable, type SelectableRespondentsProps } from "./selectable-respondent-table";
import { RespondentEmailCell } from "./respondent-email-cell";

const columns = ["Email", "Outcome", "Flags", "Segments", "Channel", "Interview"] as const;

/** One page of a survey's respondents with a checkbox each for bulk selection. */
export function RespondentTable(props: SelectableRespondentsProps<SurveyRespondent>) {
  return (
    <SelectableRespondentTable {...props} caption="Respondents" columns={columns}>
      {(r) => (
        <>
          <RespondentEmailCell respondent={r} />
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
        </>
      )}
    </SelectableRespondentTable>
  );
}
