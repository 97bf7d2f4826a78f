import { Show, type JSX } from "solid-js";
import type { Strings } from "../i18n";
import { questionIds, type QuestionProps } from "./question-props";

/** The title plus a visible "*" and a spoken "required". */
export function QuestionTitle(props: { title: string; required: boolean; strings: Strings }) {
  return (
    <>
      <span class="q-title">{props.title}</span>
      <Show when={props.required}>
        <span class="q-required" aria-hidden="true">
          {" *"}
        </span>
        <span class="visually-hidden"> ({props.strings.required})</span>
      </Show>
    </>
  );
}

export function QuestionHelp(props: { questionId: string; help: string | undefined }) {
  return (
    <Show when={props.help}>
      <p id={questionIds(props.questionId).help} class="q-help">
        {props.help}
      </p>
    </Show>
  );
}

export function QuestionError(props: { questionId: string; error: string | undefined }) {
  return (
    <Show when={props.error}>
      <p id={questionIds(props.questionId).error} class="q-error">
        <span aria-hidden="true">! </span>
        {props.error}
      </p>
    </Show>
  );
}

/** A question whose answer is a group of controls: fieldset + legend. */
export function FieldsetQuestion(props: QuestionProps & { children: JSX.Element; class?: string }) {
  const ids = () => questionIds(props.question.id);
  const describedBy = () =>
    [props.question.help ? ids().help : "", props.error ? ids().error : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      id={ids().root}
      class={`question ${props.class ?? ""}`}
      classList={{ "has-error": Boolean(props.error) }}
      aria-describedby={describedBy()}
    >
      <legend>
        <QuestionTitle title={props.question.title} required={props.question.required} strings={props.strings} />
      </legend>
      <QuestionHelp questionId={props.question.id} help={props.question.help} />
      {props.children}
      <QuestionError questionId={props.question.id} error={props.error} />
    </fieldset>
  );
}

/** A question answered in one control: label + input. */
export function LabelledQuestion(props: QuestionProps & { children: JSX.Element }) {
  const ids = () => questionIds(props.question.id);
  return (
    <div id={ids().root} class="question" classList={{ "has-error": Boolean(props.error) }}>
      <label for={ids().input} class="q-label">
        <QuestionTitle title={props.question.title} required={props.question.required} strings={props.strings} />
      </label>
      <QuestionHelp questionId={props.question.id} help={props.question.help} />
      {props.children}
      <QuestionError questionId={props.question.id} error={props.error} />
    </div>
  );
}
