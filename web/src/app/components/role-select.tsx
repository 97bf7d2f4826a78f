import { For, createUniqueId } from "solid-js";
import type { Role } from "@sieve/core";
import { roleLabels } from "../lib/format";

export const ROLES: readonly Role[] = ["owner", "editor", "viewer"];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function RoleSelect(props: {
  label: string;
  value: Role;
  disabled?: boolean;
  hideLabel?: boolean;
  onChange: (role: Role) => void;
}) {
  const id = createUniqueId();
  return (
    <span class="inline-field">
      <label for={id} class={props.hideLabel ? "visually-hidden" : undefined}>
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isRole(value)) props.onChange(value);
        }}
      >
        <For each={ROLES}>{(role) => <option value={role}>{roleLabels[role]}</option>}</For>
      </select>
    </span>
  );
}
