import { For, Show, type JSX } from "solid-js";
import type { Option, Question, QuestionType, SurveyDefinition } from "@sieve/core";

const typeLabels: Record<QuestionType, string> = {
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  dropdown: "Dropdown",
  yes_no: "Yes / no",
  short_text: "Short text",
  long_text: "Long text",
  email: "Email",
  number: "Number",
  rating: "Rating",
  nps: "NPS (0–10)",
  matrix: "Matrix",
  date: "Date",
  consent: "Consent",
  statement: "Statement",
};

const effectLabels = { qualify: "Qualifies", disqualify: "Disqualifies", trap: "Trap" } as const;

/** The draft's questions, page by page, read-only. */
export function QuestionOutline(props: { definition: SurveyDefinition }) {
  return (
    <Show
      when={props.definition.pages.some((page) => page.questions.length > 0)}
      fallback={<p class="muted">This survey has no questions yet.</p>}
    >
      <ol class="page-list">
        <For each={props.definition.pages}>
          {(page, pageIndex) => (
            <li class="page-card">
              <h3>
                Page {pageIndex() + 1}
                <Show when={page.title}>
                  {(title) => <span class="muted"> · {title()}</span>}
                </Show>
              </h3>
              <Show when={page.questions.length > 0} fallback={<p class="muted">Empty page</p>}>
                <ol class="question-list">
                  <For each={page.questions}>{(question) => <QuestionSummary question={question} />}</For>
                </ol>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}

function QuestionSummary(props: { question: Question }) {
  return (
    <li class="question-summary">
      <div class="question-summary-head">
        <span class="question-title">{props.question.title}</span>
        <span class="chip">{typeLabels[props.question.type]}</span>
        <Show when={props.question.required}>
          <span class="chip chip-strong">Required</span>
        </Show>
        <Show when={props.question.showIf && props.question.showIf.conditions.length > 0}>
          <span class="chip" title="Shown only when its conditions hold">
            Conditional
          </span>
        </Show>
      </div>
      <Show when={props.question.help}>
        <p class="muted small">{props.question.help}</p>
      </Show>
      <QuestionDetail question={props.question} />
    </li>
  );
}

function QuestionDetail(props: { question: Question }) {
  return <>{detail(props.question)}</>;
}

function detail(question: Question): JSX.Element {
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
    case "dropdown":
      return <OptionList options={question.options} other={question.allowOther} />;
    case "yes_no":
      return <OptionList options={question.options} other={false} />;
    case "matrix":
      return (
        <p class="muted small">
          Rows: {question.rows.map((row) => row.label).join(", ")}. Columns:{" "}
          {question.columns.map((column) => column.label).join(", ")}.
        </p>
      );
    case "rating":
      return <p class="muted small">Scale 1–{question.scale}</p>;
    case "number": {
      const range = [question.min, question.max].map((value) => (value === undefined ? "…" : String(value)));
      return question.min === undefined && question.max === undefined ? null : (
        <p class="muted small">
          Range {range[0]}–{range[1]}
          {question.unit ? ` ${question.unit}` : ""}
        </p>
      );
    }
    case "consent":
      return <p class="muted small prewrap">{question.text}</p>;
    case "statement":
      return question.body ? <p class="muted small prewrap">{question.body}</p> : null;
    default:
      return null;
  }
}

function OptionList(props: { options: readonly Option[]; other: boolean }) {
  return (
    <ul class="option-list">
      <For each={props.options}>
        {(option) => (
          <li>
            {option.label}
            <Show when={option.effect}>
              {(effect) => <span class={`chip chip-${effect()}`}>{effectLabels[effect()]}</span>}
            </Show>
          </li>
        )}
      </For>
      <Show when={props.other}>
        <li class="muted">Other (free text)</li>
      </Show>
    </ul>
  );
}
