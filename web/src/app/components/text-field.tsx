import { Show, createUniqueId, splitProps, type JSX } from "solid-js";

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement>;

/** A labelled input with an optional hint wired up through aria-describedby. */
export function TextField(props: InputProps & { label: string; hint?: string }) {
  const [own, input] = splitProps(props, ["label", "hint", "id"]);
  const fallbackId = createUniqueId();
  const id = () => own.id ?? fallbackId;
  return (
    <div class="field">
      <label for={id()}>
        {own.label}
        <Show when={input.required}>
          <span class="required-mark" aria-hidden="true">
            {" "}
            *
          </span>
        </Show>
      </label>
      <input id={id()} aria-describedby={own.hint ? `${id()}-hint` : undefined} {...input} />
      <Show when={own.hint}>
        <p id={`${id()}-hint`} class="hint">
          {own.hint}
        </p>
      </Show>
    </div>
  );
}
