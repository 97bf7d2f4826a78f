import { Show } from "solid-js";
import { LabelledQuestion } from "./question-parts";
import { describedBy, questionIds, type PublicQuestionOf, type QuestionProps } from "./question-props";

export function NumberQuestion(props: QuestionProps<PublicQuestionOf<"number">>) {
  const ids = () => questionIds(props.question.id);
  return (
    <LabelledQuestion {...props}>
      <div class="number-row">
        <input
          id={ids().input}
          class="text-input number-input"
          type="number"
          inputMode={props.question.integer && (props.question.min ?? 0) >= 0 ? "numeric" : "decimal"}
          step={props.question.integer ? 1 : "any"}
          min={props.question.min}
          max={props.question.max}
          value={typeof props.value === "number" ? String(props.value) : ""}
          aria-describedby={describedBy(props)}
          aria-invalid={props.error ? "true" : undefined}
          aria-required={props.question.required ? "true" : undefined}
          onInput={(event) => {
            const input = event.currentTarget;
            const number = input.valueAsNumber;
            props.onChange(input.value === "" || Number.isNaN(number) ? undefined : number);
          }}
        />
        <Show when={props.question.unit}>
          <span class="unit">{props.question.unit}</span>
        </Show>
      </div>
    </LabelledQuestion>
  );
}
