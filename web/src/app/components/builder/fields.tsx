// Labelled form controls for the builder: each shows its error in place, wired up
// with aria-invalid and aria-describedby, and reports plain values.
import { For, Show, createEffect, createSignal, createUniqueId, type JSX } from "solid-js";

type Base = {
  label: string;
  /** A stable DOM id (from `fieldId(path)`) so issues can take focus here. */
  id?: string;
  hint?: string;
  error?: string | undefined;
  hideLabel?: boolean;
  class?: string;
};

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const parts = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : undefined;
}

function FieldShell(props: Base & { id: string; children: JSX.Element }) {
  return (
    <div class={`field ${props.class ?? ""}`} classList={{ "has-error": Boolean(props.error) }}>
      <label for={props.id} classList={{ "visually-hidden": props.hideLabel === true }}>
        {props.label}
      </label>
      {props.children}
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

export function TextInput(
  props: Base & {
    value: string;
    onValue: (value: string) => void;
    maxLength?: number;
    placeholder?: string;
    type?: "text" | "url" | "email";
    multiline?: boolean;
    rows?: number;
    onKeyDown?: (event: KeyboardEvent) => void;
  },
) {
  const fallback = createUniqueId();
  const id = () => props.id ?? fallback;
  return (
    <FieldShell {...props} id={id()}>
      <Show
        when={props.multiline}
        fallback={
          <input
            id={id()}
            type={props.type ?? "text"}
            value={props.value}
            maxLength={props.maxLength}
            placeholder={props.placeholder}
            aria-invalid={props.error ? "true" : undefined}
            aria-describedby={describedBy(id(), props.hint, props.error)}
            onInput={(event) => props.onValue(event.currentTarget.value)}
            onKeyDown={(event) => props.onKeyDown?.(event)}
          />
        }
      >
        <textarea
          id={id()}
          value={props.value}
          rows={props.rows ?? 3}
          maxLength={props.maxLength}
          placeholder={props.placeholder}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={describedBy(id(), props.hint, props.error)}
          onInput={(event) => props.onValue(event.currentTarget.value)}
        />
      </Show>
    </FieldShell>
  );
}

/**
 * A number field that keeps what is typed ("-", "1.") while it is not a number yet,
 * and reports `undefined` for an empty field.
 */
export function NumberInput(
  props: Base & {
    value: number | undefined;
    onValue: (value: number | undefined) => void;
    min?: number;
    max?: number;
    step?: number | "any";
  },
) {
  const fallback = createUniqueId();
  const id = () => props.id ?? fallback;
  const [text, setText] = createSignal(props.value === undefined ? "" : String(props.value));
  createEffect(() => {
    const value = props.value;
    const shown = text().trim() === "" ? undefined : Number(text());
    if (value !== shown) setText(value === undefined ? "" : String(value));
  });
  return (
    <FieldShell {...props} id={id()}>
      <input
        id={id()}
        type="number"
        inputMode="decimal"
        value={text()}
        min={props.min}
        max={props.max}
        step={props.step ?? "any"}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id(), props.hint, props.error)}
        onInput={(event) => {
          const raw = event.currentTarget.value;
          setText(raw);
          if (raw.trim() === "") props.onValue(undefined);
          else if (Number.isFinite(Number(raw))) props.onValue(Number(raw));
        }}
      />
    </FieldShell>
  );
}

export function SelectInput<T extends string>(
  props: Base & {
    value: T;
    options: readonly { value: T; label: string }[];
    onValue: (value: T) => void;
  },
) {
  const fallback = createUniqueId();
  const id = () => props.id ?? fallback;
  return (
    <FieldShell {...props} id={id()}>
      <select
        id={id()}
        value={props.value}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id(), props.hint, props.error)}
        onChange={(event) => {
          const chosen = props.options.find((option) => option.value === event.currentTarget.value);
          if (chosen) props.onValue(chosen.value);
        }}
      >
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </FieldShell>
  );
}

export function Checkbox(props: {
  label: string;
  checked: boolean;
  onValue: (checked: boolean) => void;
  hint?: string;
  id?: string;
}) {
  const fallback = createUniqueId();
  const id = () => props.id ?? fallback;
  return (
    <div class="checkbox-field">
      <input
        id={id()}
        type="checkbox"
        checked={props.checked}
        aria-describedby={props.hint ? `${id()}-hint` : undefined}
        onChange={(event) => props.onValue(event.currentTarget.checked)}
      />
      <div>
        <label for={id()}>{props.label}</label>
        <Show when={props.hint}>
          <p id={`${id()}-hint`} class="hint">
            {props.hint}
          </p>
        </Show>
      </div>
    </div>
  );
}

/** Error text for something that is not a single field (a list, a rule). */
export function InlineIssues(props: { messages: readonly string[]; id?: string }) {
  return (
    <Show when={props.messages.length > 0}>
      <ul class="inline-issues" id={props.id}>
        <For each={props.messages}>
          {(message) => (
            <li>
              <span aria-hidden="true">⚠ </span>
              {message}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
