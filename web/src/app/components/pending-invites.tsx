import { For, Show } from "solid-js";
import type { PendingInvite } from "../lib/api-types";
import { roleLabels } from "../lib/format";
import { DateOnly, TimeAgo } from "./time-ago";

export function PendingInvites(props: {
  invites: PendingInvite[];
  canManage: boolean;
  busyId: string | null;
  onRevoke: (invite: PendingInvite) => void;
}) {
  return (
    <Show when={props.invites.length > 0} fallback={<p class="muted">No pending invites.</p>}>
      <table class="table table-cards">
        <caption class="visually-hidden">Pending invites</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Sent</th>
            <th scope="col">Expires</th>
            <Show when={props.canManage}>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.invites}>
            {(invite) => (
              <tr>
                <th scope="row" data-label="Email">
                  {invite.email}
                </th>
                <td data-label="Role">{roleLabels[invite.role]}</td>
                <td data-label="Sent">
                  <TimeAgo iso={invite.createdAt} />
                </td>
                <td data-label="Expires">
                  <DateOnly iso={invite.expiresAt} />
                </td>
                <Show when={props.canManage}>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="button button-danger-quiet button-small"
                      disabled={props.busyId !== null}
                      onClick={() => props.onRevoke(invite)}
                    >
                      {props.busyId === invite.id ? "Revoking…" : "Revoke"}
                      <span class="visually-hidden"> invite for {invite.email}</span>
                    </button>
                  </td>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
