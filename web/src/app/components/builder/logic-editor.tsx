// Show-if rules across the survey, named segments (condition groups with a colour)
// and quotas on qualified completes, overall or per segment.
import { For, Show, createMemo, createSignal, createUniqueId } from "solid-js";
import { allQuestions, type ConditionGroup, type Issue, type SurveyDefinition } from "@sieve/core";
import { conditionOn, operatorsFor } from "../../editor/condition-tree";
import {
  addQuota,
  addSegment,
  deleteQuota,
  deleteSegment,
  nextSegmentColor,
  setShowIf,
  updateQuestion,
  updateQuota,
  updateSegment,
  withField,
  type Edit,
} from "../../editor/definition-ops";
import type { NewId } from "../../editor/ids";
import { fieldId, issuesAt, issuesUnder, messageAt } from "../../editor/issues";
import { ConfirmDialog } from "../confirm-dialog";
import { LiveStatus } from "../notice";
import { ConditionBuilder, type ChannelRef, type GroupEdit } from "./condition-builder";
import { EndScreenEditor } from "./end-screen-editor";
import { InlineIssues, NumberInput, TextInput } from "./fields";

export function LogicEditor(props: {
  view: SurveyDefinition;
  issues: readonly Issue[];
  channels: readonly ChannelRef[];
  newId: NewId;
  onEdit: (edit: Edit) => void;
}) {
  const [status, setStatus] = createSignal("");
  const [confirm, setConfirm] = createSignal<{ id: string; name: string; quotas: number } | null>(null);
  const placed = createMemo(() => allQuestions(props.view));
  const flat = createMemo(() => placed().map((p) => p.question));
  const withRules = createMemo(() => placed().filter((p) => p.question.showIf !== undefined));
  const withoutRules = createMemo(() => placed().filter((p, index) => p.question.showIf === undefined && index > 0));
  const [ruleTarget, setRuleTarget] = createSignal("");
  const target = () =>
    withoutRules().some((p) => p.question.id === ruleTarget()) ? ruleTarget() : (withoutRules()[0]?.question.id ?? "");
  const ruleTargetId = createUniqueId();
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  function addRule() {
    const id = target();
    const index = flat().findIndex((q) => q.id === id);
    const first = flat()
      .slice(0, Math.max(index, 0))
      .find((q) => operatorsFor(q).length > 0);
    if (!id || !first) return;
    const group: ConditionGroup = { op: "and", conditions: [conditionOn(first)] };
    props.onEdit((def) => setShowIf(def, id, group));
    setRuleTarget("");
    setStatus("Added a show-if rule.");
  }

  function addNewSegment() {
    const id = props.newId("seg");
    const first = flat().find((q) => operatorsFor(q).length > 0);
    const color = nextSegmentColor(props.view);
    props.onEdit((def) =>
      addSegment(def, {
        id,
        name: `Segment ${def.segments.length + 1}`,
        color,
        when: { op: "and", conditions: first ? [conditionOn(first)] : [] },
      }),
    );
    setStatus("Added a segment.");
    focusLater(fieldId(["segments", props.view.segments.length - 1, "name"]));
  }

  function addNewQuota() {
    const id = props.newId("quota");
    const taken = new Set(props.view.quotas.map((quota) => quota.segmentId));
    // The newest segment without a cap is the likeliest one to cap next.
    const segment = [...props.view.segments].reverse().find((s) => !taken.has(s.id));
    const segmentId = taken.has(null) ? (segment?.id ?? null) : null;
    const name = segmentId === null ? "All qualified" : (segment?.name ?? "Quota");
    props.onEdit((def) => addQuota(def, { id, name, segmentId, cap: 10 }));
    setStatus("Added a quota.");
    focusLater(fieldId(["quotas", props.view.quotas.length - 1, "cap"]));
  }

  return (
    <div class="logic-editor stack">
      <LiveStatus class="visually-hidden">{status()}</LiveStatus>
      <section class="card" aria-labelledby="rules-heading">
        <h2 id="rules-heading">Show-if rules</h2>
        <p class="hint">
          A question with a rule is shown only when its conditions hold over earlier answers or the link the respondent
          came through. You can also edit a rule inside its question.
        </p>
        <Show when={withRules().length > 0} fallback={<p class="muted">No question has a rule yet: everyone sees every question.</p>}>
          <ol class="rule-overview">
            <For each={withRules()}>
              {(entry) => {
                const path = () => ["pages", entry.pageIndex, "questions", entry.questionIndex, "showIf"];
                const number = () => flat().indexOf(entry.question) + 1;
                const edit = (fn: GroupEdit) =>
                  props.onEdit((def) =>
                    updateQuestion(def, entry.question.id, (question) => {
                      const next = fn(question.showIf ?? { op: "and", conditions: [] });
                      return withField(question, "showIf", next.conditions.length === 0 ? undefined : next);
                    }),
                  );
                return (
                  <li class="rule-overview-item">
                    <Show when={entry.question.showIf}>
                      {(group) => (
                        <ConditionBuilder
                          group={group()}
                          path={path()}
                          legend={`Show question ${number()} “${entry.question.title}” only if`}
                          questions={flat().slice(0, number() - 1)}
                          allQuestions={flat()}
                          channels={props.channels}
                          issues={issuesUnder(props.issues, path())}
                          onEdit={edit}
                        />
                      )}
                    </Show>
                  </li>
                );
              }}
            </For>
          </ol>
        </Show>
        <Show when={withoutRules().length > 0}>
          <div class="inline-form">
            <div class="field">
              <label for={ruleTargetId}>Add a rule to</label>
              <select id={ruleTargetId} value={target()} onChange={(event) => setRuleTarget(event.currentTarget.value)}>
                <For each={withoutRules()}>
                  {(entry) => (
                    <option value={entry.question.id} selected={entry.question.id === target()}>
                      {flat().indexOf(entry.question) + 1}. {entry.question.title}
                    </option>
                  )}
                </For>
              </select>
            </div>
            <button type="button" class="button" onClick={addRule}>
              Add show-if rule
            </button>
          </div>
        </Show>
      </section>

      <section class="card" aria-labelledby="segments-heading">
        <h2 id="segments-heading">Segments</h2>
        <p class="hint">
          Named groups of respondents, such as “Customers: decides the purchase”. A response can fall in several. Results
          are split by segment, in its colour.
        </p>
        <ol class="segment-list">
          <For each={props.view.segments}>
            {(segment, index) => {
              const path = () => ["segments", index()];
              return (
                <li class="segment-item" id={`segment-${segment.id}`}>
                  <div class="form-row">
                    <TextInput
                      label="Segment name"
                      id={fieldId([...path(), "name"])}
                      value={segment.name}
                      maxLength={80}
                      error={messageAt(props.issues, [...path(), "name"])}
                      onValue={(name) => props.onEdit((def) => updateSegment(def, segment.id, (s) => ({ ...s, name })))}
                    />
                    <div class="field field-color">
                      <label for={fieldId([...path(), "color"])}>Colour</label>
                      <input
                        id={fieldId([...path(), "color"])}
                        type="color"
                        value={segment.color}
                        onInput={(event) => {
                          const color = event.currentTarget.value;
                          props.onEdit((def) => updateSegment(def, segment.id, (s) => ({ ...s, color })));
                        }}
                      />
                    </div>
                    <button
                      type="button"
                      class="button button-small button-danger-quiet"
                      onClick={() =>
                        setConfirm({
                          id: segment.id,
                          name: segment.name,
                          quotas: props.view.quotas.filter((q) => q.segmentId === segment.id).length,
                        })
                      }
                    >
                      Delete<span class="visually-hidden"> segment “{segment.name}”</span>
                    </button>
                  </div>
                  <ConditionBuilder
                    group={segment.when}
                    path={[...path(), "when"]}
                    legend={`Who is in “${segment.name}”`}
                    questions={flat()}
                    allQuestions={flat()}
                    channels={props.channels}
                    issues={issuesUnder(props.issues, [...path(), "when"])}
                    onEdit={(fn) => props.onEdit((def) => updateSegment(def, segment.id, (s) => ({ ...s, when: fn(s.when) })))}
                  />
                </li>
              );
            }}
          </For>
        </ol>
        <div>
          <button type="button" class="button" onClick={addNewSegment}>
            Add segment
          </button>
        </div>
      </section>

      <section class="card" aria-labelledby="quotas-heading">
        <h2 id="quotas-heading">Quotas</h2>
        <p class="hint">
          A cap on qualified completes, for everyone or for one segment. Once a quota is full, people who would count
          towards it see the over-quota screen.
        </p>
        <Show when={props.view.quotas.length > 0} fallback={<p class="muted">No quotas: every qualified person can finish.</p>}>
          <ol class="quota-list">
            <For each={props.view.quotas}>
              {(quota, index) => {
                const path = () => ["quotas", index()];
                const audienceId = createUniqueId();
                return (
                  <li class="quota-item form-row">
                    <TextInput
                      label="Quota name"
                      id={fieldId([...path(), "name"])}
                      value={quota.name}
                      maxLength={80}
                      error={messageAt(props.issues, [...path(), "name"])}
                      onValue={(name) => props.onEdit((def) => updateQuota(def, quota.id, { name }))}
                    />
                    <div class="field" classList={{ "has-error": Boolean(messageAt(props.issues, [...path(), "segmentId"])) }}>
                      <label for={audienceId}>Counts</label>
                      <select
                        id={audienceId}
                        value={quota.segmentId ?? ""}
                        onChange={(event) => {
                          const value = event.currentTarget.value;
                          props.onEdit((def) => updateQuota(def, quota.id, { segmentId: value === "" ? null : value }));
                        }}
                      >
                        <option value="">All qualified completes</option>
                        <For each={props.view.segments}>
                          {(segment) => (
                            <option value={segment.id} selected={quota.segmentId === segment.id}>
                              Qualified in “{segment.name}”
                            </option>
                          )}
                        </For>
                      </select>
                      <InlineIssues messages={issuesAt(props.issues, [...path(), "segmentId"]).map((i) => i.message)} />
                    </div>
                    <NumberInput
                      label="Cap"
                      id={fieldId([...path(), "cap"])}
                      value={quota.cap}
                      min={1}
                      step={1}
                      error={messageAt(props.issues, [...path(), "cap"])}
                      onValue={(cap) => props.onEdit((def) => updateQuota(def, quota.id, { cap: cap ?? 0 }))}
                    />
                    <button
                      type="button"
                      class="button button-small button-danger-quiet"
                      onClick={() => {
                        props.onEdit((def) => deleteQuota(def, quota.id));
                        setStatus(`Deleted quota “${quota.name}”.`);
                      }}
                    >
                      Delete<span class="visually-hidden"> quota “{quota.name}”</span>
                    </button>
                  </li>
                );
              }}
            </For>
          </ol>
        </Show>
        <div>
          <button type="button" class="button" onClick={addNewQuota}>
            Add quota
          </button>
        </div>
        <EndScreenEditor which="over_quota" screen={props.view.endScreens.over_quota} issues={props.issues} onEdit={props.onEdit} />
      </section>

      <ConfirmDialog
        open={confirm() !== null}
        title="Delete this segment?"
        confirmLabel="Delete segment"
        danger
        onConfirm={() => {
          const target = confirm();
          if (!target) return;
          props.onEdit((def) => deleteSegment(def, target.id));
          setConfirm(null);
          setStatus(`Deleted segment “${target.name}”.`);
        }}
        onCancel={() => setConfirm(null)}
      >
        <p>
          “{confirm()?.name}” will be deleted
          {confirm()?.quotas ? `, with the ${confirm()?.quotas === 1 ? "quota" : "quotas"} that capped it` : ""}.
        </p>
      </ConfirmDialog>
    </div>
  );
}
