import type { JSX } from "solid-js";
import type { PublicQuestion } from "@sieve/core";
import { SingleChoiceQuestion, MultipleChoiceQuestion } from "./choice-question";
import { ConsentQuestion } from "./consent-question";
import { DateQuestion } from "./date-question";
import { DropdownQuestion } from "./dropdown-question";
import { MatrixQuestion } from "./matrix-question";
import { NumberQuestion } from "./number-question";
import type { QuestionProps } from "./question-props";
import { ScaleQuestion } from "./scale-question";
import { StatementBlock } from "./statement-block";
import { TextQuestion } from "./text-question";

/** Renders any question by type. Keyed on the question object, so a new question gets fresh state. */
export function QuestionField(props: QuestionProps): JSX.Element {
  return <>{render(props)}</>;
}

function render(props: QuestionProps): JSX.Element {
  const question: PublicQuestion = props.question;
  const pass = {
    get value() {
      return props.value;
    },
    get error() {
      return props.error;
    },
    get strings() {
      return props.strings;
    },
    get seed() {
      return props.seed;
    },
    onChange: (value: QuestionProps["value"]) => props.onChange(value),
  };
  switch (question.type) {
    case "single_choice":
    case "yes_no":
      return <SingleChoiceQuestion {...pass} question={question} />;
    case "multiple_choice":
      return <MultipleChoiceQuestion {...pass} question={question} />;
    case "dropdown":
      return <DropdownQuestion {...pass} question={question} />;
    case "short_text":
    case "long_text":
    case "email":
      return <TextQuestion {...pass} question={question} />;
    case "number":
      return <NumberQuestion {...pass} question={question} />;
    case "rating":
    case "nps":
      return <ScaleQuestion {...pass} question={question} />;
    case "matrix":
      return <MatrixQuestion {...pass} question={question} />;
    case "date":
      return <DateQuestion {...pass} question={question} />;
    case "consent":
      return <ConsentQuestion {...pass} question={question} />;
    case "statement":
      return <StatementBlock question={question} />;
  }
}
