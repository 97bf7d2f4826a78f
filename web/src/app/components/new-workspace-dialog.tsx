import { createSignal } from "solid-js";
import { Modal } from "./modal";
import { TextField } from "./text-field";
import { FormError } from "./notice";

export function NewWorkspaceDialog(props: {
  open: boolean;
  pending: boolean;
  error: unknown;
  onCreate: (name: string) => void;
  onClose: () => void;
}) {
  const [name, setName] = createSignal("");
  return (
    <Modal open={props.open} title="New workspace" onClose={() => props.onClose()}>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          props.onCreate(name().trim());
        }}
      >
        <p class="muted">A separate space with its own surveys and members. You’ll be its owner.</p>
        <TextField
          label="Workspace name"
          required
          maxLength={100}
          value={name()}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <FormError error={props.error} />
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={props.pending}>
            {props.pending ? "Creating…" : "Create workspace"}
          </button>
          <button type="button" class="button" onClick={() => props.onClose()}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
