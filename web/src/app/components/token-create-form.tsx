import { Show, createSignal } from "solid-js";
import { CopyField } from "./copy-field";
import { FormError } from "./notice";
import { TextField } from "./text-field";

export function TokenCreateForm(props: {
  pending: boolean;
  error: unknown;
  created: { name: string; secret: string } | undefined;
  onCreate: (name: string) => Promise<boolean>;
  onDismissSecret: () => void;
}) {
  const [name, setName] = createSignal("");
  return (
    <div class="stack">
      <form
        class="inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await props.onCreate(name().trim())) setName("");
        }}
      >
        <TextField
          label="Token name"
          required
          maxLength={100}
          placeholder="e.g. Export script"
          autocomplete="off"
          value={name()}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <button type="submit" class="button button-primary" disabled={props.pending}>
          {props.pending ? "Creating…" : "Create token"}
        </button>
      </form>
      <FormError error={props.error} />
      <div role="status" aria-live="polite">
        <Show when={props.created}>
          {(created) => (
            <div class="notice notice-success stack">
              <p>
                Token <strong>{created().name}</strong> created. Copy it now — you won’t be able to see it again.
              </p>
              <CopyField
                label="Secret"
                value={created().secret}
                hint="Send it as “Authorization: Bearer …”. Treat it like a password."
              />
              <div>
                <button type="button" class="button" onClick={() => props.onDismissSecret()}>
                  I’ve copied it
                </button>
              </div>
            </div>
          )}
        </Show>
      </div>
    </div>
  );
}
