// A choice question's options, each with its screener effect: qualify, disqualify,
// trap or none. The effect is a labelled select with a coloured marker, so what an
// option does is readable at a glance and by a screen reader.
import { For, Show } from "solid-js";
import type { Issue, Option } from "@sieve/core";
import { addOption, moveOption, removeOption, setOptionEffect, updateOption, type Edit } from "../../editor/definition-ops";
import type { NewId } from "../../editor/ids";
import { fieldId, issuesAt, messageAt, type IssuePath } from "../../editor/issues";
import { effectChoice, effectChoices, effectFromChoice, effectHints, effectLabels, type EffectChoice } from "../../editor/labels";
import { InlineIssues } from "./fields";
import { CloseIcon, DownIcon, UpIcon } from "./icons";

export function OptionListEditor(props: {
  questionId: string;
  options: readonly Option[];
  /** yes/no: two fixed options; labels and effects change, the list does not. */
  fixed: boolean;
  /** The question's path, e.g. `["pages", 0, "questions", 1]`. */
  path: IssuePath;
  issues: readonly Issue[];
  newId: NewId;
  onEdit: (edit: Edit) => void;
}) {
  const optionsPath = () => [...props.path, "options"];
  const labelId = (index: number) => fieldId([...optionsPath(), index, "label"]);
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  function add(afterId?: string) {
    const option: Option = { id: props.newId("opt"), label: `Option ${props.options.length + 1}`, effect: null };
    const index = afterId === undefined ? props.options.length : props.options.findIndex((o) => o.id === afterId) + 1;
    props.onEdit((def) => addOption(def, props.questionId, option, afterId));
    focusLater(labelId(index));
  }

  return (
    <fieldset class="option-editor">
      <legend>Options and screener effects</legend>
      <p class="hint">
        Each option can qualify, disqualify, or be a trap (a fake answer that flags fraud). Respondents never see the
        effects.
      </p>
      <ol class="option-rows">
        <For each={props.options}>
          {(option, index) => {
            const effectId = () => fieldId([...optionsPath(), index(), "effect"]);
            const labelError = () => messageAt(props.issues, [...optionsPath(), index(), "label"]);
            const choice = () => effectChoice(option.effect);
            return (
              <li class={`option-row effect-${choice()}`}>
                <span class="effect-marker" aria-hidden="true" />
                <div class="field option-label">
                  <label for={labelId(index())} class="visually-hidden">
                    Option {index() + 1} label
                  </label>
                  <input
                    id={labelId(index())}
                    value={option.label}
                    maxLength={300}
                    aria-invalid={labelError() ? "true" : undefined}
                    aria-describedby={labelError() ? `${labelId(index())}-error` : undefined}
                    onInput={(event) => {
                      const label = event.currentTarget.value;
                      props.onEdit((def) => updateOption(def, props.questionId, option.id, { label }));
                    }}
                    onKeyDown={(event) => {
                      if (event.key === "Enter" && !props.fixed) {
                        event.preventDefault();
                        add(option.id);
                      }
                    }}
                  />
                  <Show when={labelError()}>
                    <p id={`${labelId(index())}-error`} class="field-error">
                      {labelError()}
                    </p>
                  </Show>
                </div>
                <div class="field option-effect">
                  <label for={effectId()} class="visually-hidden">
                    Screener effect of “{option.label}”
                  </label>
                  <select
                    id={effectId()}
                    class={`effect-select effect-${choice()}`}
                    value={choice()}
                    title={effectHints[choice()]}
                    onChange={(event) => {
                      const picked = effectChoices.find((c) => c === event.currentTarget.value);
                      if (picked) props.onEdit((def) => setOptionEffect(def, props.questionId, option.id, effectFromChoice(picked)));
                    }}
                  >
                    <For each={effectChoices}>
                      {(value: EffectChoice) => (
                        <option value={value} selected={choice() === value}>
                          {effectLabels[value]}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
                <Show when={!props.fixed}>
                  <div class="option-actions">
                    <button
                      type="button"
                      class="icon-button"
                      aria-disabled={index() === 0 ? "true" : undefined}
                      onClick={() => {
                        if (index() > 0) props.onEdit((def) => moveOption(def, props.questionId, option.id, -1));
                      }}
                    >
                      <UpIcon />
                      <span class="visually-hidden">Move “{option.label}” up</span>
                    </button>
                    <button
                      type="button"
                      class="icon-button"
                      aria-disabled={index() === props.options.length - 1 ? "true" : undefined}
                      onClick={() => {
                        if (index() < props.options.length - 1) {
                          props.onEdit((def) => moveOption(def, props.questionId, option.id, 1));
                        }
                      }}
                    >
                      <DownIcon />
                      <span class="visually-hidden">Move “{option.label}” down</span>
                    </button>
                    <button
                      type="button"
                      class="icon-button icon-button-danger"
                      onClick={() => {
                        const focusIndex = Math.min(index(), props.options.length - 2);
                        props.onEdit((def) => removeOption(def, props.questionId, option.id));
                        if (focusIndex >= 0) focusLater(labelId(focusIndex));
                      }}
                    >
                      <CloseIcon />
                      <span class="visually-hidden">Remove option “{option.label}”</span>
                    </button>
                  </div>
                </Show>
              </li>
            );
          }}
        </For>
      </ol>
      <InlineIssues messages={issuesAt(props.issues, optionsPath()).map((issue) => issue.message)} />
      <Show when={!props.fixed}>
        <div>
          <button type="button" class="button button-small" onClick={() => add()}>
            Add option
          </button>
          <span class="hint"> Tip: press Enter in an option to add one below it.</span>
        </div>
      </Show>
    </fieldset>
  );
}
