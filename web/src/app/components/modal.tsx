import { createEffect, createUniqueId, onCleanup, type JSX } from "solid-js";

/**
 * A native <dialog> shown modally: the browser traps focus, Escape closes it
 * and focus returns to the opener.
 */
export function Modal(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: JSX.Element;
  wide?: boolean;
}) {
  let dialog: HTMLDialogElement | undefined;
  const titleId = createUniqueId();
  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  onCleanup(() => dialog?.open && dialog.close());
  return (
    <dialog
      ref={dialog}
      class={props.wide ? "modal modal-wide" : "modal"}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> element itself.
        if (event.target === dialog) props.onClose();
      }}
    >
      <div class="modal-body">
        <header class="modal-header">
          <h2 id={titleId}>{props.title}</h2>
          <button type="button" class="button button-quiet" onClick={() => props.onClose()}>
            Close
          </button>
        </header>
        {props.children}
      </div>
    </dialog>
  );
}
