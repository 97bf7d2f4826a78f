import { Match, Switch, createSignal } from "solid-js";
import type { AddMemberResult, Role } from "../lib/api-types";
import { CopyField } from "./copy-field";
import { FormError } from "./notice";
import { RoleSelect } from "./role-select";
import { TextField } from "./text-field";

export function InviteForm(props: {
  pending: boolean;
  error: unknown;
  result: AddMemberResult | undefined;
  onInvite: (input: { email: string; role: Role }) => Promise<boolean>;
}) {
  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal<Role>("editor");
  const inviteUrl = (url: string) => new URL(url, location.origin).href;

  return (
    <div class="stack">
      <form
        class="inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await props.onInvite({ email: email().trim(), role: role() })) setEmail("");
        }}
      >
        <TextField
          label="Email"
          type="email"
          required
          autocomplete="off"
          value={email()}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <div class="field">
          <RoleSelect label="Role" value={role()} onChange={setRole} />
        </div>
        <button type="submit" class="button button-primary" disabled={props.pending}>
          {props.pending ? "Inviting…" : "Invite"}
        </button>
      </form>
      <p class="hint">
        Owners manage members and settings. Editors build surveys and view results. Viewers only view.
      </p>
      <FormError error={props.error} />
      <div role="status" aria-live="polite">
        <Switch>
          <Match when={props.result && "member" in props.result ? props.result.member : undefined}>
            {(member) => (
              <p class="notice notice-success">
                {member().name || member().email} already had an account and is now a member.
              </p>
            )}
          </Match>
          <Match when={props.result && "invite" in props.result ? props.result.invite : undefined}>
            {(invite) => (
              <div class="notice notice-success stack">
                <p>
                  Invite created for <strong>{invite().email}</strong>. Send them this link — it is shown only once.
                </p>
                <CopyField label="Invite link" value={inviteUrl(invite().url)} />
              </div>
            )}
          </Match>
        </Switch>
      </div>
    </div>
  );
}
