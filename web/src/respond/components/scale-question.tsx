import { For, Show, createUniqueId } from "solid-js";
import { FieldsetQuestion } from "./question-parts";
import { questionIds, type PublicQuestionOf, type QuestionProps } from "./question-props";

/** Rating (1…scale) and NPS (0…10): a row of large radio "buttons" with end labels. */
export function ScaleQuestion(props: QuestionProps<PublicQuestionOf<"rating" | "nps">>) {
  const ids = () => questionIds(props.question.id);
  const endsId = createUniqueId();
  const min = () => (props.question.type === "nps" ? 0 : 1);
  const max = () => (props.question.type === "nps" ? 10 : props.question.scale);
  const points = () => Array.from({ length: max() - min() + 1 }, (_, index) => min() + index);
  const hasEnds = () => Boolean(props.question.lowLabel || props.question.highLabel);

  return (
    <FieldsetQuestion {...props} class={props.question.type === "nps" ? "q-scale q-nps" : "q-scale"}>
      <div class="scale" style={{ "--points": String(points().length) }} aria-describedby={hasEnds() ? endsId : undefined}>
        <For each={points()}>
          {(point) => (
            <label class="scale-point">
              <input
                type="radio"
                name={ids().input}
                value={point}
                checked={props.value === point}
                aria-invalid={props.error ? "true" : undefined}
                onChange={() => props.onChange(point)}
              />
              <span>{point}</span>
            </label>
          )}
        </For>
      </div>
      <Show when={hasEnds()}>
        <p class="scale-ends" id={endsId}>
          <span>
            <span class="visually-hidden">{min()}: </span>
            {props.question.lowLabel ?? ""}
          </span>
          <span>
            <span class="visually-hidden">{max()}: </span>
            {props.question.highLabel ?? ""}
          </span>
        </p>
      </Show>
    </FieldsetQuestion>
  );
}
