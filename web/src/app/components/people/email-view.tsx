import { Show, createSignal } from "solid-js";
import type { EmailDetail } from "../../lib/people-api";
import { formatDateTime } from "../../lib/format";

/** One email's plain-text body with a copy button (for sending it by hand). */
export function EmailView(props: { email: EmailDetail }) {
  const [status, setStatus] = createSignal("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.email.text);
      setStatus("Copied to clipboard.");
    } catch {
      setStatus("Could not copy: select the text and copy it yourself.");
    }
  }
  return (
    <div class="stack">
      <dl class="facts">
        <dt>To</dt>
        <dd class="mono">{props.email.toName ? `${props.email.toName} <${props.email.to}>` : props.email.to}</dd>
        <dt>Subject</dt>
        <dd>{props.email.subject}</dd>
        <dt>Status</dt>
        <dd>
          {props.email.status}
          <Show when={props.email.sentAt}>{(at) => ` · ${formatDateTime(at())}`}</Show>
        </dd>
        <Show when={props.email.lastError}>
          <dt>Last error</dt>
          <dd>{props.email.lastError}</dd>
        </Show>
      </dl>
      <pre class="email-body" tabIndex={0} aria-label="Email text">
        {props.email.text}
      </pre>
      <div class="actions">
        <button type="button" class="button" onClick={() => void copy()}>
          Copy text
        </button>
        <span class="hint" role="status" aria-live="polite">
          {status()}
        </span>
      </div>
    </div>
  );
}
