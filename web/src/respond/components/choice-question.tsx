import { For, Show, createSignal } from "solid-js";
import { shuffleOptions } from "../core";
import { FieldsetQuestion } from "./question-parts";
import { OTHER, isOtherAnswer, questionIds, type PublicQuestionOf, type QuestionProps } from "./question-props";

type SingleLike = PublicQuestionOf<"single_choice" | "yes_no">;

/** Single choice and yes/no: one radio per option, plus "Other" with a text field. */
export function SingleChoiceQuestion(props: QuestionProps<SingleLike>) {
  const ids = () => questionIds(props.question.id);
  const allowOther = () => props.question.type === "single_choice" && props.question.allowOther;
  const options = () =>
    props.question.type === "single_choice" && props.question.randomize
      ? shuffleOptions(props.question.options, `${props.seed}:${props.question.id}`)
      : props.question.options;
  const [otherText, setOtherText] = createSignal(isOtherAnswer(props.value) ? props.value.other : "");
  const otherSelected = () => isOtherAnswer(props.value);

  return (
    <FieldsetQuestion {...props} class={props.question.type === "yes_no" ? "q-yes-no" : undefined}>
      <div class="choices">
        <For each={options()}>
          {(option) => (
            <label class="choice">
              <input
                type="radio"
                name={ids().input}
                value={option.id}
                checked={props.value === option.id}
                aria-invalid={props.error ? "true" : undefined}
                onChange={() => props.onChange(option.id)}
              />
              <span>{option.label}</span>
            </label>
          )}
        </For>
        <Show when={allowOther()}>
          <OtherChoice
            type="radio"
            name={ids().input}
            inputId={`${ids().input}-other`}
            label={props.strings.other}
            specify={props.strings.otherSpecify}
            checked={otherSelected()}
            text={otherText()}
            onToggle={() => props.onChange({ other: otherText() })}
            onText={(text) => {
              setOtherText(text);
              props.onChange({ other: text });
            }}
          />
        </Show>
      </div>
    </FieldsetQuestion>
  );
}

/** Multiple choice: checkboxes, plus "Other" with a text field. */
export function MultipleChoiceQuestion(props: QuestionProps<PublicQuestionOf<"multiple_choice">>) {
  const ids = () => questionIds(props.question.id);
  const options = () =>
    props.question.randomize
      ? shuffleOptions(props.question.options, `${props.seed}:${props.question.id}`)
      : props.question.options;
  const selected = () => (Array.isArray(props.value) ? props.value : []);
  const otherEntry = () => selected().find(isOtherAnswer);
  const [otherText, setOtherText] = createSignal(otherEntry()?.other ?? "");

  const chosenIds = () => selected().filter((item): item is string => typeof item === "string");

  function emit(chosen: string[], other: { other: string } | undefined) {
    const next = other ? [...chosen, other] : chosen;
    props.onChange(next.length > 0 ? next : undefined);
  }

  function toggle(optionId: string, on: boolean) {
    const chosen = new Set(chosenIds());
    if (on) chosen.add(optionId);
    else chosen.delete(optionId);
    // The answer keeps the definition's option order, whatever order was shown.
    emit(
      props.question.options.map((option) => option.id).filter((id) => chosen.has(id)),
      otherEntry(),
    );
  }

  return (
    <FieldsetQuestion {...props}>
      <div class="choices">
        <For each={options()}>
          {(option) => (
            <label class="choice">
              <input
                type="checkbox"
                name={ids().input}
                value={option.id}
                checked={selected().includes(option.id)}
                aria-invalid={props.error ? "true" : undefined}
                onChange={(event) => toggle(option.id, event.currentTarget.checked)}
              />
              <span>{option.label}</span>
            </label>
          )}
        </For>
        <Show when={props.question.allowOther}>
          <OtherChoice
            type="checkbox"
            name={ids().input}
            inputId={`${ids().input}-other`}
            label={props.strings.other}
            specify={props.strings.otherSpecify}
            checked={otherEntry() !== undefined}
            text={otherText()}
            onToggle={(on) => emit(chosenIds(), on ? { other: otherText() } : undefined)}
            onText={(text) => {
              setOtherText(text);
              emit(chosenIds(), { other: text });
            }}
          />
        </Show>
      </div>
    </FieldsetQuestion>
  );
}

/** The "Other" choice; its text field appears (and takes focus) once it is chosen. */
function OtherChoice(props: {
  type: "radio" | "checkbox";
  name: string;
  inputId: string;
  label: string;
  specify: string;
  checked: boolean;
  text: string;
  onToggle: (on: boolean) => void;
  onText: (text: string) => void;
}) {
  let textInput: HTMLInputElement | undefined;
  return (
    <div class="choice-other" classList={{ "is-checked": props.checked }}>
      <label class="choice">
        <input
          type={props.type}
          name={props.name}
          value={OTHER}
          checked={props.checked}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            props.onToggle(on);
            if (on) queueMicrotask(() => textInput?.focus());
          }}
        />
        <span>{props.label}</span>
      </label>
      <Show when={props.checked}>
        <label class="visually-hidden" for={props.inputId}>
          {props.label}: {props.specify}
        </label>
        <input
          ref={textInput}
          id={props.inputId}
          class="text-input other-input"
          type="text"
          maxLength={1000}
          placeholder={props.specify}
          value={props.text}
          onInput={(event) => props.onText(event.currentTarget.value)}
        />
      </Show>
    </div>
  );
}
