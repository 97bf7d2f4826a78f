import { Show } from "solid-js";
import { LinkedText } from "./linked-text";
import { questionIds, type PublicQuestionOf } from "./question-props";

export function StatementBlock(props: { question: PublicQuestionOf<"statement"> }) {
  return (
    <section id={questionIds(props.question.id).root} class="question statement">
      <h2 class="q-title">{props.question.title}</h2>
      <Show when={props.question.help}>
        <p class="q-help">{props.question.help}</p>
      </Show>
      <Show when={props.question.body}>
        <LinkedText text={props.question.body} />
      </Show>
    </section>
  );
}
