import { For, type JSX } from "solid-js";
import type { Pickable } from "../../lib/selection";

/** What a respondent table takes: one page of rows, with a checkbox each for bulk selection. */
export interface SelectableRespondentsProps<R extends Pickable> {
  respondents: readonly R[];
  isSelected: (id: string) => boolean;
  onToggle: (respondent: R, selected: boolean) => void;
  onToggleAll: (selected: boolean) => void;
}

/**
 * A respondent table with a checkbox column first (the header's ticks the whole page);
 * `columns` names the other columns and `children` renders a row's cells for them.
 */
export function SelectableRespondentTable<R extends Pickable>(
  props: SelectableRespondentsProps<R> & { caption: string; columns: readonly string[]; children: (respondent: R) => JSX.Element },
) {
  const allSelected = () => props.respondents.length > 0 && props.respondents.every((r) => props.isSelected(r.id));
  return (
    <div class="table-scroll">
      <table class="table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" aria-label="Select all respondents on this page" checked={allSelected()} onChange={(e) => props.onToggleAll(e.currentTarget.checked)} />
            </th>
            <For each={props.columns}>{(column) => <th scope="col">{column}</th>}</For>
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
                {props.children(r)}
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
