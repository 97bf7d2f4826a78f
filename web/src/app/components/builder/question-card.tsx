// One question in the editor: a summary line with its actions (open, move, duplicate,
// delete, drag), and the full form when open. Alt+↑/↓ on the summary moves it too.
import { Show, createUniqueId, type JSX } from "solid-js";
import { choiceOptions, type Question } from "@sieve/core";
import { questionTypeLabels } from "../../editor/question-types";
import { QuestionForm, type QuestionFormProps } from "./question-form";
import { CopyIcon, DownIcon, GripIcon, TrashIcon, UpIcon } from "./icons";

export type DropSide = "before" | "after" | null;

export function QuestionCard(
  props: QuestionFormProps & {
    number: number;
    isFirst: boolean;
    isLast: boolean;
    expanded: boolean;
    dropSide: DropSide;
    dragging: boolean;
    issueCount: number;
    onToggle: () => void;
    onMove: (delta: -1 | 1) => void;
    onDuplicate: () => void;
    onDelete: () => void;
    onDragStart: (event: DragEvent) => void;
    onDragEnd: () => void;
    onDragOver: (event: DragEvent, side: "before" | "after") => void;
    onDrop: (event: DragEvent, side: "before" | "after") => void;
  },
) {
  const bodyId = createUniqueId();
  const titleId = createUniqueId();
  const id = () => props.question.id;
  let card: HTMLLIElement | undefined;
  const sideOf = (event: DragEvent): "before" | "after" => {
    const box = card?.getBoundingClientRect();
    return box && event.clientY < box.top + box.height / 2 ? "before" : "after";
  };

  const onHeadKey: JSX.EventHandler<HTMLDivElement, KeyboardEvent> = (event) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    props.onMove(event.key === "ArrowUp" ? -1 : 1);
  };

  return (
    <li
      ref={card}
      class="q-card"
      classList={{
        "is-open": props.expanded,
        "is-dragging": props.dragging,
        "drop-before": props.dropSide === "before",
        "drop-after": props.dropSide === "after",
        "has-issues": props.issueCount > 0,
      }}
      data-question-id={id()}
      aria-labelledby={titleId}
      onDragOver={(event) => props.onDragOver(event, sideOf(event))}
      onDrop={(event) => props.onDrop(event, sideOf(event))}
    >
      <div class="q-card-head" onKeyDown={onHeadKey}>
        <span
          class="drag-handle"
          draggable="true"
          title="Drag to reorder"
          aria-hidden="true"
          onDragStart={(event) => {
            if (card) event.dataTransfer?.setDragImage(card, 24, 24);
            props.onDragStart(event);
          }}
          onDragEnd={() => props.onDragEnd()}
        >
          <GripIcon />
        </span>
        <div class="q-card-main">
        <h3 class="q-card-title" id={titleId}>
          <button
            type="button"
            class="q-toggle"
            id={`toggle-${id()}`}
            aria-expanded={props.expanded}
            aria-controls={bodyId}
            onClick={() => props.onToggle()}
          >
            <span class="q-number">{props.number}.</span> <span class="q-title-text">{props.question.title || "Untitled question"}</span>
          </button>
        </h3>
        <QuestionChips question={props.question} issueCount={props.issueCount} />
        </div>
        <div class="q-card-actions" role="group" aria-label={`Question ${props.number} actions`}>
          <button
            type="button"
            class="icon-button"
            id={`move-up-${id()}`}
            aria-disabled={props.isFirst ? "true" : undefined}
            aria-keyshortcuts="Alt+ArrowUp"
            onClick={() => props.onMove(-1)}
          >
            <UpIcon />
            <span class="visually-hidden">Move question {props.number} up</span>
          </button>
          <button
            type="button"
            class="icon-button"
            id={`move-down-${id()}`}
            aria-disabled={props.isLast ? "true" : undefined}
            aria-keyshortcuts="Alt+ArrowDown"
            onClick={() => props.onMove(1)}
          >
            <DownIcon />
            <span class="visually-hidden">Move question {props.number} down</span>
          </button>
          <button type="button" class="icon-button" onClick={() => props.onDuplicate()}>
            <CopyIcon />
            <span class="visually-hidden">Duplicate question {props.number}</span>
          </button>
          <button type="button" class="icon-button icon-button-danger" onClick={() => props.onDelete()}>
            <TrashIcon />
            <span class="visually-hidden">Delete question {props.number}</span>
          </button>
        </div>
      </div>
      <Show when={props.expanded}>
        <div id={bodyId} class="q-card-body">
          <QuestionForm {...props} />
        </div>
      </Show>
    </li>
  );
}

function QuestionChips(props: { question: Question; issueCount: number }) {
  const count = (effect: "qualify" | "disqualify" | "trap") =>
    choiceOptions(props.question).filter((option) => option.effect === effect).length;
  return (
    <span class="q-chips">
      <span class="chip">{questionTypeLabels[props.question.type]}</span>
      <Show when={props.question.required}>
        <span class="chip chip-strong">Required</span>
      </Show>
      <Show when={props.question.showIf}>
        <span class="chip chip-logic">Shown if…</span>
      </Show>
      <Show when={count("qualify") > 0}>
        <span class="chip chip-qualify">{count("qualify")} qualifies</span>
      </Show>
      <Show when={count("disqualify") > 0}>
        <span class="chip chip-disqualify">{count("disqualify")} disqualifies</span>
      </Show>
      <Show when={count("trap") > 0}>
        <span class="chip chip-trap">{count("trap") === 1 ? "1 trap" : `${count("trap")} traps`}</span>
      </Show>
      <Show when={props.issueCount > 0}>
        <span class="chip chip-issue">
          ⚠ {props.issueCount} {props.issueCount === 1 ? "issue" : "issues"}
        </span>
      </Show>
    </span>
  );
}

