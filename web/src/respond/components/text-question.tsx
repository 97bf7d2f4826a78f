import { Match, Switch } from "solid-js";
import { LabelledQuestion } from "./question-parts";
import { describedBy, questionIds, type PublicQuestionOf, type QuestionProps } from "./question-props";

const TEXT_CAP = 10000;

/** Short text, long text and email. */
export function TextQuestion(props: QuestionProps<PublicQuestionOf<"short_text" | "long_text" | "email">>) {
  const ids = () => questionIds(props.question.id);
  const text = () => (typeof props.value === "string" ? props.value : "");
  const maxLength = () => ("maxLength" in props.question && props.question.maxLength) || TEXT_CAP;
  const onInput = (value: string) => props.onChange(value === "" ? undefined : value);
  const common = () => ({
    id: ids().input,
    "aria-describedby": describedBy(props),
    "aria-invalid": props.error ? ("true" as const) : undefined,
    "aria-required": props.question.required ? ("true" as const) : undefined,
  });

  return (
    <LabelledQuestion {...props}>
      <Switch>
        <Match when={props.question.type === "long_text"}>
          <textarea
            {...common()}
            class="text-input textarea-input"
            rows={5}
            maxLength={maxLength()}
            value={text()}
            onInput={(event) => onInput(event.currentTarget.value)}
          />
        </Match>
        <Match when={props.question.type === "email"}>
          <input
            {...common()}
            class="text-input"
            type="email"
            inputMode="email"
            autocomplete="email"
            autocapitalize="off"
            spellcheck={false}
            maxLength={254}
            value={text()}
            onInput={(event) => onInput(event.currentTarget.value)}
          />
        </Match>
        <Match when={true}>
          <input
            {...common()}
            class="text-input"
            type="text"
            maxLength={maxLength()}
            value={text()}
            onInput={(event) => onInput(event.currentTarget.value)}
          />
        </Match>
      </Switch>
    </LabelledQuestion>
  );
}
