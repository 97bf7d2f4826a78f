import { For, Show } from "solid-js";
import type { InvitationPreview, InviteResult } from "../../lib/people-api";
import { FormError, LiveStatus } from "../notice";
import { Modal } from "../modal";
import { insertMergeField } from "./merge-field-insert";
import { InviteResultView } from "./invite-result";

export const MERGE_FIELD_BUTTONS: readonly { field: string; label: string }[] = [
  { field: "first_name", label: "First name" },
  { field: "survey_title", label: "Survey title" },
  { field: "booking_link", label: "Booking link" },
  { field: "researcher_name", label: "Your name" },
];

/**
 * Writes and sends interview invitations to the selected respondents. The message is a
 * template with merge fields; the preview is rendered by the server (the route passes it in).
 */
export function InviteDialog(props: {
  open: boolean;
  recipients: number;
  subject: string;
  body: string;
  sendEmail: boolean;
  overrideFlags: boolean;
  preview: InvitationPreview | undefined;
  previewError: unknown;
  previewLoading: boolean;
  pending: boolean;
  error: unknown;
  result: InviteResult | undefined;
  emailOf: (respondentId: string) => string;
  onSubject: (value: string) => void;
  onBody: (value: string) => void;
  onSendEmail: (value: boolean) => void;
  onOverrideFlags: (value: boolean) => void;
  onSend: () => void;
  onClose: () => void;
}) {
  let bodyInput: HTMLTextAreaElement | undefined;

  function insert(field: string) {
    const el = bodyInput;
    const start = el ? el.selectionStart : props.body.length;
    const end = el ? el.selectionEnd : props.body.length;
    const next = insertMergeField(props.body, start, end, field);
    props.onBody(next.text);
    // Put the caret after the field once the textarea shows the new text.
    queueMicrotask(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  }

  return (
    <Modal open={props.open} title="Invite to an interview" onClose={props.onClose} wide>
      <Show
        when={props.result}
        fallback={
          <form
            class="stack"
            onSubmit={(event) => {
              event.preventDefault();
              props.onSend();
            }}
          >
            <p class="muted">
              {props.recipients === 1 ? "1 respondent selected." : `${props.recipients} respondents selected.`} Each gets their own
              booking link.
            </p>
            <div class="field">
              <label for="invite-subject">Subject</label>
              <input
                id="invite-subject"
                value={props.subject}
                maxLength={200}
                required
                onInput={(e) => props.onSubject(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="invite-body">Message</label>
              <div class="merge-fields" role="group" aria-label="Insert a merge field into the message">
                <For each={MERGE_FIELD_BUTTONS}>
                  {(item) => (
                    <button type="button" class="button button-small" onClick={() => insert(item.field)}>
                      + {item.label}
                    </button>
                  )}
                </For>
              </div>
              <textarea
                id="invite-body"
                ref={bodyInput}
                rows={10}
                required
                aria-describedby="invite-body-hint"
                value={props.body}
                onInput={(e) => props.onBody(e.currentTarget.value)}
              />
              <p id="invite-body-hint" class="hint">
                The message must contain {"{{booking_link}}"}. Write {"{{first_name|there}}"} for a fallback when a field is empty.
              </p>
            </div>
            <fieldset class="people-options">
              <legend>Options</legend>
              <label class="people-check">
                <input type="checkbox" checked={props.sendEmail} onChange={(e) => props.onSendEmail(e.currentTarget.checked)} />
                Send by email (otherwise only create the links, to copy into a message yourself)
              </label>
              <label class="people-check">
                <input
                  type="checkbox"
                  checked={props.overrideFlags}
                  onChange={(e) => props.onOverrideFlags(e.currentTarget.checked)}
                />
                Invite flagged respondents too
              </label>
            </fieldset>
            <section class="invite-preview" aria-labelledby="invite-preview-title">
              <h3 id="invite-preview-title">Preview</h3>
              <LiveStatus class="hint">
                {props.previewLoading ? "Updating preview…" : props.previewError ? "The preview could not be rendered." : ""}
              </LiveStatus>
              <Show when={props.previewError}>
                <FormError error={props.previewError} />
              </Show>
              <Show when={props.preview}>
                {(preview) => (
                  <div class="card">
                    <p>
                      <strong>{preview().subject}</strong>
                    </p>
                    <p class="prewrap" data-testid="preview-text">
                      {preview().text}
                    </p>
                  </div>
                )}
              </Show>
            </section>
            <FormError error={props.error} />
            <div class="actions">
              <button type="submit" class="button button-primary" disabled={props.pending || props.recipients === 0}>
                {props.pending ? "Inviting…" : props.sendEmail ? "Send invitations" : "Create links"}
              </button>
              <button type="button" class="button button-quiet" onClick={() => props.onClose()}>
                Cancel
              </button>
            </div>
          </form>
        }
      >
        {(result) => (
          <div class="stack">
            <InviteResultView result={result()} emailOf={props.emailOf} />
            <div class="actions">
              <button type="button" class="button button-primary" onClick={() => props.onClose()}>
                Done
              </button>
            </div>
          </div>
        )}
      </Show>
    </Modal>
  );
}
