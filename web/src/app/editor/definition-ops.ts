/**
 * The editor's operations on a survey definition, each a small pure function
 * `(definition, …) → definition` that leaves its input alone. The route applies them
 * to the one draft signal; components only say which one to apply.
 *
 * Deleting something others point at fixes the pointers up: a deleted question leaves
 * every show-if and segment rule, a deleted option leaves rules on its question, a
 * deleted segment takes its quota with it. What is left broken (a rule that now looks
 * forward, a segment with no rule) stays visible as a validation issue.
 */
import {
  allQuestions,
  type ConditionGroup,
  type EndScreen,
  type EndScreens,
  type MatrixItem,
  type Option,
  type OptionEffect,
  type Page,
  type Question,
  type QuestionOf,
  type QuestionType,
  type Quota,
  type Segment,
  type Settings,
  type SurveyDefinition,
} from "@sieve/core";
import { pruneOption, pruneQuestion, refersTo } from "./condition-tree";
import type { NewId } from "./ids";

/** One edit of the draft. */
export type Edit = (def: SurveyDefinition) => SurveyDefinition;

/** Where a question sits. */
export type QuestionPlace = { question: Question; pageIndex: number; questionIndex: number };

export function findQuestion(def: SurveyDefinition, questionId: string): QuestionPlace | undefined {
  return allQuestions(def).find((placed) => placed.question.id === questionId);
}

/** Survey-level text: title, description, estimated minutes. */
export function updateSurvey(
  def: SurveyDefinition,
  patch: Partial<Pick<SurveyDefinition, "title" | "description" | "estimatedMinutes">>,
): SurveyDefinition {
  return { ...def, ...patch };
}

// ---------------------------------------------------------------------------
// Questions

/** Replaces the question `questionId` (the first, should ids clash) with `fn(question)`. */
export function updateQuestion(
  def: SurveyDefinition,
  questionId: string,
  fn: (question: Question) => Question,
): SurveyDefinition {
  const place = findQuestion(def, questionId);
  if (!place) return def;
  const next = fn(place.question);
  if (next === place.question) return def;
  return mapPage(def, place.pageIndex, (page) => ({
    ...page,
    questions: page.questions.map((question, index) => (index === place.questionIndex ? next : question)),
  }));
}

/** Like `updateQuestion`, for one type only: a form for number questions edits number fields. */
export function updateQuestionOf<T extends QuestionType>(
  def: SurveyDefinition,
  questionId: string,
  type: T,
  fn: (question: QuestionOf<T>) => QuestionOf<T>,
): SurveyDefinition {
  return updateQuestion(def, questionId, (question) => (isType(question, type) ? fn(question) : question));
}

function isType<T extends QuestionType>(question: Question, type: T): question is QuestionOf<T> {
  return question.type === type;
}

/** Sets an optional field, removing the key when the value is undefined (so JSON stays tidy). */
export function withField<T extends object, K extends keyof T>(object: T, key: K, value: T[K] | undefined): T {
  if (value !== undefined) return { ...object, [key]: value };
  const copy = { ...object };
  delete copy[key];
  return copy;
}

/** Inserts `question` on page `pageId` at `index` (default: the end). */
export function addQuestion(def: SurveyDefinition, pageId: string, question: Question, index?: number): SurveyDefinition {
  const pageIndex = def.pages.findIndex((page) => page.id === pageId);
  if (pageIndex < 0) return def;
  return mapPage(def, pageIndex, (page) => ({ ...page, questions: insert(page.questions, index ?? page.questions.length, question) }));
}

/**
 * A copy of the question right after it, with fresh ids for it and its options, rows
 * and columns (yes/no keeps its fixed ids). Returns the copy's id too.
 */
export function duplicateQuestion(
  def: SurveyDefinition,
  questionId: string,
  newId: NewId,
): { definition: SurveyDefinition; id: string | undefined } {
  const place = findQuestion(def, questionId);
  if (!place) return { definition: def, id: undefined };
  const copy = copyQuestion(place.question, newId);
  const page = def.pages[place.pageIndex];
  if (!page) return { definition: def, id: undefined };
  return { definition: addQuestion(def, page.id, copy, place.questionIndex + 1), id: copy.id };
}

function copyQuestion(question: Question, newId: NewId): Question {
  const title = `${question.title} (copy)`.slice(0, 500);
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
    case "dropdown":
      return { ...question, id: newId("q"), title, options: question.options.map((o) => ({ ...o, id: newId("opt") })) };
    case "matrix":
      return {
        ...question,
        id: newId("q"),
        title,
        rows: question.rows.map((item) => ({ ...item, id: newId("row") })),
        columns: question.columns.map((item) => ({ ...item, id: newId("col") })),
      };
    default:
      return { ...question, id: newId("q"), title };
  }
}

/** Deletes a question and every rule that looked at it. */
export function deleteQuestion(def: SurveyDefinition, questionId: string): SurveyDefinition {
  const place = findQuestion(def, questionId);
  if (!place) return def;
  const removed = mapPage(def, place.pageIndex, (page) => ({
    ...page,
    questions: page.questions.filter((_, index) => index !== place.questionIndex),
  }));
  return forgetQuestion(removed, questionId);
}

/** Drops every rule on `questionId` from show-ifs (an emptied show-if goes) and segment rules. */
export function forgetQuestion(def: SurveyDefinition, questionId: string): SurveyDefinition {
  return mapRules(def, (group) => pruneQuestion(group, questionId));
}

function mapRules(def: SurveyDefinition, fn: (group: ConditionGroup) => ConditionGroup): SurveyDefinition {
  return {
    ...def,
    pages: def.pages.map((page) => ({
      ...page,
      questions: page.questions.map((question) => {
        if (question.showIf === undefined) return question;
        const showIf = fn(question.showIf);
        if (showIf.conditions.length === 0 && question.showIf.conditions.length > 0) {
          return withField(question, "showIf", undefined);
        }
        return { ...question, showIf };
      }),
    })),
    segments: def.segments.map((segment) => ({ ...segment, when: fn(segment.when) })),
  };
}

/** Where rules point at a question: which questions' show-ifs and which segments. */
export function referencesTo(
  def: SurveyDefinition,
  questionId: string,
): { questions: Question[]; segments: Segment[] } {
  const refers = (group: ConditionGroup | undefined) => group !== undefined && refersTo(group, questionId);
  return {
    questions: allQuestions(def)
      .map(({ question }) => question)
      .filter((question) => question.id !== questionId && refers(question.showIf)),
    segments: def.segments.filter((segment) => refers(segment.when)),
  };
}

/**
 * Moves a question one step up (-1) or down (+1) in survey order. At the top of a page
 * it moves to the end of the page before; at the bottom, to the start of the next page.
 */
export function moveQuestion(def: SurveyDefinition, questionId: string, delta: -1 | 1): SurveyDefinition {
  const place = findQuestion(def, questionId);
  if (!place) return def;
  const page = def.pages[place.pageIndex];
  if (!page) return def;
  const target = place.questionIndex + delta;
  if (target >= 0 && target < page.questions.length) {
    return moveQuestionTo(def, questionId, page.id, target);
  }
  const neighbour = def.pages[place.pageIndex + delta];
  if (!neighbour) return def;
  return moveQuestionTo(def, questionId, neighbour.id, delta < 0 ? neighbour.questions.length : 0);
}

/**
 * Moves a question to page `pageId` at `index`, where `index` counts the target page's
 * questions *without* the moved one (what a drop indicator shows).
 */
export function moveQuestionTo(def: SurveyDefinition, questionId: string, pageId: string, index: number): SurveyDefinition {
  const place = findQuestion(def, questionId);
  const targetPage = def.pages.findIndex((page) => page.id === pageId);
  if (!place || targetPage < 0) return def;
  const without = mapPage(def, place.pageIndex, (page) => ({
    ...page,
    questions: page.questions.filter((_, i) => i !== place.questionIndex),
  }));
  return mapPage(without, targetPage, (page) => ({
    ...page,
    questions: insert(page.questions, clamp(index, 0, page.questions.length), place.question),
  }));
}

// ---------------------------------------------------------------------------
// Options of choice questions

function mapOptions(question: Question, fn: (option: Option) => Option): Question {
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
    case "dropdown":
      return { ...question, options: question.options.map(fn) };
    case "yes_no": {
      const [yes, no] = question.options;
      const nextYes = fn(yes);
      const nextNo = fn(no);
      return { ...question, options: [{ ...nextYes, id: "yes" }, { ...nextNo, id: "no" }] };
    }
    default:
      return question;
  }
}

/** Changes an option's label or screener effect. */
export function updateOption(
  def: SurveyDefinition,
  questionId: string,
  optionId: string,
  patch: Partial<Pick<Option, "label" | "effect">>,
): SurveyDefinition {
  return updateQuestion(def, questionId, (question) =>
    mapOptions(question, (option) => (option.id === optionId ? { ...option, ...patch } : option)),
  );
}

/** Sets what picking an option does to the screener: qualify, disqualify, trap, or nothing (null). */
export function setOptionEffect(
  def: SurveyDefinition,
  questionId: string,
  optionId: string,
  effect: OptionEffect,
): SurveyDefinition {
  return updateOption(def, questionId, optionId, { effect });
}

/** Adds an option (not to yes/no, whose two options are fixed) after `afterId`, or at the end. */
export function addOption(def: SurveyDefinition, questionId: string, option: Option, afterId?: string): SurveyDefinition {
  return updateQuestion(def, questionId, (question) => {
    if (question.type !== "single_choice" && question.type !== "multiple_choice" && question.type !== "dropdown") {
      return question;
    }
    const after = afterId === undefined ? -1 : question.options.findIndex((o) => o.id === afterId);
    const index = after < 0 ? question.options.length : after + 1;
    return { ...question, options: insert(question.options, index, option) };
  });
}

/** Removes an option and forgets it in every rule on its question. */
export function removeOption(def: SurveyDefinition, questionId: string, optionId: string): SurveyDefinition {
  const removed = updateQuestion(def, questionId, (question) =>
    question.type === "single_choice" || question.type === "multiple_choice" || question.type === "dropdown"
      ? { ...question, options: question.options.filter((o) => o.id !== optionId) }
      : question,
  );
  return removed === def ? def : mapRules(removed, (group) => pruneOption(group, questionId, optionId));
}

/** Moves an option one place up or down. */
export function moveOption(def: SurveyDefinition, questionId: string, optionId: string, delta: -1 | 1): SurveyDefinition {
  return updateQuestion(def, questionId, (question) => {
    if (question.type !== "single_choice" && question.type !== "multiple_choice" && question.type !== "dropdown") {
      return question;
    }
    const options = moveItem(question.options, optionId, delta);
    return options === question.options ? question : { ...question, options };
  });
}

/** Rows or columns of a matrix: replace the list wholesale (the form edits it in place). */
export function setMatrixItems(
  def: SurveyDefinition,
  questionId: string,
  which: "rows" | "columns",
  items: MatrixItem[],
): SurveyDefinition {
  return updateQuestionOf(def, questionId, "matrix", (question) => ({ ...question, [which]: items }));
}

/** Sets or clears (undefined) a question's show-if rule. */
export function setShowIf(def: SurveyDefinition, questionId: string, showIf: ConditionGroup | undefined): SurveyDefinition {
  return updateQuestion(def, questionId, (question) => withField(question, "showIf", showIf));
}

// ---------------------------------------------------------------------------
// Pages

export function addPage(def: SurveyDefinition, page: Page): SurveyDefinition {
  return { ...def, pages: [...def.pages, page] };
}

export function updatePage(def: SurveyDefinition, pageId: string, patch: Partial<Pick<Page, "title">>): SurveyDefinition {
  const index = def.pages.findIndex((page) => page.id === pageId);
  return index < 0 ? def : mapPage(def, index, (page) => ({ ...page, ...patch }));
}

/** Deletes a page with its questions, and every rule that looked at them. */
export function deletePage(def: SurveyDefinition, pageId: string): SurveyDefinition {
  const page = def.pages.find((p) => p.id === pageId);
  if (!page) return def;
  const removed = { ...def, pages: def.pages.filter((p) => p.id !== pageId) };
  return page.questions.reduce((acc, question) => forgetQuestion(acc, question.id), removed);
}

export function movePage(def: SurveyDefinition, pageId: string, delta: -1 | 1): SurveyDefinition {
  const pages = moveItem(def.pages, pageId, delta);
  return pages === def.pages ? def : { ...def, pages };
}

// ---------------------------------------------------------------------------
// Segments and quotas

export function addSegment(def: SurveyDefinition, segment: Segment): SurveyDefinition {
  return { ...def, segments: [...def.segments, segment] };
}

export function updateSegment(def: SurveyDefinition, segmentId: string, fn: (segment: Segment) => Segment): SurveyDefinition {
  return { ...def, segments: def.segments.map((segment) => (segment.id === segmentId ? fn(segment) : segment)) };
}

/** Deletes a segment and the quotas that capped it. */
export function deleteSegment(def: SurveyDefinition, segmentId: string): SurveyDefinition {
  return {
    ...def,
    segments: def.segments.filter((segment) => segment.id !== segmentId),
    quotas: def.quotas.filter((quota) => quota.segmentId !== segmentId),
  };
}

export function addQuota(def: SurveyDefinition, quota: Quota): SurveyDefinition {
  return { ...def, quotas: [...def.quotas, quota] };
}

export function updateQuota(def: SurveyDefinition, quotaId: string, patch: Partial<Omit<Quota, "id">>): SurveyDefinition {
  return { ...def, quotas: def.quotas.map((quota) => (quota.id === quotaId ? { ...quota, ...patch } : quota)) };
}

export function deleteQuota(def: SurveyDefinition, quotaId: string): SurveyDefinition {
  return { ...def, quotas: def.quotas.filter((quota) => quota.id !== quotaId) };
}

/** Segment colours offered in order; distinct in charts and readable on white and dark. */
export const SEGMENT_COLORS = ["#2563eb", "#059669", "#d97706", "#db2777", "#7c3aed", "#0891b2", "#65a30d", "#dc2626"];

/** The first palette colour no segment uses yet. */
export function nextSegmentColor(def: SurveyDefinition): string {
  const used = new Set(def.segments.map((segment) => segment.color.toLowerCase()));
  return SEGMENT_COLORS.find((color) => !used.has(color)) ?? SEGMENT_COLORS[def.segments.length % SEGMENT_COLORS.length]!;
}

// ---------------------------------------------------------------------------
// End screens and settings

export function updateEndScreen(
  def: SurveyDefinition,
  key: keyof EndScreens,
  patch: Partial<EndScreen>,
): SurveyDefinition {
  const screen = { ...def.endScreens[key], ...patch };
  const tidy = screen.redirectUrl === undefined || screen.redirectUrl === "" ? withField(screen, "redirectUrl", undefined) : screen;
  return { ...def, endScreens: { ...def.endScreens, [key]: tidy } };
}

export function updateSettings(def: SurveyDefinition, patch: Partial<Settings>): SurveyDefinition {
  return { ...def, settings: { ...def.settings, ...patch } };
}

export function updateLinkPreview(
  def: SurveyDefinition,
  patch: Partial<Settings["linkPreview"]>,
): SurveyDefinition {
  const linkPreview = { ...def.settings.linkPreview, ...patch };
  const tidy = (Object.keys(linkPreview) as (keyof typeof linkPreview)[]).reduce(
    (acc, key) => (linkPreview[key] === "" ? withField(acc, key, undefined) : acc),
    linkPreview,
  );
  return updateSettings(def, { linkPreview: tidy });
}

// ---------------------------------------------------------------------------
// Small list helpers

function mapPage(def: SurveyDefinition, pageIndex: number, fn: (page: Page) => Page): SurveyDefinition {
  return { ...def, pages: def.pages.map((page, index) => (index === pageIndex ? fn(page) : page)) };
}

function insert<T>(items: readonly T[], index: number, item: T): T[] {
  return [...items.slice(0, index), item, ...items.slice(index)];
}

function moveItem<T extends { id: string }>(items: T[], id: string, delta: -1 | 1): T[] {
  const from = items.findIndex((item) => item.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= items.length) return items;
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
