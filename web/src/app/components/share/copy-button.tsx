import { createSignal } from "solid-js";

/** Copies a text and says so in a live region; falls back to selecting `fallbackTarget`. */
export function CopyButton(props: { text: string; label: string; copiedLabel?: string; fallbackTarget?: () => HTMLElement | undefined }) {
  const [status, setStatus] = createSignal("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.text);
      setStatus(props.copiedLabel ?? "Copied.");
    } catch {
      const target = props.fallbackTarget?.();
      if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) {
        target.focus();
        target.select();
      }
      setStatus("Press Ctrl+C (or ⌘C) to copy the selected text.");
    }
  }
  return (
    <span class="copy-button">
      <button type="button" class="button button-small" onClick={() => void copy()}>
        {props.label}
      </button>
      <span class="hint" role="status" aria-live="polite">
        {status()}
      </span>
    </span>
  );
}
