import { TextField } from "./text-field";
import { PASSWORD_MIN_LENGTH, PASSWORD_RULE } from "../lib/password-rule";

/** The field for choosing a password (setup and invite acceptance): one rule, one autocomplete hint. */
export function NewPasswordField(props: { label: string; value: string; onValue: (value: string) => void }) {
  return (
    <TextField
      label={props.label}
      type="password"
      name="password"
      autocomplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      hint={PASSWORD_RULE}
      value={props.value}
      onInput={(event) => props.onValue(event.currentTarget.value)}
    />
  );
}
