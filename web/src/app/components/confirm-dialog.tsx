import type { JSX } from "solid-js";
import { Modal } from "./modal";
import { FormError } from "./notice";

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: JSX.Element;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal open={props.open} title={props.title} onClose={() => props.onCancel()}>
      <div class="stack">
        {props.children}
        <FormError error={props.error} />
        <div class="actions">
          <button
            type="button"
            class={props.danger ? "button button-danger" : "button button-primary"}
            disabled={props.pending}
            onClick={() => props.onConfirm()}
          >
            {props.pending ? "Working…" : props.confirmLabel}
          </button>
          <button type="button" class="button" onClick={() => props.onCancel()}>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}
