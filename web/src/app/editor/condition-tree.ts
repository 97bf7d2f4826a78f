/**
 * Pure edits of a condition tree (show-if rules and segment rules share the shape).
 * An item is addressed by its path of indices: `[2]` is the third item of the root
 * group, `[2, 0]` the first item of the group at `[2]`. Every function returns a new
 * tree and leaves its input alone.
 */
import {
  choiceOptions,
  operatorsByQuestionType,
  operatorValueKinds,
  type AnswerCondition,
  type AnswerOperator,
  type ChannelCondition,
  type Condition,
  type ConditionGroup,
  type ConditionValue,
  type Question,
} from "@sieve/core";

export type ConditionItem = Condition | ConditionGroup;
export type TreePath = readonly number[];

/** How deep groups may nest in the builder: a group in a group is plenty for people to read. */
export const MAX_GROUP_DEPTH = 2;

export function isGroup(item: ConditionItem): item is ConditionGroup {
  return "conditions" in item;
}

export function emptyGroup(op: ConditionGroup["op"] = "and"): ConditionGroup {
  return { op, conditions: [] };
}

/** The item at `path`, or undefined when the path leads nowhere. */
export function itemAt(group: ConditionGroup, path: TreePath): ConditionItem | undefined {
  let current: ConditionItem = group;
  for (const index of path) {
    if (!isGroup(current)) return undefined;
    const next: ConditionItem | undefined = current.conditions[index];
    if (next === undefined) return undefined;
    current = next;
  }
  return current;
}

/** Replaces the item at `path` with `fn(item)`; the root is `[]`. */
export function updateAt(
  group: ConditionGroup,
  path: TreePath,
  fn: (item: ConditionItem) => ConditionItem,
): ConditionGroup {
  const [head, ...rest] = path;
  if (head === undefined) {
    const next = fn(group);
    return isGroup(next) ? next : group;
  }
  const child = group.conditions[head];
  if (child === undefined) return group;
  const replaced = rest.length === 0 ? fn(child) : isGroup(child) ? updateAt(child, rest, fn) : child;
  if (replaced === child) return group;
  return { ...group, conditions: group.conditions.map((item, index) => (index === head ? replaced : item)) };
}

/** Removes the item at `path` (not the root). */
export function removeAt(group: ConditionGroup, path: TreePath): ConditionGroup {
  const parentPath = path.slice(0, -1);
  const index = path[path.length - 1];
  if (index === undefined) return group;
  return updateAt(group, parentPath, (parent) =>
    isGroup(parent) ? { ...parent, conditions: parent.conditions.filter((_, i) => i !== index) } : parent,
  );
}

/** Appends an item to the group at `groupPath`. */
export function appendTo(group: ConditionGroup, groupPath: TreePath, item: ConditionItem): ConditionGroup {
  return updateAt(group, groupPath, (target) =>
    isGroup(target) ? { ...target, conditions: [...target.conditions, item] } : target,
  );
}

/** Sets and/or of the group at `groupPath`. */
export function setGroupOp(group: ConditionGroup, groupPath: TreePath, op: ConditionGroup["op"]): ConditionGroup {
  return updateAt(group, groupPath, (target) => (isGroup(target) ? { ...target, op } : target));
}

/** The operators a question offers in a rule (statements offer none). */
export function operatorsFor(question: Question): readonly AnswerOperator[] {
  return operatorsByQuestionType[question.type];
}

/** A sensible value for an operator over a question, so a new rule starts out valid where it can. */
export function defaultValue(question: Question, operator: AnswerOperator): ConditionValue | undefined {
  const firstOption = choiceOptions(question)[0]?.id;
  switch (operatorValueKinds[operator]) {
    case "none":
      return undefined;
    case "option_list":
      return firstOption === undefined ? [] : [firstOption];
    case "text":
      return "";
    case "ordered":
    case "scalar":
      if (firstOption !== undefined) return firstOption;
      if (question.type === "consent") return true;
      if (question.type === "rating") return Math.ceil(question.scale / 2);
      if (question.type === "nps") return 9;
      if (question.type === "number") return question.min ?? 0;
      return "";
  }
}

function defaultOperator(question: Question): AnswerOperator | undefined {
  const allowed = operatorsFor(question);
  const preferred: Partial<Record<Question["type"], AnswerOperator>> = {
    multiple_choice: "includes_any",
    number: "gte",
    rating: "gte",
    nps: "gte",
    date: "gte",
    short_text: "contains",
    long_text: "contains",
    email: "contains",
  };
  const wanted = preferred[question.type] ?? "equals";
  return allowed.includes(wanted) ? wanted : allowed[0];
}

/** A new rule on a question: its most natural operator and a valid value where one exists. */
export function conditionOn(question: Question): AnswerCondition {
  const operator = defaultOperator(question) ?? "answered";
  const value = defaultValue(question, operator);
  return value === undefined
    ? { source: "answer", questionId: question.id, operator }
    : { source: "answer", questionId: question.id, operator, value };
}

/** A new rule on the respondent's channel. */
export function channelCondition(): ChannelCondition {
  return { source: "channel", operator: "is_any_of", values: [] };
}

/** Changes a rule's operator, keeping its value when the new operator can use it. */
export function withOperator(condition: AnswerCondition, operator: AnswerOperator, question: Question): AnswerCondition {
  const from = operatorValueKinds[condition.operator];
  const to = operatorValueKinds[operator];
  const kept = convertValue(condition.value, from, to);
  const value = kept !== undefined ? kept : defaultValue(question, operator);
  const { value: _old, ...rest } = condition;
  return value === undefined ? { ...rest, operator } : { ...rest, operator, value };
}

function convertValue(
  value: ConditionValue | undefined,
  from: (typeof operatorValueKinds)[AnswerOperator],
  to: (typeof operatorValueKinds)[AnswerOperator],
): ConditionValue | undefined {
  if (to === "none" || value === undefined) return undefined;
  if (from === to) return value;
  if (to === "option_list" && typeof value === "string") return value === "" ? undefined : [value];
  if (from === "option_list" && Array.isArray(value)) return value[0];
  if ((from === "scalar" && to === "ordered") || (from === "ordered" && to === "scalar")) return value;
  return undefined;
}

/** Removes every rule on `questionId`, and any group left empty by that (the root stays). */
export function pruneQuestion(group: ConditionGroup, questionId: string): ConditionGroup {
  const keep = (item: ConditionItem): ConditionItem | null => {
    if (!isGroup(item)) return item.source === "answer" && item.questionId === questionId ? null : item;
    const conditions = item.conditions.map(keep).filter((c): c is ConditionItem => c !== null);
    return conditions.length === 0 && item.conditions.length > 0 ? null : { ...item, conditions };
  };
  const conditions = group.conditions.map(keep).filter((c): c is ConditionItem => c !== null);
  return { ...group, conditions };
}

/**
 * Forgets a deleted option in rules on its question: it leaves option lists, and a
 * rule that compared with it alone (`equals`, or a list with nothing else) goes.
 */
export function pruneOption(group: ConditionGroup, questionId: string, optionId: string): ConditionGroup {
  const keep = (item: ConditionItem): ConditionItem | null => {
    if (isGroup(item)) {
      const conditions = item.conditions.map(keep).filter((c): c is ConditionItem => c !== null);
      return conditions.length === 0 && item.conditions.length > 0 ? null : { ...item, conditions };
    }
    if (item.source !== "answer" || item.questionId !== questionId) return item;
    if (Array.isArray(item.value)) {
      if (!item.value.includes(optionId)) return item;
      const rest = item.value.filter((id) => id !== optionId);
      return rest.length === 0 ? null : { ...item, value: rest };
    }
    return item.value === optionId ? null : item;
  };
  return { ...group, conditions: group.conditions.map(keep).filter((c): c is ConditionItem => c !== null) };
}

/** Whether any rule in the tree looks at `questionId`. */
export function refersTo(group: ConditionGroup, questionId: string): boolean {
  return group.conditions.some((item) =>
    isGroup(item) ? refersTo(item, questionId) : item.source === "answer" && item.questionId === questionId,
  );
}

/** How many single rules the tree holds, nested groups included. */
export function countConditions(group: ConditionGroup): number {
  return group.conditions.reduce((sum, item) => sum + (isGroup(item) ? countConditions(item) : 1), 0);
}
