import { createUniqueId } from "solid-js";

/** "Import JSON": a file picker that looks like a button; the route reads and sends the file. */
export function ImportButton(props: { busy: boolean; onFile: (file: File) => void }) {
  const hintId = createUniqueId();
  return (
    <>
      <label class="button import-button" aria-disabled={props.busy ? "true" : undefined}>
        {props.busy ? "Importing…" : "Import JSON"}
        <input
          type="file"
          class="visually-hidden"
          accept=".json,application/json"
          disabled={props.busy}
          aria-describedby={hintId}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = "";
            if (file) props.onFile(file);
          }}
        />
      </label>
      <span id={hintId} class="visually-hidden">
        A survey definition exported from Sieve (.json)
      </span>
    </>
  );
}
