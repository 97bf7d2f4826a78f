/** New questions of each type, and changing a question's type without losing what carries over. */
import type { Option, Question, QuestionOf, QuestionType } from "@sieve/core";
import type { NewId } from "./ids";

export const questionTypeLabels: Record<QuestionType, string> = {
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
  statement: "Statement (no answer)",
};

/** The order types are offered in: screener staples first. */
export const questionTypeOrder: readonly QuestionType[] = [
  "single_choice",
  "multiple_choice",
  "yes_no",
  "dropdown",
  "short_text",
  "long_text",
  "email",
  "number",
  "rating",
  "nps",
  "matrix",
  "date",
  "consent",
  "statement",
];

type Common = Pick<Question, "id" | "title" | "required"> & { help?: string; showIf?: Question["showIf"] };

function option(newId: NewId, label: string): Option {
  return { id: newId("opt"), label, effect: null };
}

const defaultTitles: Record<QuestionType, string> = {
  single_choice: "Which of these describes you best?",
  multiple_choice: "Which of these do you use?",
  dropdown: "Pick one",
  yes_no: "Do you …?",
  short_text: "Your answer in a few words",
  long_text: "Tell us more",
  email: "Your email address",
  number: "How many?",
  rating: "How would you rate it?",
  nps: "How likely are you to recommend us to a friend or colleague?",
  matrix: "How much do you agree?",
  date: "When?",
  consent: "Consent",
  statement: "A note before the next questions",
};

/** A fresh question of `type` with placeholder text the researcher will overwrite. */
export function newQuestion(type: QuestionType, newId: NewId): Question {
  return withType({ id: newId("q"), title: defaultTitles[type], required: false }, type, newId, []);
}

/** Options a choice-like question carries, for reuse when the type changes. */
function carriedOptions(question: Question): Option[] {
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
    case "dropdown":
    case "yes_no":
      return question.options;
    default:
      return [];
  }
}

/**
 * The same question as another type: title, help, required and show-if carry over;
 * options carry between single, multiple and dropdown. Example: `changeType(q, "dropdown", newId)`.
 */
export function changeType(question: Question, type: QuestionType, newId: NewId): Question {
  if (question.type === type) return question;
  const common: Common = {
    id: question.id,
    title: question.title,
    required: question.required,
    ...(question.help !== undefined ? { help: question.help } : {}),
    ...(question.showIf !== undefined ? { showIf: question.showIf } : {}),
  };
  return withType(common, type, newId, carriedOptions(question));
}

function withType(common: Common, type: QuestionType, newId: NewId, options: Option[]): Question {
  const choiceOptions = options.length > 0 ? options : [option(newId, "Option 1"), option(newId, "Option 2")];
  switch (type) {
    case "single_choice":
    case "dropdown":
      return { ...common, type, options: choiceOptions, randomize: false, allowOther: false };
    case "multiple_choice":
      return { ...common, type, options: choiceOptions, randomize: false, allowOther: false };
    case "yes_no": {
      const yesNo: QuestionOf<"yes_no"> = {
        ...common,
        type,
        options: [
          { id: "yes", label: "Yes", effect: null },
          { id: "no", label: "No", effect: null },
        ],
      };
      return yesNo;
    }
    case "short_text":
    case "long_text":
    case "email":
    case "nps":
      return { ...common, type };
    case "number":
      return { ...common, type, integer: false };
    case "rating":
      return { ...common, type, scale: 5 };
    case "matrix":
      return {
        ...common,
        type,
        rows: [
          { id: newId("row"), label: "Row 1" },
          { id: newId("row"), label: "Row 2" },
        ],
        columns: [
          { id: newId("col"), label: "Disagree" },
          { id: newId("col"), label: "Neutral" },
          { id: newId("col"), label: "Agree" },
        ],
      };
    case "date":
      return { ...common, type };
    case "consent":
      return { ...common, type, text: "I agree to …" };
    case "statement":
      return { ...common, type, body: "" };
  }
}
