import { For, Show } from "solid-js";
import type { EmailStatus, EmailSummary } from "../../lib/people-api";
import { formatDateTime } from "../../lib/format";

const statusClass: Record<EmailStatus, string> = {
  pending: "chip",
  sending: "chip",
  sent: "chip chip-qualify",
  failed: "chip chip-disqualify",
  cancelled: "chip",
  suppressed: "chip",
};

/** Queued and sent email; each row opens the message, failed ones can be retried. */
export function OutboxTable(props: {
  emails: readonly EmailSummary[];
  canEdit: boolean;
  retryingId: string | undefined;
  onOpen: (email: EmailSummary) => void;
  onRetry: (email: EmailSummary) => void;
}) {
  return (
    <div class="table-scroll">
      <table class="table">
        <caption class="visually-hidden">Outbox</caption>
        <thead>
          <tr>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col" class="numeric">
              Attempts
            </th>
            <th scope="col">Next attempt</th>
            <th scope="col">Last error</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.emails}>
            {(email) => (
              <tr>
                <td class="mono">{email.to}</td>
                <td>{email.subject}</td>
                <td>{email.kind.replace(/_/g, " ")}</td>
                <td>
                  <span class={statusClass[email.status]}>{email.status}</span>
                </td>
                <td class="numeric">{email.attempts}</td>
                <td>{email.nextAttemptAt ? formatDateTime(email.nextAttemptAt) : "—"}</td>
                <td class="small">{email.lastError ?? "—"}</td>
                <td>
                  <div class="row-actions">
                    <Show when={props.canEdit}>
                      <button
                        type="button"
                        class="button button-small"
                        aria-label={`Open the email to ${email.to}: ${email.subject}`}
                        onClick={() => props.onOpen(email)}
                      >
                        Open
                      </button>
                    </Show>
                    <Show when={props.canEdit && email.status === "failed"}>
                      <button
                        type="button"
                        class="button button-small"
                        disabled={props.retryingId === email.id}
                        aria-label={`Retry the email to ${email.to}`}
                        onClick={() => props.onRetry(email)}
                      >
                        Retry
                      </button>
                    </Show>
                  </div>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
