import { LabelledQuestion } from "./question-parts";
import { describedBy, questionIds, type PublicQuestionOf, type QuestionProps } from "./question-props";

export function DateQuestion(props: QuestionProps<PublicQuestionOf<"date">>) {
  return (
    <LabelledQuestion {...props}>
      <input
        id={questionIds(props.question.id).input}
        class="text-input date-input"
        type="date"
        min={props.question.min}
        max={props.question.max}
        value={typeof props.value === "string" ? props.value : ""}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? "true" : undefined}
        aria-required={props.question.required ? "true" : undefined}
        onInput={(event) => props.onChange(event.currentTarget.value || undefined)}
      />
    </LabelledQuestion>
  );
}
