import { For } from "solid-js";
import { FieldsetQuestion } from "./question-parts";
import { questionIds, type PublicQuestionOf, type QuestionProps } from "./question-props";

/**
 * One fieldset per row: on a phone each row lists its columns as choices; on wider
 * screens CSS lays the rows out as a grid under one header of column labels.
 */
export function MatrixQuestion(props: QuestionProps<PublicQuestionOf<"matrix">>) {
  const ids = () => questionIds(props.question.id);
  const grid = (): Record<string, string> =>
    typeof props.value === "object" && props.value !== null && !Array.isArray(props.value) && !("other" in props.value)
      ? props.value
      : {};

  function choose(rowId: string, columnId: string) {
    props.onChange({ ...grid(), [rowId]: columnId });
  }

  return (
    <FieldsetQuestion {...props} class="q-matrix">
      <div class="matrix" style={{ "--columns": String(props.question.columns.length) }}>
        <div class="matrix-head" aria-hidden="true">
          <span />
          <For each={props.question.columns}>{(column) => <span>{column.label}</span>}</For>
        </div>
        <For each={props.question.rows}>
          {(row) => (
            <fieldset class="matrix-row" classList={{ "is-missing": Boolean(props.error) && !(row.id in grid()) }}>
              <legend class="matrix-row-label">{row.label}</legend>
              {/* A legend cannot be a grid item, so the grid is an inner box with a visual copy of the label. */}
              <div class="matrix-row-grid">
                <span class="matrix-row-name" aria-hidden="true">
                  {row.label}
                </span>
                <For each={props.question.columns}>
                  {(column) => (
                    <label class="matrix-cell">
                      <input
                        type="radio"
                        name={`${ids().input}-${row.id}`}
                        value={column.id}
                        checked={grid()[row.id] === column.id}
                        onChange={() => choose(row.id, column.id)}
                      />
                      <span class="matrix-cell-label">{column.label}</span>
                    </label>
                  )}
                </For>
              </div>
            </fieldset>
          )}
        </For>
      </div>
    </FieldsetQuestion>
  );
}
