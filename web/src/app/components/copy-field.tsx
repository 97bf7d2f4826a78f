import { createSignal, createUniqueId } from "solid-js";

/** A read-only value with a Copy button (falls back to selecting the text). */
export function CopyField(props: { label: string; value: string; hint?: string }) {
  const id = createUniqueId();
  const [status, setStatus] = createSignal("");
  let input: HTMLInputElement | undefined;
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.value);
      setStatus("Copied to clipboard.");
    } catch {
      input?.select();
      setStatus("Press Ctrl+C (or ⌘C) to copy the selected text.");
    }
  }
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <div class="copy-field">
        <input
          id={id}
          ref={input}
          class="mono"
          readOnly
          value={props.value}
          aria-describedby={`${id}-hint ${id}-status`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p id={`${id}-hint`} class="hint">
        {props.hint ?? ""}
      </p>
      <p id={`${id}-status`} class="hint" role="status" aria-live="polite">
        {status()}
      </p>
    </div>
  );
}
