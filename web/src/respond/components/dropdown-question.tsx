import { For, Show, createSignal } from "solid-js";
import { shuffleOptions } from "../core";
import { LabelledQuestion } from "./question-parts";
import { OTHER, describedBy, isOtherAnswer, questionIds, type PublicQuestionOf, type QuestionProps } from "./question-props";

export function DropdownQuestion(props: QuestionProps<PublicQuestionOf<"dropdown">>) {
  const ids = () => questionIds(props.question.id);
  const options = () =>
    props.question.randomize
      ? shuffleOptions(props.question.options, `${props.seed}:${props.question.id}`)
      : props.question.options;
  const [otherText, setOtherText] = createSignal(isOtherAnswer(props.value) ? props.value.other : "");
  const selectValue = () => (isOtherAnswer(props.value) ? OTHER : typeof props.value === "string" ? props.value : "");
  let otherInput: HTMLInputElement | undefined;

  return (
    <LabelledQuestion {...props}>
      <select
        id={ids().input}
        class="select-input"
        value={selectValue()}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? "true" : undefined}
        aria-required={props.question.required ? "true" : undefined}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (value === OTHER) {
            props.onChange({ other: otherText() });
            queueMicrotask(() => otherInput?.focus());
          } else props.onChange(value === "" ? undefined : value);
        }}
      >
        <option value="">{props.strings.selectPlaceholder}</option>
        <For each={options()}>{(option) => <option value={option.id}>{option.label}</option>}</For>
        <Show when={props.question.allowOther}>
          <option value={OTHER}>{props.strings.other}</option>
        </Show>
      </select>
      <Show when={isOtherAnswer(props.value)}>
        <label class="visually-hidden" for={`${ids().input}-other`}>
          {props.strings.other}: {props.strings.otherSpecify}
        </label>
        <input
          ref={otherInput}
          id={`${ids().input}-other`}
          class="text-input other-input"
          type="text"
          maxLength={1000}
          placeholder={props.strings.otherSpecify}
          value={otherText()}
          onInput={(event) => {
            setOtherText(event.currentTarget.value);
            props.onChange({ other: event.currentTarget.value });
          }}
        />
      </Show>
    </LabelledQuestion>
  );
}
