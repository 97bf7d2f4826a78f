import { For, Show } from "solid-js";
import type { Member, Role } from "../lib/api-types";
import { roleLabels } from "../lib/format";
import { RoleSelect } from "./role-select";
import { DateOnly } from "./time-ago";

export function MembersTable(props: {
  members: Member[];
  currentUserId: string;
  canManage: boolean;
  busyUserId: string | null;
  onRoleChange: (member: Member, role: Role) => void;
  onRemove: (member: Member) => void;
}) {
  return (
    <table class="table table-cards">
      <caption class="visually-hidden">Workspace members</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Joined</th>
          <Show when={props.canManage}>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </Show>
        </tr>
      </thead>
      <tbody>
        <For each={props.members}>
          {(member) => {
            const isMe = () => member.userId === props.currentUserId;
            const who = () => member.name || member.email;
            return (
              <tr>
                <th scope="row" data-label="Name">
                  {who()}
                  <Show when={isMe()}>
                    <span class="muted"> (you)</span>
                  </Show>
                </th>
                <td data-label="Email">{member.email}</td>
                <td data-label="Role">
                  <Show when={props.canManage} fallback={roleLabels[member.role]}>
                    <RoleSelect
                      label={`Role of ${who()}`}
                      hideLabel
                      value={member.role}
                      disabled={props.busyUserId !== null}
                      onChange={(role) => props.onRoleChange(member, role)}
                    />
                  </Show>
                </td>
                <td data-label="Joined">
                  <DateOnly iso={member.joinedAt} />
                </td>
                <Show when={props.canManage}>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="button button-danger-quiet button-small"
                      disabled={props.busyUserId !== null}
                      onClick={() => props.onRemove(member)}
                    >
                      {isMe() ? "Leave" : "Remove"}
                      <span class="visually-hidden"> {who()}</span>
                    </button>
                  </td>
                </Show>
              </tr>
            );
          }}
        </For>
      </tbody>
    </table>
  );
}
