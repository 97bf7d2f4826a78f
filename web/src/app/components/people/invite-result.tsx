import { For, Show } from "solid-js";
import type { InviteResult } from "../../lib/people-api";
import { CopyField } from "../copy-field";
import { skipReasonLabels } from "./status-labels";

/** What an invite did: the booking links (to copy into a DM) and who was skipped and why. */
export function InviteResultView(props: { result: InviteResult; emailOf: (respondentId: string) => string }) {
  const count = () => props.result.invitations.length;
  return (
    <div class="stack" role="status" aria-live="polite">
      <p class="notice notice-success">
        {count() === 1 ? "1 invitation created" : `${count()} invitations created`}
        {props.result.emailed ? " and queued for email." : ". No email was sent: copy each link into your own message."}
      </p>
      <Show when={count() > 0}>
        <section class="stack">
          <h3>Booking links</h3>
          <p class="hint">Each link is shown only now. Copy it if you want to reach someone by direct message instead.</p>
          <For each={props.result.invitations}>
            {(invitation) => <CopyField label={`Booking link for ${invitation.email}`} value={invitation.link} />}
          </For>
        </section>
      </Show>
      <Show when={props.result.skipped.length > 0}>
        <section class="stack">
          <h3>Skipped ({props.result.skipped.length})</h3>
          <ul>
            <For each={props.result.skipped}>
              {(skip) => (
                <li>
                  <span class="mono">{props.emailOf(skip.respondentId)}</span>: {skipReasonLabels[skip.reason]}
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </div>
  );
}
