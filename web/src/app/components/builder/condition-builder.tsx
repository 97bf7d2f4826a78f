// Show-if and segment rules, built from pickers: which question (or the channel),
// how to compare, and a value picker that fits the question — never free-form logic.
import { For, Match, Show, Switch, createUniqueId } from "solid-js";
import {
  choiceOptions,
  operatorValueKinds,
  type AnswerCondition,
  type AnswerOperator,
  type ChannelCondition,
  type ChannelOperator,
  type ConditionGroup,
  type ConditionValue,
  type Issue,
  type Question,
} from "@sieve/core";
import {
  MAX_GROUP_DEPTH,
  appendTo,
  channelCondition,
  conditionOn,
  emptyGroup,
  isGroup,
  operatorsFor,
  removeAt,
  setGroupOp,
  updateAt,
  withOperator,
  type ConditionItem,
  type TreePath,
} from "../../editor/condition-tree";
import { fieldId, issuesUnder, type IssuePath } from "../../editor/issues";
import { channelKindLabels, channelKinds, channelOperatorLabels, operatorLabel } from "../../editor/labels";
import { InlineIssues } from "./fields";

/** A tracked link the rule may name, besides the channel kinds. */
export type ChannelRef = { code: string; name: string };

/** A group edit: a pure function of the group, applied by the owner to the draft. */
export type GroupEdit = (group: ConditionGroup) => ConditionGroup;

type Shared = {
  /** Questions a rule may look at, in survey order (for show-ifs: the earlier ones). */
  questions: readonly Question[];
  /** Every question, to name a rule's question that is not allowed here (later ones). */
  allQuestions: readonly Question[];
  channels: readonly ChannelRef[];
  issues: readonly Issue[];
  onEdit: (edit: GroupEdit) => void;
};

const CHANNEL = "__channel__";
const MISSING = "__missing__";

/** The whole rule: one root group, its conditions and nested groups. */
export function ConditionBuilder(
  props: Shared & {
    group: ConditionGroup;
    /** Where the group sits in the definition, e.g. `["segments", 0, "when"]`. */
    path: IssuePath;
    legend: string;
  },
) {
  return <GroupEditor {...props} treePath={[]} depth={0} />;
}

function GroupEditor(
  props: Shared & { group: ConditionGroup; path: IssuePath; treePath: TreePath; legend: string; depth: number },
) {
  const opId = createUniqueId();
  const nested = () => props.depth > 0;
  const firstQuestion = () => props.questions.find((question) => operatorsFor(question).length > 0);
  const addCondition = () => {
    const question = firstQuestion();
    const item: ConditionItem = question ? conditionOn(question) : channelCondition();
    props.onEdit((group) => appendTo(group, props.treePath, item));
  };
  const addGroup = () => {
    const question = firstQuestion();
    const inner = emptyGroup(props.group.op === "and" ? "or" : "and");
    inner.conditions.push(question ? conditionOn(question) : channelCondition());
    props.onEdit((group) => appendTo(group, props.treePath, inner));
  };
  const ownIssues = () =>
    props.issues.filter(
      (issue) => issue.path.length === props.path.length + 1 && issue.path[props.path.length] === "conditions",
    );
  return (
    <fieldset class="rule-group" classList={{ "rule-group-nested": nested() }}>
      <legend>{props.legend}</legend>
      <div class="rule-group-head">
        <label for={opId}>{nested() ? "This group holds when" : "Holds when"}</label>
        <select
          id={opId}
          value={props.group.op}
          onChange={(event) => {
            const op = event.currentTarget.value === "or" ? "or" : "and";
            props.onEdit((group) => setGroupOp(group, props.treePath, op));
          }}
        >
          <option value="and">all of these are true</option>
          <option value="or">any of these is true</option>
        </select>
        <Show when={nested()}>
          <button
            type="button"
            class="button button-quiet button-small button-danger-quiet"
            onClick={() => props.onEdit((group) => removeAt(group, props.treePath))}
          >
            Remove group
          </button>
        </Show>
      </div>
      <Show when={props.group.conditions.length > 0} fallback={<p class="muted small">No conditions yet.</p>}>
        <ol class="rule-list">
          <For each={props.group.conditions}>
            {(item, index) => {
              const treePath = () => [...props.treePath, index()];
              const path = () => [...props.path, "conditions", index()];
              return (
                <li class="rule-item">
                  <Show when={index() > 0}>
                    <span class="rule-joiner" aria-hidden="true">
                      {props.group.op === "and" ? "and" : "or"}
                    </span>
                  </Show>
                  <Switch>
                    <Match when={groupOf(item)}>
                      {(group) => (
                        <GroupEditor
                          {...props}
                          group={group()}
                          treePath={treePath()}
                          path={path()}
                          depth={props.depth + 1}
                          legend={`Group ${treePath().map((i) => i + 1).join(".")}`}
                        />
                      )}
                    </Match>
                    <Match when={conditionOf(item)}>
                      {(condition) => (
                        <ConditionRow
                          {...props}
                          condition={condition()}
                          treePath={treePath()}
                          path={path()}
                          number={treePath().map((i) => i + 1).join(".")}
                        />
                      )}
                    </Match>
                  </Switch>
                </li>
              );
            }}
          </For>
        </ol>
      </Show>
      <InlineIssues messages={ownIssues().map((issue) => issue.message)} />
      <div class="actions">
        <button type="button" class="button button-small" onClick={addCondition}>
          Add condition
        </button>
        <Show when={props.depth < MAX_GROUP_DEPTH - 1}>
          <button type="button" class="button button-small button-quiet" onClick={addGroup}>
            Add group
          </button>
        </Show>
      </div>
    </fieldset>
  );
}

function ConditionRow(
  props: Shared & {
    condition: AnswerCondition | ChannelCondition;
    treePath: TreePath;
    path: IssuePath;
    /** "1", or "2.1" inside a group: how labels name this rule. */
    number: string;
  },
) {
  const subjectId = () => fieldId([...props.path, "questionId"]);
  const operatorId = () => fieldId([...props.path, "operator"]);
  const replace = (next: ConditionItem) => props.onEdit((group) => updateAt(group, props.treePath, () => next));
  const rowIssues = () => issuesUnder(props.issues, props.path).map((issue) => issue.message);
  const answer = () => (props.condition.source === "answer" ? props.condition : undefined);
  const channel = () => (props.condition.source === "channel" ? props.condition : undefined);
  const target = () => {
    const condition = answer();
    return condition ? props.allQuestions.find((question) => question.id === condition.questionId) : undefined;
  };
  const allowed = () => {
    const condition = answer();
    return condition !== undefined && props.questions.some((question) => question.id === condition.questionId);
  };

  function chooseSubject(value: string) {
    if (value === CHANNEL) return replace(channelCondition());
    const question = props.questions.find((q) => q.id === value);
    if (question) replace(conditionOn(question));
  }

  return (
    <div class="rule-row" role="group" aria-label={`Condition ${props.number}`}>
      <div class="rule-controls">
        <div class="field">
          <label for={subjectId()} class="visually-hidden">
            Condition {props.number}: what to check
          </label>
          <select
            id={subjectId()}
            value={answer()?.questionId ?? CHANNEL}
            aria-invalid={rowIssues().length > 0 ? "true" : undefined}
            onChange={(event) => chooseSubject(event.currentTarget.value)}
          >
            <Show when={answer() && !allowed()}>
              <option value={answer()?.questionId ?? MISSING}>
                {target() ? `${target()?.title} (comes later)` : "Deleted question"}
              </option>
            </Show>
            <For each={props.questions.filter((question) => operatorsFor(question).length > 0)}>
              {(question) => (
                <option value={question.id} selected={answer()?.questionId === question.id}>
                  {truncate(question.title, 60)}
                </option>
              )}
            </For>
            <option value={CHANNEL} selected={channel() !== undefined}>
              Channel (tracked link)
            </option>
          </select>
        </div>
        <Switch>
          <Match when={answer()}>
            {(condition) => (
              <Show when={target()} fallback={<span class="muted small">Pick a question</span>}>
                {(question) => (
                  <>
                    <div class="field">
                      <label for={operatorId()} class="visually-hidden">
                        Condition {props.number}: comparison
                      </label>
                      <select
                        id={operatorId()}
                        value={condition().operator}
                        onChange={(event) => {
                          const op = operatorsFor(question()).find((o) => o === event.currentTarget.value);
                          if (op) replace(withOperator(snapshot(condition()), op, question()));
                        }}
                      >
                        <Show when={!operatorsFor(question()).includes(condition().operator)}>
                          <option value={condition().operator}>{operatorLabel(condition().operator, question().type)}</option>
                        </Show>
                        <For each={operatorsFor(question())}>
                          {(op) => (
                            <option value={op} selected={condition().operator === op}>
                              {operatorLabel(op, question().type)}
                            </option>
                          )}
                        </For>
                      </select>
                    </div>
                    <ValuePicker
                      question={question()}
                      operator={condition().operator}
                      value={condition().value}
                      id={fieldId([...props.path, "value"])}
                      label={`Condition ${props.number}: value`}
                      onValue={(value) => replace(withValue(snapshot(condition()), value))}
                    />
                  </>
                )}
              </Show>
            )}
          </Match>
          <Match when={channel()}>
            {(condition) => (
              <ChannelPicker
                condition={condition()}
                channels={props.channels}
                number={props.number}
                id={fieldId([...props.path, "values"])}
                onChange={replace}
              />
            )}
          </Match>
        </Switch>
        <button
          type="button"
          class="button button-quiet button-small button-danger-quiet"
          onClick={() => props.onEdit((group) => removeAt(group, props.treePath))}
        >
          Remove<span class="visually-hidden"> condition {props.number}</span>
        </button>
      </div>
      <InlineIssues messages={rowIssues()} />
    </div>
  );
}

/** A plain copy of a rule read from the store, safe to put into the draft. */
function snapshot(condition: AnswerCondition): AnswerCondition {
  const value = condition.value;
  const base = { source: "answer" as const, questionId: condition.questionId, operator: condition.operator };
  if (value === undefined) return base;
  return { ...base, value: Array.isArray(value) ? [...value] : value };
}

function withValue(condition: AnswerCondition, value: ConditionValue | undefined): AnswerCondition {
  const { value: _old, ...rest } = condition;
  return value === undefined ? rest : { ...rest, value };
}

function ValuePicker(props: {
  question: Question;
  operator: AnswerOperator;
  value: ConditionValue | undefined;
  id: string;
  label: string;
  onValue: (value: ConditionValue | undefined) => void;
}) {
  const kind = () => operatorValueKinds[props.operator];
  const options = () => choiceOptions(props.question);
  const isChoice = () => options().length > 0 || props.question.type === "yes_no";
  const numeric = () => props.question.type === "number" || props.question.type === "rating" || props.question.type === "nps";
  const listValue = () => (Array.isArray(props.value) ? props.value : []);
  return (
    <Switch>
      <Match when={kind() === "none"}>{null}</Match>
      <Match when={kind() === "option_list"}>
        <fieldset class="option-picker" id={props.id}>
          <legend class="visually-hidden">{props.label}</legend>
          <For each={options()}>
            {(option) => (
              <label class="option-pick">
                <input
                  type="checkbox"
                  checked={listValue().includes(option.id)}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    const chosen = new Set(listValue());
                    if (on) chosen.add(option.id);
                    else chosen.delete(option.id);
                    props.onValue(options().map((o) => o.id).filter((id) => chosen.has(id)));
                  }}
                />
                <span>{option.label}</span>
              </label>
            )}
          </For>
        </fieldset>
      </Match>
      <Match when={isChoice()}>
        <div class="field">
          <label for={props.id} class="visually-hidden">
            {props.label}
          </label>
          <select
            id={props.id}
            value={typeof props.value === "string" ? props.value : ""}
            onChange={(event) => props.onValue(event.currentTarget.value)}
          >
            <Show when={!options().some((option) => option.id === props.value)}>
              <option value="">Pick an option</option>
            </Show>
            <For each={options()}>
              {(option) => (
                <option value={option.id} selected={props.value === option.id}>
                  {option.label}
                </option>
              )}
            </For>
          </select>
        </div>
      </Match>
      <Match when={props.question.type === "consent"}>
        <div class="field">
          <label for={props.id} class="visually-hidden">
            {props.label}
          </label>
          <select id={props.id} value={props.value === false ? "no" : "yes"} onChange={(event) => props.onValue(event.currentTarget.value === "yes")}>
            <option value="yes">agreed</option>
            <option value="no">did not agree</option>
          </select>
        </div>
      </Match>
      <Match when={props.question.type === "date"}>
        <div class="field">
          <label for={props.id} class="visually-hidden">
            {props.label}
          </label>
          <input
            id={props.id}
            type="date"
            value={typeof props.value === "string" ? props.value : ""}
            onInput={(event) => props.onValue(event.currentTarget.value)}
          />
        </div>
      </Match>
      <Match when={numeric()}>
        <div class="field field-narrow">
          <label for={props.id} class="visually-hidden">
            {props.label}
          </label>
          <input
            id={props.id}
            type="number"
            step="any"
            value={typeof props.value === "number" ? String(props.value) : ""}
            onInput={(event) => {
              const raw = event.currentTarget.value;
              if (raw.trim() !== "" && Number.isFinite(Number(raw))) props.onValue(Number(raw));
            }}
          />
        </div>
      </Match>
      <Match when={true}>
        <div class="field">
          <label for={props.id} class="visually-hidden">
            {props.label}
          </label>
          <input
            id={props.id}
            type="text"
            maxLength={1000}
            value={typeof props.value === "string" ? props.value : ""}
            onInput={(event) => props.onValue(event.currentTarget.value)}
          />
        </div>
      </Match>
    </Switch>
  );
}

function ChannelPicker(props: {
  condition: ChannelCondition;
  channels: readonly ChannelRef[];
  number: string;
  id: string;
  onChange: (condition: ChannelCondition) => void;
}) {
  const operatorId = createUniqueId();
  const toggle = (value: string, on: boolean) => {
    const values = new Set(props.condition.values);
    if (on) values.add(value);
    else values.delete(value);
    props.onChange({ source: "channel", operator: props.condition.operator, values: [...values] });
  };
  const unknown = () =>
    props.condition.values.filter(
      (value) => !channelKinds.some((kind) => kind === value) && !props.channels.some((channel) => channel.code === value),
    );
  return (
    <>
      <div class="field">
        <label for={operatorId} class="visually-hidden">
          Condition {props.number}: comparison
        </label>
        <select
          id={operatorId}
          value={props.condition.operator}
          onChange={(event) => {
            const operator: ChannelOperator = event.currentTarget.value === "is_none_of" ? "is_none_of" : "is_any_of";
            props.onChange({ source: "channel", operator, values: [...props.condition.values] });
          }}
        >
          <option value="is_any_of">{channelOperatorLabels.is_any_of}</option>
          <option value="is_none_of">{channelOperatorLabels.is_none_of}</option>
        </select>
      </div>
      <fieldset class="option-picker" id={props.id}>
        <legend class="visually-hidden">Condition {props.number}: channels</legend>
        <For each={props.channels}>
          {(channel) => (
            <label class="option-pick">
              <input
                type="checkbox"
                checked={props.condition.values.includes(channel.code)}
                onChange={(event) => toggle(channel.code, event.currentTarget.checked)}
              />
              <span>
                {channel.name} <span class="muted mono">/c/{channel.code}</span>
              </span>
            </label>
          )}
        </For>
        <For each={channelKinds}>
          {(kind) => (
            <label class="option-pick">
              <input
                type="checkbox"
                checked={props.condition.values.includes(kind)}
                onChange={(event) => toggle(kind, event.currentTarget.checked)}
              />
              <span>Any {channelKindLabels[kind]} link</span>
            </label>
          )}
        </For>
        <For each={unknown()}>
          {(value) => (
            <label class="option-pick">
              <input type="checkbox" checked onChange={(event) => toggle(value, event.currentTarget.checked)} />
              <span>
                <span class="mono">{value}</span> <span class="muted">(no such link)</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
    </>
  );
}

function groupOf(item: ConditionItem): ConditionGroup | undefined {
  return isGroup(item) ? item : undefined;
}

function conditionOf(item: ConditionItem): AnswerCondition | ChannelCondition | undefined {
  return isGroup(item) ? undefined : item;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
