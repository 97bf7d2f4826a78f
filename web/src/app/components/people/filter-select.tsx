import { For, Show } from "solid-js";

export interface FilterChoice {
  value: string;
  label: string;
}

/**
 * One labelled filter dropdown. `any` names the empty choice ("" means "any"), listed first.
 * Each option says whether it is selected: choices may arrive after the value (from the URL) is set.
 */
export function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  any?: string;
  choices: readonly FilterChoice[];
  onChange: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <Show when={props.any}>{(any) => <option value="">{any()}</option>}</Show>
        <For each={props.choices}>
          {(c) => (
            <option value={c.value} selected={c.value === props.value}>
              {c.label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
