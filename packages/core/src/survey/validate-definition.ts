/**
 * Publish-time checks. The schema already guarantees shape; these find what a
 * researcher would regret publishing: clashing ids, logic that points nowhere or
 * forwards, operators that cannot match, impossible ranges, screeners nobody can pass.
 * Every issue carries a stable `code` and the path of the offending field.
 */
import { z } from "zod";
import {
  TEXT_ANSWER_HARD_CAP,
  type AnswerCondition,
  type Condition,
  type ConditionGroup,
  type ConditionValue,
  type Question,
  type SurveyDefinition,
} from "./definition-schema";
import { allQuestions, questionsById } from "./all-questions";
import { choiceOptions, isAnswerable, isChoiceQuestion } from "./question-kinds";
import { operatorsByQuestionType, operatorValueKinds } from "../screener/operators";
import { issue, type Issue } from "../result";

type Path = (string | number)[];

const IsoDateSchema = z.iso.date();
const isIsoDate = (value: unknown): boolean => IsoDateSchema.safeParse(value).success;

/** Every semantic issue that should block publishing; `[]` means publishable. Example: `validateDefinition(def).map((i) => i.code)`. */
export function validateDefinition(def: SurveyDefinition): Issue[] {
  return [
    ...checkIds(def),
    ...checkStructure(def),
    ...allQuestions(def).flatMap(({ question, pageIndex, questionIndex }) =>
      checkQuestion(question, ["pages", pageIndex, "questions", questionIndex]),
    ),
    ...checkShowIfs(def),
    ...checkSegments(def),
    ...checkQuotas(def),
    ...checkConsent(def),
  ];
}

function duplicateIds(items: readonly { id: string }[], path: Path, what: string): Issue[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      return [];
    }
    return [issue([...path, index, "id"], "duplicate_id", `Another ${what} already uses the id "${item.id}"`)];
  });
}

function checkIds(def: SurveyDefinition): Issue[] {
  const issues = [
    ...duplicateIds(def.pages, ["pages"], "page"),
    ...duplicateIds(def.segments, ["segments"], "segment"),
    ...duplicateIds(def.quotas, ["quotas"], "quota"),
  ];
  // Question ids key the answers, so they must be unique across the whole survey.
  const seen = new Set<string>();
  for (const { question, pageIndex, questionIndex } of allQuestions(def)) {
    const path = ["pages", pageIndex, "questions", questionIndex];
    if (seen.has(question.id)) {
      issues.push(issue([...path, "id"], "duplicate_id", `Another question already uses the id "${question.id}"`));
    }
    seen.add(question.id);
    issues.push(...duplicateIds(choiceOptions(question), [...path, "options"], "option of this question"));
    if (question.type === "matrix") {
      issues.push(...duplicateIds(question.rows, [...path, "rows"], "row"));
      issues.push(...duplicateIds(question.columns, [...path, "columns"], "column"));
    }
  }
  return issues;
}

function checkStructure(def: SurveyDefinition): Issue[] {
  const issues = def.pages.flatMap((page, index) =>
    page.questions.length === 0
      ? [issue(["pages", index, "questions"], "empty_page", `Page ${index + 1} has no questions`)]
      : [],
  );
  if (!allQuestions(def).some(({ question }) => isAnswerable(question))) {
    issues.push(issue(["pages"], "no_questions", "Add at least one question that takes an answer"));
  }
  return issues;
}

function checkQuestion(question: Question, path: Path): Issue[] {
  const issues: Issue[] = [];
  if (isChoiceQuestion(question)) {
    const options = choiceOptions(question);
    if (options.length === 0) {
      issues.push(issue([...path, "options"], "empty_options", "Add at least one option"));
    }
    const allowOther = question.type !== "yes_no" && question.allowOther;
    // "Other" is neutral, so it is a way through even when every listed option rejects.
    if (options.length > 0 && !allowOther && options.every((o) => o.effect === "disqualify" || o.effect === "trap")) {
      issues.push(
        issue([...path, "options"], "no_passing_option", "Every option disqualifies or flags the respondent"),
      );
    }
    const labels = new Set<string>();
    options.forEach((option, index) => {
      const label = option.label.toLowerCase();
      // Two options with one label make results ambiguous for the researcher and the respondent.
      if (labels.has(label)) {
        issues.push(issue([...path, "options", index, "label"], "duplicate_label", `"${option.label}" appears twice`));
      }
      labels.add(label);
    });
  }
  if (question.type === "multiple_choice") {
    const { minSelections: min, maxSelections: max } = question;
    const choosable = question.options.length + (question.allowOther ? 1 : 0);
    if (min !== undefined && max !== undefined && min > max) {
      issues.push(issue([...path, "minSelections"], "invalid_range", "Minimum selections exceed the maximum"));
    } else if (min !== undefined && min > choosable) {
      issues.push(issue([...path, "minSelections"], "invalid_range", `Only ${choosable} options can be selected`));
    }
  }
  if ((question.type === "number" || question.type === "date") && question.min !== undefined) {
    if (question.max !== undefined && question.min > question.max) {
      issues.push(issue([...path, "min"], "invalid_range", "The minimum is above the maximum"));
    }
  }
  return issues;
}

function walkConditions(group: ConditionGroup, path: Path, visit: (condition: Condition, path: Path) => Issue[]) {
  return group.conditions.flatMap((item, index): Issue[] => {
    const itemPath = [...path, "conditions", index];
    return "conditions" in item ? walkConditions(item, itemPath, visit) : visit(item, itemPath);
  });
}

function checkChannelCondition(condition: Condition, path: Path): Issue[] {
  return condition.source === "channel" && condition.values.length === 0
    ? [issue([...path, "values"], "empty_condition", "Pick at least one channel or channel kind")]
    : [];
}

function checkShowIfs(def: SurveyDefinition): Issue[] {
  const placed = allQuestions(def);
  const position = new Map<string, number>();
  placed.forEach(({ question }, index) => {
    if (!position.has(question.id)) position.set(question.id, index);
  });
  const byId = questionsById(def);
  return placed.flatMap(({ question, pageIndex, questionIndex }, ownPosition) => {
    if (question.showIf === undefined) return [];
    const path = ["pages", pageIndex, "questions", questionIndex, "showIf"];
    return walkConditions(question.showIf, path, (condition, conditionPath) => {
      if (condition.source === "channel") return checkChannelCondition(condition, conditionPath);
      const target = byId.get(condition.questionId);
      const targetPosition = position.get(condition.questionId);
      if (target === undefined || targetPosition === undefined) return [dangling(condition, conditionPath)];
      // Logic may only look back: a question cannot depend on itself or on what comes after it.
      if (targetPosition >= ownPosition) {
        const message =
          targetPosition === ownPosition
            ? "A question cannot depend on its own answer"
            : `"${condition.questionId}" comes later in the survey`;
        return [issue([...conditionPath, "questionId"], "forward_reference", message)];
      }
      return checkOperator(condition, target, conditionPath);
    });
  });
}

function dangling(condition: AnswerCondition, path: Path): Issue {
  return issue([...path, "questionId"], "dangling_reference", `No question has the id "${condition.questionId}"`);
}

function checkSegments(def: SurveyDefinition): Issue[] {
  const byId = questionsById(def);
  return def.segments.flatMap((segment, index) => {
    const path = ["segments", index, "when"];
    // An empty rule holds for everyone, which is never what a named segment means.
    if (segment.when.conditions.length === 0) {
      return [issue([...path, "conditions"], "empty_condition", `Segment "${segment.name}" has no rule`)];
    }
    return walkConditions(segment.when, path, (condition, conditionPath) => {
      if (condition.source === "channel") return checkChannelCondition(condition, conditionPath);
      const target = byId.get(condition.questionId);
      return target === undefined ? [dangling(condition, conditionPath)] : checkOperator(condition, target, conditionPath);
    });
  });
}

function checkQuotas(def: SurveyDefinition): Issue[] {
  const segmentIds = new Set(def.segments.map((s) => s.id));
  const capped = new Set<string | null>();
  return def.quotas.flatMap((quota, index) => {
    const path = ["quotas", index, "segmentId"];
    const issues: Issue[] = [];
    if (quota.segmentId !== null && !segmentIds.has(quota.segmentId)) {
      issues.push(issue(path, "dangling_reference", `No segment has the id "${quota.segmentId}"`));
    }
    // Two caps on one audience: which one applies would be a guess.
    if (capped.has(quota.segmentId)) {
      issues.push(issue(path, "duplicate_quota", "Another quota already caps this audience"));
    }
    capped.add(quota.segmentId);
    return issues;
  });
}

/**
 * Rule: a survey that collects contact data — `settings.collectEmail` or any email
 * question — must state what the respondent consents to in `settings.consentText`,
 * because that text is stored with every respondent's consent.
 */
function checkConsent(def: SurveyDefinition): Issue[] {
  const collects =
    def.settings.collectEmail || allQuestions(def).some(({ question }) => question.type === "email");
  return collects && def.settings.consentText.trim() === ""
    ? [issue(["settings", "consentText"], "consent_required", "Say what respondents consent to when they leave an email")]
    : [];
}

function checkOperator(condition: AnswerCondition, target: Question, path: Path): Issue[] {
  if (!operatorsByQuestionType[target.type].includes(condition.operator)) {
    return [
      issue([...path, "operator"], "operator_mismatch", `"${condition.operator}" does not apply to a ${target.type} question`),
    ];
  }
  const problem = valueProblem(condition, target);
  return problem === null ? [] : [issue([...path, "value"], "operator_mismatch", problem)];
}

/** Why a condition's value cannot match answers to the target question, or null when it can. */
function valueProblem(condition: AnswerCondition, target: Question): string | null {
  const value: ConditionValue | undefined = condition.value;
  const optionIds = choiceOptions(target).map((o) => o.id);
  const isOption = (id: string) => optionIds.includes(id);
  switch (operatorValueKinds[condition.operator]) {
    case "none":
      return null;
    case "option_list": {
      if (!Array.isArray(value) || value.length === 0) return "Pick at least one option";
      const unknown = value.find((id) => !isOption(id));
      return unknown === undefined ? null : `"${unknown}" is not an option of this question`;
    }
    case "text":
      return typeof value === "string" && value !== "" ? null : "Enter the text to look for";
    case "ordered":
      return target.type === "date" ? dateProblem(value) : numberProblem(value);
    case "scalar":
      if (isChoiceQuestion(target)) {
        return typeof value === "string" && isOption(value) ? null : "Pick one of this question's options";
      }
      if (target.type === "number" || target.type === "rating" || target.type === "nps") return numberProblem(value);
      if (target.type === "date") return dateProblem(value);
      if (target.type === "consent") return typeof value === "boolean" ? null : "Compare with true or false";
      return typeof value === "string" && value.length <= TEXT_ANSWER_HARD_CAP ? null : "Enter the text to compare with";
  }
}

function numberProblem(value: ConditionValue | undefined): string | null {
  return typeof value === "number" ? null : "Compare with a number";
}

function dateProblem(value: ConditionValue | undefined): string | null {
  return isIsoDate(value) ? null : "Compare with a date (YYYY-MM-DD)";
}
