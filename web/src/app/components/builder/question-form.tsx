// Everything about one question: text, type, required, the type's own settings,
// and its show-if rule.
import { For, Match, Show, Switch, createUniqueId } from "solid-js";
import type { ConditionGroup, Issue, MatrixItem, Question, QuestionOf, QuestionType } from "@sieve/core";
import { channelCondition, conditionOn, operatorsFor } from "../../editor/condition-tree";
import {
  setMatrixItems,
  setShowIf,
  updateQuestion,
  updateQuestionOf,
  withField,
  type Edit,
} from "../../editor/definition-ops";
import type { NewId } from "../../editor/ids";
import { fieldId, issuesUnder, messageAt, type IssuePath } from "../../editor/issues";
import { changeType, questionTypeLabels, questionTypeOrder } from "../../editor/question-types";
import { ConditionBuilder, type ChannelRef, type GroupEdit } from "./condition-builder";
import { Checkbox, InlineIssues, NumberInput, SelectInput, TextInput } from "./fields";
import { OptionListEditor } from "./option-list-editor";
import { CloseIcon } from "./icons";

export type QuestionFormProps = {
  question: Question;
  path: IssuePath;
  issues: readonly Issue[];
  /** Questions before this one (what its show-if may look at). */
  earlier: readonly Question[];
  allQuestions: readonly Question[];
  channels: readonly ChannelRef[];
  newId: NewId;
  onEdit: (edit: Edit) => void;
};

function ofType<T extends QuestionType>(question: Question, ...types: T[]): QuestionOf<T> | undefined {
  return (types as QuestionType[]).includes(question.type) ? (question as QuestionOf<T>) : undefined;
}

export function QuestionForm(props: QuestionFormProps) {
  const id = () => props.question.id;
  const at = (...rest: (string | number)[]) => [...props.path, ...rest];
  const error = (...rest: (string | number)[]) => messageAt(props.issues, at(...rest));
  const edit = (fn: (question: Question) => Question) => props.onEdit((def) => updateQuestion(def, id(), fn));
  const editOf = <T extends QuestionType>(type: T, fn: (question: QuestionOf<T>) => QuestionOf<T>) =>
    props.onEdit((def) => updateQuestionOf(def, id(), type, fn));

  return (
    <div class="question-form">
      <TextInput
        label="Question"
        id={fieldId(at("title"))}
        value={props.question.title}
        maxLength={500}
        error={error("title")}
        onValue={(title) => edit((q) => ({ ...q, title }))}
      />
      <TextInput
        label="Help text (optional)"
        id={fieldId(at("help"))}
        value={props.question.help ?? ""}
        maxLength={1000}
        hint="Shown under the question in smaller text."
        error={error("help")}
        onValue={(help) => edit((q) => withField(q, "help", help === "" ? undefined : help))}
      />
      <div class="form-row">
        <SelectInput
          label="Type"
          id={fieldId(at("type"))}
          value={props.question.type}
          options={questionTypeOrder.map((type) => ({ value: type, label: questionTypeLabels[type] }))}
          onValue={(type) => edit((q) => changeType(q, type, props.newId))}
        />
        <Show when={props.question.type !== "statement"}>
          <Checkbox
            label="Required"
            id={fieldId(at("required"))}
            checked={props.question.required}
            onValue={(required) => edit((q) => ({ ...q, required }))}
          />
        </Show>
      </div>

      <Switch>
        <Match when={ofType(props.question, "single_choice", "dropdown", "multiple_choice")}>
          {(question) => (
            <>
              <OptionListEditor
                questionId={id()}
                options={question().options}
                fixed={false}
                path={props.path}
                issues={props.issues}
                newId={props.newId}
                onEdit={props.onEdit}
              />
              <div class="form-row">
                <Checkbox
                  label="Randomize option order"
                  checked={question().randomize}
                  hint="Each respondent sees their own order; it reduces order bias."
                  onValue={(randomize) => edit((q) => (ofType(q, "single_choice", "dropdown", "multiple_choice") ? { ...q, randomize } : q))}
                />
                <Checkbox
                  label="Add “Other (please specify)”"
                  checked={question().allowOther}
                  hint="A free-text choice at the end. It never qualifies or disqualifies."
                  onValue={(allowOther) =>
                    edit((q) => (ofType(q, "single_choice", "dropdown", "multiple_choice") ? { ...q, allowOther } : q))
                  }
                />
              </div>
            </>
          )}
        </Match>
        <Match when={ofType(props.question, "yes_no")}>
          {(question) => (
            <OptionListEditor
              questionId={id()}
              options={question().options}
              fixed
              path={props.path}
              issues={props.issues}
              newId={props.newId}
              onEdit={props.onEdit}
            />
          )}
        </Match>
      </Switch>

      <Switch>
        <Match when={ofType(props.question, "multiple_choice")}>
          {(question) => (
            <div class="form-row">
              <NumberInput
                label="At least (selections)"
                id={fieldId(at("minSelections"))}
                value={question().minSelections}
                min={0}
                step={1}
                error={error("minSelections")}
                onValue={(value) => editOf("multiple_choice", (q) => withField(q, "minSelections", value))}
              />
              <NumberInput
                label="At most (selections)"
                id={fieldId(at("maxSelections"))}
                value={question().maxSelections}
                min={1}
                step={1}
                error={error("maxSelections")}
                onValue={(value) => editOf("multiple_choice", (q) => withField(q, "maxSelections", value))}
              />
            </div>
          )}
        </Match>
        <Match when={ofType(props.question, "short_text", "long_text")}>
          {(question) => (
            <div class="form-row">
              <NumberInput
                label="Maximum length (characters)"
                id={fieldId(at("maxLength"))}
                value={question().maxLength}
                min={1}
                step={1}
                error={error("maxLength")}
                onValue={(value) =>
                  edit((q) =>
                    q.type === "short_text" || q.type === "long_text" ? withField(q, "maxLength", value) : q,
                  )
                }
              />
            </div>
          )}
        </Match>
        <Match when={ofType(props.question, "number")}>
          {(question) => (
            <>
              <div class="form-row">
                <NumberInput
                  label="Minimum"
                  id={fieldId(at("min"))}
                  value={question().min}
                  error={error("min")}
                  onValue={(value) => editOf("number", (q) => withField(q, "min", value))}
                />
                <NumberInput
                  label="Maximum"
                  id={fieldId(at("max"))}
                  value={question().max}
                  error={error("max")}
                  onValue={(value) => editOf("number", (q) => withField(q, "max", value))}
                />
                <TextInput
                  label="Unit (optional)"
                  id={fieldId(at("unit"))}
                  value={question().unit ?? ""}
                  maxLength={20}
                  placeholder="e.g. people"
                  error={error("unit")}
                  onValue={(unit) => editOf("number", (q) => withField(q, "unit", unit === "" ? undefined : unit))}
                />
              </div>
              <Checkbox
                label="Whole numbers only"
                checked={question().integer}
                onValue={(integer) => editOf("number", (q) => ({ ...q, integer }))}
              />
            </>
          )}
        </Match>
        <Match when={ofType(props.question, "rating")}>
          {(question) => (
            <div class="form-row">
              <SelectInput
                label="Scale size"
                id={fieldId(at("scale"))}
                value={String(question().scale)}
                options={[3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ value: String(n), label: `1 to ${n}` }))}
                onValue={(value) => editOf("rating", (q) => ({ ...q, scale: Number(value) }))}
              />
              <ScaleLabels question={question()} at={at} error={error} onEdit={props.onEdit} />
            </div>
          )}
        </Match>
        <Match when={ofType(props.question, "nps")}>
          {(question) => (
            <div class="form-row">
              <ScaleLabels question={question()} at={at} error={error} onEdit={props.onEdit} />
            </div>
          )}
        </Match>
        <Match when={ofType(props.question, "matrix")}>
          {(question) => (
            <div class="form-row form-row-top">
              <ItemListEditor
                legend="Rows (statements)"
                prefix="row"
                items={question().rows}
                path={at("rows")}
                issues={props.issues}
                newId={props.newId}
                onItems={(items) => props.onEdit((def) => setMatrixItems(def, id(), "rows", items))}
              />
              <ItemListEditor
                legend="Columns (answers)"
                prefix="col"
                items={question().columns}
                path={at("columns")}
                issues={props.issues}
                newId={props.newId}
                onItems={(items) => props.onEdit((def) => setMatrixItems(def, id(), "columns", items))}
              />
            </div>
          )}
        </Match>
        <Match when={ofType(props.question, "date")}>
          {(question) => (
            <div class="form-row">
              <DateField
                label="Earliest date"
                id={fieldId(at("min"))}
                value={question().min}
                error={error("min")}
                onValue={(value) => editOf("date", (q) => withField(q, "min", value))}
              />
              <DateField
                label="Latest date"
                id={fieldId(at("max"))}
                value={question().max}
                error={error("max")}
                onValue={(value) => editOf("date", (q) => withField(q, "max", value))}
              />
            </div>
          )}
        </Match>
        <Match when={ofType(props.question, "consent")}>
          {(question) => (
            <TextInput
              label="What the respondent agrees to"
              id={fieldId(at("text"))}
              multiline
              rows={4}
              value={question().text}
              maxLength={5000}
              error={error("text")}
              onValue={(text) => editOf("consent", (q) => ({ ...q, text }))}
            />
          )}
        </Match>
        <Match when={ofType(props.question, "statement")}>
          {(question) => (
            <TextInput
              label="Text"
              id={fieldId(at("body"))}
              multiline
              rows={4}
              value={question().body}
              maxLength={5000}
              hint="Plain text; web addresses become links."
              error={error("body")}
              onValue={(body) => editOf("statement", (q) => ({ ...q, body }))}
            />
          )}
        </Match>
      </Switch>

      <ShowIfSection {...props} />
    </div>
  );
}

function ScaleLabels(props: {
  question: QuestionOf<"rating" | "nps">;
  at: (...rest: (string | number)[]) => (string | number)[];
  error: (...rest: (string | number)[]) => string | undefined;
  onEdit: (edit: Edit) => void;
}) {
  const set = (key: "lowLabel" | "highLabel", value: string) =>
    props.onEdit((def) =>
      updateQuestion(def, props.question.id, (q) =>
        q.type === "rating" || q.type === "nps" ? withField(q, key, value === "" ? undefined : value) : q,
      ),
    );
  return (
    <>
      <TextInput
        label="Label at the low end"
        id={fieldId(props.at("lowLabel"))}
        value={props.question.lowLabel ?? ""}
        maxLength={100}
        placeholder="e.g. Not at all likely"
        error={props.error("lowLabel")}
        onValue={(value) => set("lowLabel", value)}
      />
      <TextInput
        label="Label at the high end"
        id={fieldId(props.at("highLabel"))}
        value={props.question.highLabel ?? ""}
        maxLength={100}
        placeholder="e.g. Extremely likely"
        error={props.error("highLabel")}
        onValue={(value) => set("highLabel", value)}
      />
    </>
  );
}

function DateField(props: {
  label: string;
  id: string;
  value: string | undefined;
  error: string | undefined;
  onValue: (value: string | undefined) => void;
}) {
  return (
    <div class="field" classList={{ "has-error": Boolean(props.error) }}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="date"
        value={props.value ?? ""}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onInput={(event) => props.onValue(event.currentTarget.value || undefined)}
      />
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/** Matrix rows or columns: labels in a list, add and remove. */
function ItemListEditor(props: {
  legend: string;
  prefix: "row" | "col";
  items: readonly MatrixItem[];
  path: IssuePath;
  issues: readonly Issue[];
  newId: NewId;
  onItems: (items: MatrixItem[]) => void;
}) {
  const plain = () => props.items.map((item) => ({ id: item.id, label: item.label }));
  return (
    <fieldset class="item-list">
      <legend>{props.legend}</legend>
      <ol class="item-rows">
        <For each={props.items}>
          {(item, index) => (
            <li class="item-row">
              <TextInput
                label={`${props.legend}: item ${index() + 1}`}
                hideLabel
                id={fieldId([...props.path, index(), "label"])}
                value={item.label}
                maxLength={300}
                error={messageAt(props.issues, [...props.path, index(), "label"])}
                onValue={(label) => props.onItems(plain().map((it) => (it.id === item.id ? { ...it, label } : it)))}
              />
              <button
                type="button"
                class="icon-button icon-button-danger"
                onClick={() => props.onItems(plain().filter((it) => it.id !== item.id))}
              >
                <CloseIcon />
                <span class="visually-hidden">Remove “{item.label}”</span>
              </button>
            </li>
          )}
        </For>
      </ol>
      <InlineIssues messages={issuesUnder(props.issues, props.path).filter((i) => i.path.length === props.path.length).map((i) => i.message)} />
      <button
        type="button"
        class="button button-small"
        onClick={() => props.onItems([...plain(), { id: props.newId(props.prefix), label: `Item ${props.items.length + 1}` }])}
      >
        Add {props.prefix === "row" ? "row" : "column"}
      </button>
    </fieldset>
  );
}

function ShowIfSection(props: QuestionFormProps) {
  const headingId = createUniqueId();
  const id = () => props.question.id;
  const showIfPath = () => [...props.path, "showIf"];
  const rule = () => props.question.showIf;
  const candidates = () => props.earlier.filter((question) => operatorsFor(question).length > 0);

  function addRule() {
    const first = candidates()[0];
    const group: ConditionGroup = { op: "and", conditions: [first ? conditionOn(first) : channelCondition()] };
    props.onEdit((def) => setShowIf(def, id(), group));
  }

  const editGroup = (fn: GroupEdit) =>
    props.onEdit((def) =>
      updateQuestion(def, id(), (question) => {
        const next = fn(question.showIf ?? { op: "and", conditions: [] });
        return withField(question, "showIf", next.conditions.length === 0 ? undefined : next);
      }),
    );

  return (
    <section class="logic-section" aria-labelledby={headingId}>
      <h4 id={headingId}>Logic</h4>
      <Show
        when={rule()}
        fallback={
          <div class="logic-empty">
            <p class="muted small">Always shown.</p>
            <button type="button" class="button button-small" onClick={addRule}>
              Add a show-if rule
            </button>
          </div>
        }
      >
        {(group) => (
          <>
            <ConditionBuilder
              group={group()}
              path={showIfPath()}
              legend="Show this question only if"
              questions={props.earlier}
              allQuestions={props.allQuestions}
              channels={props.channels}
              issues={issuesUnder(props.issues, showIfPath())}
              onEdit={editGroup}
            />
            <button
              type="button"
              class="button button-small button-quiet button-danger-quiet"
              onClick={() => props.onEdit((def) => setShowIf(def, id(), undefined))}
            >
              Remove the rule (always show)
            </button>
          </>
        )}
      </Show>
    </section>
  );
}
