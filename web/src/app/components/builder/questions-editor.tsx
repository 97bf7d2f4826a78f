// Pages and their questions: add, open, reorder (drag and drop, buttons, Alt+↑/↓),
// duplicate, delete, move between pages. Every change is an `Edit` handed up.
import { For, Show, createMemo, createSignal, createUniqueId } from "solid-js";
import { allQuestions, type Issue, type Question, type QuestionType, type SurveyDefinition } from "@sieve/core";
import {
  addPage,
  addQuestion,
  deletePage,
  deleteQuestion,
  duplicateQuestion,
  findQuestion,
  movePage,
  moveQuestion,
  moveQuestionTo,
  referencesTo,
  updatePage,
  type Edit,
} from "../../editor/definition-ops";
import type { NewId } from "../../editor/ids";
import { fieldId, issuesAt, issuesUnder, messageAt } from "../../editor/issues";
import { newQuestion, questionTypeLabels, questionTypeOrder } from "../../editor/question-types";
import { ConfirmDialog } from "../confirm-dialog";
import { LiveStatus } from "../notice";
import type { ChannelRef } from "./condition-builder";
import { InlineIssues, TextInput } from "./fields";
import { QuestionCard, type DropSide } from "./question-card";
import { DownIcon, TrashIcon, UpIcon } from "./icons";

type DropTarget = { pageId: string; index: number; questionId: string | null; side: DropSide };

export function QuestionsEditor(props: {
  /** The draft as a store (stable identities for the DOM). */
  view: SurveyDefinition;
  issues: readonly Issue[];
  channels: readonly ChannelRef[];
  newId: NewId;
  isExpanded: (questionId: string) => boolean;
  onExpand: (questionId: string, open: boolean) => void;
  onEdit: (edit: Edit) => void;
}) {
  const [status, setStatus] = createSignal("");
  const [dragging, setDragging] = createSignal<string | null>(null);
  const [drop, setDrop] = createSignal<DropTarget | null>(null);
  const [confirm, setConfirm] = createSignal<{ title: string; body: string; label: string; run: () => void } | null>(null);
  const flat = createMemo(() => allQuestions(props.view).map((placed) => placed.question));
  const numberOf = (questionId: string) => flat().findIndex((question) => question.id === questionId) + 1;
  const earlierThan = (questionId: string) => flat().slice(0, Math.max(0, numberOf(questionId) - 1));
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  function describePlace(def: SurveyDefinition, questionId: string): string {
    const place = findQuestion(def, questionId);
    if (!place) return "";
    const page = def.pages[place.pageIndex];
    return `position ${place.questionIndex + 1} of ${page?.questions.length ?? 0} on page ${place.pageIndex + 1}`;
  }

  function move(questionId: string, delta: -1 | 1, focusId: string) {
    const title = titleOf(questionId);
    // Keep focus where it was (a Move button, or the summary for Alt+arrows): the node may be redrawn.
    const active = document.activeElement instanceof HTMLElement && document.activeElement.id ? document.activeElement.id : focusId;
    let moved = false;
    let where = "";
    props.onEdit((def) => {
      const next = moveQuestion(def, questionId, delta);
      moved = next !== def;
      where = describePlace(next, questionId);
      return next;
    });
    setStatus(moved ? `Moved “${title}” to ${where}.` : `“${title}” is already ${delta < 0 ? "first" : "last"}.`);
    focusLater(active);
  }

  function titleOf(questionId: string): string {
    return flat().find((question) => question.id === questionId)?.title ?? "question";
  }

  function add(pageId: string, pageIndex: number, type: QuestionType) {
    const question = newQuestion(type, props.newId);
    const index = props.view.pages[pageIndex]?.questions.length ?? 0;
    props.onEdit((def) => addQuestion(def, pageId, question));
    props.onExpand(question.id, true);
    setStatus(`Added a ${questionTypeLabels[type].toLowerCase()} question.`);
    focusLater(fieldId(["pages", pageIndex, "questions", index, "title"]));
  }

  function duplicate(questionId: string) {
    let copyId: string | undefined;
    props.onEdit((def) => {
      const result = duplicateQuestion(def, questionId, props.newId);
      copyId = result.id;
      return result.definition;
    });
    if (copyId) {
      props.onExpand(copyId, true);
      setStatus(`Duplicated “${titleOf(questionId)}”.`);
      focusLater(`toggle-${copyId}`);
    }
  }

  function remove(question: Question) {
    const refs = referencesTo(props.view, question.id);
    const run = () => {
      const number = numberOf(question.id);
      const title = question.title;
      props.onEdit((def) => deleteQuestion(def, question.id));
      setConfirm(null);
      setStatus(`Deleted “${title}”.`);
      const next = flat()[Math.min(number - 1, flat().length - 1)];
      focusLater(next ? `toggle-${next.id}` : "add-question-0");
    };
    const used = [
      ...refs.questions.map((q) => `the show-if rule of “${q.title}”`),
      ...refs.segments.map((s) => `the segment “${s.name}”`),
    ];
    if (used.length === 0) return run();
    setConfirm({
      title: "Delete this question?",
      body: `“${question.title}” is used in ${used.join(", ")}. Deleting it also removes those conditions.`,
      label: "Delete question and its conditions",
      run,
    });
  }

  function removePage(pageId: string, pageIndex: number) {
    const page = props.view.pages[pageIndex];
    if (!page) return;
    const run = () => {
      props.onEdit((def) => deletePage(def, pageId));
      setConfirm(null);
      setStatus(`Deleted page ${pageIndex + 1}.`);
      focusLater("add-page");
    };
    if (page.questions.length === 0) return run();
    setConfirm({
      title: `Delete page ${pageIndex + 1}?`,
      body: `Its ${page.questions.length} ${page.questions.length === 1 ? "question" : "questions"} will be deleted too, with any conditions that use them.`,
      label: "Delete page and questions",
      run,
    });
  }

  /** Drops the dragged question at `index` on a page (index counted with it still in place). */
  function dropOn(event: DragEvent, pageId: string, pageQuestions: readonly Question[], at: number) {
    const moving = dragging() ?? event.dataTransfer?.getData("text/plain") ?? null;
    setDrop(null);
    setDragging(null);
    if (!moving || !flat().some((question) => question.id === moving)) return;
    const target = { index: at };
    const from = pageQuestions.findIndex((question) => question.id === moving);
    // The drop index counts the list with the dragged question still in it.
    const index = from >= 0 && from < target.index ? target.index - 1 : target.index;
    const title = titleOf(moving);
    let where = "";
    props.onEdit((def) => {
      const next = moveQuestionTo(def, moving, pageId, index);
      where = describePlace(next, moving);
      return next;
    });
    setStatus(`Moved “${title}” to ${where}.`);
  }

  return (
    <section class="questions-editor" aria-label="Pages and questions">
      <LiveStatus class="visually-hidden">{status()}</LiveStatus>
      <InlineIssues messages={issuesAt(props.issues, ["pages"]).map((issue) => issue.message)} />
      <ol class="page-blocks">
        <For each={props.view.pages}>
          {(page, pageIndex) => {
            const headingId = createUniqueId();
            const typeId = createUniqueId();
            const [type, setType] = createSignal<QuestionType>("single_choice");
            return (
              <li
                class="page-block"
                aria-labelledby={headingId}
                onDragOver={(event) => {
                  if (dragging() && (page.questions.length === 0 || event.target === event.currentTarget)) {
                    event.preventDefault();
                    setDrop({ pageId: page.id, index: 0, questionId: null, side: null });
                  }
                }}
                onDrop={(event) => {
                  event.preventDefault();
                  dropOn(event, page.id, page.questions, page.questions.length);
                }}
              >
                <div class="page-block-head">
                  <h3 id={headingId}>Page {pageIndex() + 1}</h3>
                  <TextInput
                    label={`Page ${pageIndex() + 1} title (optional)`}
                    hideLabel
                    id={fieldId(["pages", pageIndex(), "title"])}
                    placeholder="Page title (optional)"
                    value={page.title ?? ""}
                    maxLength={200}
                    error={messageAt(props.issues, ["pages", pageIndex(), "title"])}
                    onValue={(title) => props.onEdit((def) => updatePage(def, page.id, { title: title === "" ? undefined : title }))}
                  />
                  <div class="page-actions" role="group" aria-label={`Page ${pageIndex() + 1} actions`}>
                    <button
                      type="button"
                      class="icon-button"
                      aria-disabled={pageIndex() === 0 ? "true" : undefined}
                      onClick={() => pageIndex() > 0 && props.onEdit((def) => movePage(def, page.id, -1))}
                    >
                      <UpIcon />
                      <span class="visually-hidden">Move page {pageIndex() + 1} up</span>
                    </button>
                    <button
                      type="button"
                      class="icon-button"
                      aria-disabled={pageIndex() === props.view.pages.length - 1 ? "true" : undefined}
                      onClick={() =>
                        pageIndex() < props.view.pages.length - 1 && props.onEdit((def) => movePage(def, page.id, 1))
                      }
                    >
                      <DownIcon />
                      <span class="visually-hidden">Move page {pageIndex() + 1} down</span>
                    </button>
                    <button
                      type="button"
                      class="icon-button icon-button-danger"
                      onClick={() => removePage(page.id, pageIndex())}
                    >
                      <TrashIcon />
                      <span class="visually-hidden">Delete page {pageIndex() + 1}</span>
                    </button>
                  </div>
                </div>
                <Show
                  when={page.questions.length > 0}
                  fallback={
                    <p class="page-empty" classList={{ "is-drop-target": drop()?.pageId === page.id }}>
                      {dragging() ? "Drop the question here." : "No questions on this page yet."}
                    </p>
                  }
                >
                  <ol class="q-cards">
                    <For each={page.questions}>
                      {(question, questionIndex) => {
                        const path = () => ["pages", pageIndex(), "questions", questionIndex()];
                        const issues = () => issuesUnder(props.issues, path());
                        return (
                          <QuestionCard
                            question={question}
                            path={path()}
                            issues={issues()}
                            issueCount={issues().length}
                            earlier={earlierThan(question.id)}
                            allQuestions={flat()}
                            channels={props.channels}
                            newId={props.newId}
                            onEdit={props.onEdit}
                            number={numberOf(question.id)}
                            isFirst={numberOf(question.id) === 1}
                            isLast={numberOf(question.id) === flat().length}
                            expanded={props.isExpanded(question.id)}
                            dragging={dragging() === question.id}
                            dropSide={drop()?.questionId === question.id ? (drop()?.side ?? null) : null}
                            onToggle={() => props.onExpand(question.id, !props.isExpanded(question.id))}
                            onMove={(delta) => move(question.id, delta, `move-${delta < 0 ? "up" : "down"}-${question.id}`)}
                            onDuplicate={() => duplicate(question.id)}
                            onDelete={() => remove(question)}
                            onDragStart={(event) => {
                              setDragging(question.id);
                              if (event.dataTransfer) {
                                event.dataTransfer.effectAllowed = "move";
                                event.dataTransfer.setData("text/plain", question.id);
                              }
                            }}
                            onDragEnd={() => {
                              setDragging(null);
                              setDrop(null);
                            }}
                            onDragOver={(event, side) => {
                              if (!dragging()) return;
                              event.preventDefault();
                              event.stopPropagation();
                              const index = questionIndex() + (side === "after" ? 1 : 0);
                              setDrop({ pageId: page.id, index, questionId: question.id, side });
                            }}
                            onDrop={(event, side) => {
                              event.preventDefault();
                              event.stopPropagation();
                              dropOn(event, page.id, page.questions, questionIndex() + (side === "after" ? 1 : 0));
                            }}
                          />
                        );
                      }}
                    </For>
                  </ol>
                </Show>
                <InlineIssues messages={issuesAt(props.issues, ["pages", pageIndex(), "questions"]).map((i) => i.message)} />
                <div class="add-question">
                  <label for={typeId} class="visually-hidden">
                    Type of the new question on page {pageIndex() + 1}
                  </label>
                  <select
                    id={typeId}
                    value={type()}
                    onChange={(event) => {
                      const picked = questionTypeOrder.find((t) => t === event.currentTarget.value);
                      if (picked) setType(picked);
                    }}
                  >
                    <For each={questionTypeOrder}>
                      {(value) => (
                        <option value={value} selected={value === type()}>
                          {questionTypeLabels[value]}
                        </option>
                      )}
                    </For>
                  </select>
                  <button
                    type="button"
                    class="button button-small"
                    id={`add-question-${pageIndex()}`}
                    onClick={() => add(page.id, pageIndex(), type())}
                  >
                    Add question<span class="visually-hidden"> to page {pageIndex() + 1}</span>
                  </button>
                </div>
              </li>
            );
          }}
        </For>
      </ol>
      <button
        type="button"
        class="button"
        id="add-page"
        onClick={() => {
          const id = props.newId("page");
          props.onEdit((def) => addPage(def, { id, questions: [] }));
          setStatus(`Added page ${props.view.pages.length}.`);
          focusLater(`add-question-${props.view.pages.length - 1}`);
        }}
      >
        Add page
      </button>
      <ConfirmDialog
        open={confirm() !== null}
        title={confirm()?.title ?? ""}
        confirmLabel={confirm()?.label ?? "Delete"}
        danger
        onConfirm={() => confirm()?.run()}
        onCancel={() => setConfirm(null)}
      >
        <p>{confirm()?.body}</p>
      </ConfirmDialog>
    </section>
  );
}
