import { FieldsetQuestion } from "./question-parts";
import { LinkedText } from "./linked-text";
import { questionIds, type PublicQuestionOf, type QuestionProps } from "./question-props";

export function ConsentQuestion(props: QuestionProps<PublicQuestionOf<"consent">>) {
  return (
    <FieldsetQuestion {...props} class="q-consent">
      <div class="consent-text">
        <LinkedText text={props.question.text} />
      </div>
      <label class="choice">
        <input
          id={questionIds(props.question.id).input}
          type="checkbox"
          checked={props.value === true}
          aria-invalid={props.error ? "true" : undefined}
          onChange={(event) => props.onChange(event.currentTarget.checked ? true : undefined)}
        />
        <span>{props.strings.consentAgree}</span>
      </label>
    </FieldsetQuestion>
  );
}
