/**
 * fast-check arbitraries for definitions, contexts and fitting answers.
 * `definitionArb()` generates publishable definitions (unique ids, backward-only,
 * well-typed logic); `looseDefinitionArb()` adds duplicate ids, dangling and forward
 * references and mismatched operators, to fuzz validateDefinition.
 */
import fc from "fast-check";
import {
  AnswerOperatorSchema,
  QuestionSchema,
  SurveyDefinitionSchema,
  type AnswerOperator,
  type Condition,
  type ConditionGroup,
  type ConditionValue,
  type Question,
  type SurveyDefinition,
} from "../survey/definition-schema";
import type { AnswerValue, Answers } from "../survey/answers-schema";
import { allQuestions } from "../survey/all-questions";
import { choiceOptions, isAnswerable } from "../survey/question-kinds";
import { operatorsByQuestionType, operatorValueKinds } from "../screener/operators";
import { visibility } from "../screener/visible-questions";
import type { RespondentContext } from "../screener/respondent-context";

const CHANNEL_VALUES = ["c1", "c2", "reddit", "newsletter"];
const effectArb = fc.constantFrom(null, null, "qualify", "disqualify", "trap");
const labelArb = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "");
const wordArb = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== "");

/** A respondent context with or without a channel. */
export const contextArb: fc.Arbitrary<RespondentContext> = fc
  .option(fc.record({ code: fc.constantFrom("c1", "c2"), kind: fc.constantFrom("reddit", "email", "newsletter") }), {
    nil: null,
  })
  .map((channel) => ({ channel }));

const optionsArb = (loose: boolean) =>
  fc
    .uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f"), { minLength: loose ? 0 : 1, maxLength: 5 })
    .chain((ids) => fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), label: labelArb, effect: effectArb }))))
    // Strict definitions get distinct labels so they stay free of duplicate_label issues.
    .map((options) => (loose ? options : options.map((o, i) => ({ ...o, label: `${o.label}#${i}` }))));

const optionalInt = (min: number, max: number) => fc.option(fc.integer({ min, max }), { nil: undefined });
const orderedPair = (min: number, max: number) =>
  fc.tuple(optionalInt(min, max), optionalInt(min, max)).map(([a, b]) =>
    a !== undefined && b !== undefined && a > b ? [b, a] : [a, b],
  );

const EPOCH = Date.UTC(2020, 0, 1);
const DAY = 86_400_000;
const dateOf = (day: number) => new Date(EPOCH + day * DAY).toISOString().slice(0, 10);
const dayOf = (date: string) => Math.round((Date.parse(date) - EPOCH) / DAY);

/** One question body; id, title, required and showIf are added later, then the whole is parsed. */
const questionBodyArb = (loose: boolean): fc.Arbitrary<Record<string, unknown>> =>
  fc.oneof(
    fc.record({
      type: fc.constantFrom("single_choice", "dropdown"),
      options: optionsArb(loose),
      randomize: fc.boolean(),
      allowOther: fc.boolean(),
    }),
    fc.record({ options: optionsArb(loose), allowOther: fc.boolean(), bounds: orderedPair(0, 6) }).map(
      ({ options, allowOther, bounds: [min, max] }) => ({
        type: "multiple_choice",
        options,
        allowOther,
        minSelections: loose || min === undefined ? min : Math.min(min, options.length),
        maxSelections: max === 0 ? undefined : max,
      }),
    ),
    fc.tuple(effectArb, effectArb).map(([yes, no]) => ({
      type: "yes_no",
      options: [
        { id: "yes", label: "Yes", effect: yes },
        { id: "no", label: "No", effect: no },
      ],
    })),
    fc.record({ type: fc.constantFrom("short_text", "long_text"), maxLength: optionalInt(1, 50) }),
    fc.constant({ type: "email" }),
    fc.record({ integer: fc.boolean(), bounds: orderedPair(-50, 50) }).map(({ integer, bounds: [min, max] }) => ({
      type: "number",
      integer,
      // Loose definitions swap the bounds to provoke invalid_range.
      ...(loose ? { min: max, max: min } : { min, max }),
    })),
    fc.record({ type: fc.constant("rating"), scale: fc.integer({ min: 3, max: 10 }) }),
    fc.constant({ type: "nps" }),
    fc.record({
      type: fc.constant("matrix"),
      rows: fc.uniqueArray(fc.constantFrom("r1", "r2", "r3"), { minLength: 1 }).map((ids) => ids.map((id) => ({ id, label: id }))),
      columns: fc
        .uniqueArray(fc.constantFrom("c1", "c2", "c3", "c4"), { minLength: 2 })
        .map((ids) => ids.map((id) => ({ id, label: id }))),
    }),
    orderedPair(0, 2000).map(([min, max]) => ({
      type: "date",
      min: min === undefined ? undefined : dateOf(min),
      max: max === undefined ? undefined : dateOf(max),
    })),
    fc.constant({ type: "consent", text: "I agree to be contacted." }),
    fc.constant({ type: "statement", body: "Thanks for helping." }),
  );

/** A value that the operator accepts for the target question (publishable logic). */
function valueArb(target: Question, operator: AnswerOperator): fc.Arbitrary<ConditionValue | undefined> {
  const ids = choiceOptions(target).map((o) => o.id);
  const kind = operatorValueKinds[operator];
  if (kind === "none") return fc.constant(undefined);
  if (kind === "option_list") return fc.subarray(ids, { minLength: 1 });
  if (kind === "text") return wordArb;
  if (ids.length > 0) return fc.constantFrom(...ids);
  if (target.type === "date") return fc.integer({ min: 0, max: 2000 }).map(dateOf);
  if (target.type === "consent") return fc.boolean();
  if (target.type === "number" || target.type === "rating" || target.type === "nps") {
    return fc.integer({ min: -5, max: 12 });
  }
  return wordArb;
}

const channelConditionArb: fc.Arbitrary<Condition> = fc.record({
  source: fc.constant("channel" as const),
  operator: fc.constantFrom("is_any_of" as const, "is_none_of" as const),
  values: fc.subarray(CHANNEL_VALUES, { minLength: 1 }),
});

function conditionArb(targets: Question[]): fc.Arbitrary<Condition> {
  const answerable = targets.filter(isAnswerable);
  if (answerable.length === 0) return channelConditionArb;
  const answerCondition = fc.constantFrom(...answerable).chain((target) =>
    fc.constantFrom(...operatorsByQuestionType[target.type]).chain((operator) =>
      valueArb(target, operator).map(
        (value): Condition => ({ source: "answer", questionId: target.id, operator, ...(value === undefined ? {} : { value }) }),
      ),
    ),
  );
  return fc.oneof({ weight: 4, arbitrary: answerCondition }, { weight: 1, arbitrary: channelConditionArb });
}

const ALL_OPERATORS = AnswerOperatorSchema.options;

const looseConditionArb = (ids: string[]): fc.Arbitrary<Condition> =>
  fc.oneof(
    fc.record({
      source: fc.constant("channel" as const),
      operator: fc.constantFrom("is_any_of" as const, "is_none_of" as const),
      values: fc.subarray(CHANNEL_VALUES),
    }),
    fc.record({
      source: fc.constant("answer" as const),
      questionId: fc.constantFrom(...ids, "ghost"),
      operator: fc.constantFrom(...ALL_OPERATORS),
      value: fc.option(fc.oneof(wordArb, fc.integer(), fc.boolean(), fc.array(wordArb, { maxLength: 3 })), { nil: undefined }),
    }),
  );

function groupArb(condition: fc.Arbitrary<Condition>, minLength: number): fc.Arbitrary<ConditionGroup> {
  const op = fc.constantFrom("and" as const, "or" as const);
  const nested = fc.record({ op, conditions: fc.array(condition, { maxLength: 3 }) });
  return fc.record({
    op,
    conditions: fc.array(fc.oneof({ weight: 3, arbitrary: condition }, { weight: 1, arbitrary: nested }), {
      minLength,
      maxLength: 3,
    }),
  });
}

function definitionOf(loose: boolean): fc.Arbitrary<SurveyDefinition> {
  const draftArb = fc.record({ body: questionBodyArb(loose), required: fc.boolean(), title: labelArb });
  return fc.array(draftArb, { minLength: 1, maxLength: 8 }).chain((drafts) => {
    // Parse each question first so its logic can be generated against its final shape.
    const questions = drafts.map((draft, i) =>
      QuestionSchema.parse({
        ...draft.body,
        // Loose definitions reuse an id now and then to provoke duplicate_id.
        id: loose && i % 3 === 2 ? `q${i - 1}` : `q${i}`,
        title: draft.title,
        required: draft.required,
      }),
    );
    const ids = questions.map((q) => q.id);
    const condition = (i: number) => (loose ? looseConditionArb(ids) : conditionArb(questions.slice(0, i)));
    return fc
      .record({
        showIfs: fc.tuple(...questions.map((_, i) => fc.option(groupArb(condition(i), 0), { nil: undefined, freq: 2 }))),
        pageSize: fc.integer({ min: 1, max: 3 }),
        segments: fc.array(
          fc.record({
            name: labelArb,
            color: fc.constantFrom("#ff0000", "#00aa88"),
            when: groupArb(loose ? looseConditionArb(ids) : conditionArb(questions), loose ? 0 : 1),
          }),
          { maxLength: 3 },
        ),
        quotaSegments: fc.uniqueArray(fc.option(fc.nat(loose ? 5 : 2), { nil: null }), { maxLength: 3 }),
        collectEmail: fc.boolean(),
      })
      .map(({ showIfs, pageSize, segments, quotaSegments, collectEmail }) => {
        const withLogic = questions.map((q, i) => {
          const showIf = showIfs[i];
          return showIf === undefined ? q : { ...q, showIf };
        });
        const pages = [];
        for (let start = 0; start < withLogic.length; start += pageSize) {
          pages.push({ id: `p${start}`, questions: withLogic.slice(start, start + pageSize) });
        }
        return SurveyDefinitionSchema.parse({
          schemaVersion: 1,
          title: "Generated",
          pages,
          segments: segments.map((segment, i) => ({ ...segment, id: `s${i}` })),
          quotas: quotaSegments
            .filter((index) => loose || index === null || index < segments.length)
            .map((index, i) => ({ id: `quota${i}`, name: `Quota ${i}`, segmentId: index === null ? null : `s${index}`, cap: 10 })),
          settings: { collectEmail, consentText: loose ? "" : "We may email you about this study." },
        });
      });
  });
}

/** Publishable definitions: unique ids, backward well-typed logic, sane ranges. */
export const definitionArb = (): fc.Arbitrary<SurveyDefinition> => definitionOf(false);

/** Schema-valid definitions full of semantic problems, to fuzz validateDefinition. */
export const looseDefinitionArb = (): fc.Arbitrary<SurveyDefinition> => definitionOf(true);

const trimmedTextArb = (maxLength: number) =>
  fc
    .string({ minLength: 1, maxLength })
    .map((s) => s.trim())
    .filter((s) => s !== "");

/** An answer that fits one question. Text comes trimmed so logic sees what validation will normalize to. */
export function answerArb(question: Question): fc.Arbitrary<AnswerValue> {
  switch (question.type) {
    case "single_choice":
    case "dropdown": {
      const ids = fc.constantFrom(...question.options.map((o) => o.id));
      return question.allowOther ? fc.oneof(ids, trimmedTextArb(20).map((other) => ({ other }))) : ids;
    }
    case "yes_no":
      return fc.constantFrom("yes", "no");
    case "multiple_choice": {
      const ids = question.options.map((o) => o.id);
      const max = Math.min(question.maxSelections ?? ids.length, ids.length);
      const min = Math.max(question.minSelections ?? 0, question.required ? 1 : 0);
      return fc.shuffledSubarray(ids, { minLength: min, maxLength: max });
    }
    case "short_text":
    case "long_text":
      return trimmedTextArb(question.maxLength ?? 200);
    case "email":
      return fc.stringMatching(/^[a-z0-9][a-z0-9.+_-]{0,15}@[a-z0-9]{1,10}\.[a-z]{2,6}$/);
    case "number": {
      const min = question.min ?? -1000;
      const max = question.max ?? 1000;
      return question.integer
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case "rating":
      return fc.integer({ min: 1, max: question.scale });
    case "nps":
      return fc.integer({ min: 0, max: 10 });
    case "matrix": {
      const columns = question.columns.map((c) => c.id);
      const rows = question.rows.map((r) => r.id);
      const chosenRows = question.required ? fc.constant(rows) : fc.subarray(rows, { minLength: 1 });
      return chosenRows.chain((ids) =>
        fc.tuple(...ids.map((id) => fc.constantFrom(...columns).map((column): [string, string] => [id, column]))),
      ).map((entries) => Object.fromEntries(entries));
    }
    case "date": {
      const min = question.min === undefined ? 0 : dayOf(question.min);
      const max = question.max === undefined ? min + 1000 : dayOf(question.max);
      return fc.integer({ min, max }).map(dateOf);
    }
    case "consent":
      return question.required ? fc.constant(true) : fc.boolean();
    case "statement":
      return fc.constant("");
  }
}

/**
 * Answers that fit the definition for a context: every required question answered,
 * optional ones sometimes, and answers to questions hidden by logic left out.
 */
export function answersArb(def: SurveyDefinition, ctx: RespondentContext): fc.Arbitrary<Answers> {
  const answerable = allQuestions(def)
    .map((placed) => placed.question)
    .filter(isAnswerable);
  return fc
    .tuple(
      ...answerable.map((question) =>
        (question.required ? answerArb(question) : fc.option(answerArb(question), { nil: undefined })).map(
          (value): [string, AnswerValue | undefined] => [question.id, value],
        ),
      ),
    )
    .map((entries) => {
      const candidate: Answers = {};
      for (const [id, value] of entries) if (value !== undefined) candidate[id] = value;
      return visibility(def, candidate, ctx).answers;
    });
}

/** Any structurally valid answers, fitting or not, keyed by the definition's ids and a stray one. */
export function anyAnswersArb(def: SurveyDefinition): fc.Arbitrary<Answers> {
  const ids = [...allQuestions(def).map((p) => p.question.id), "stray"];
  const value: fc.Arbitrary<AnswerValue> = fc.oneof(
    fc.constantFrom("a", "b", "yes", "no", "", " x "),
    fc.integer({ min: -3, max: 12 }),
    fc.boolean(),
    fc.array(fc.oneof(fc.constantFrom("a", "b", "c"), fc.constant({ other: "o" })), { maxLength: 4 }),
    fc.constant({ other: "" }),
    fc.dictionary(fc.constantFrom("r1", "r2", "zz"), fc.constantFrom("c1", "c2", "zz")),
  );
  return fc.dictionary(fc.constantFrom(...ids), value);
}
