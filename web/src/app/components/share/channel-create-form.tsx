import { For, createSignal, createUniqueId } from "solid-js";
import type { ChannelKind } from "@sieve/core";
import { channelKindLabels, channelKinds } from "../../editor/labels";
import { FormError } from "../notice";
import { TextField } from "../text-field";

/** Name a community and its kind; the route creates the link. */
export function ChannelCreateForm(props: {
  pending: boolean;
  error: unknown;
  onCreate: (input: { name: string; kind: ChannelKind }) => Promise<boolean>;
}) {
  const [name, setName] = createSignal("");
  const [kind, setKind] = createSignal<ChannelKind>("reddit");
  const kindId = createUniqueId();
  return (
    <form
      class="stack"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await props.onCreate({ name: name().trim(), kind: kind() })) setName("");
      }}
    >
      <div class="inline-form">
        <TextField
          label="Community"
          required
          maxLength={80}
          placeholder="e.g. r/userexperience"
          autocomplete="off"
          value={name()}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <div class="field">
          <label for={kindId}>Kind</label>
          <select
            id={kindId}
            value={kind()}
            onChange={(event) => {
              const picked = channelKinds.find((k) => k === event.currentTarget.value);
              if (picked) setKind(picked);
            }}
          >
            <For each={channelKinds}>
              {(value) => (
                <option value={value} selected={value === kind()}>
                  {channelKindLabels[value]}
                </option>
              )}
            </For>
          </select>
        </div>
        <button type="submit" class="button button-primary" disabled={props.pending}>
          {props.pending ? "Creating…" : "Create link"}
        </button>
      </div>
      <FormError error={props.error} />
    </form>
  );
}
