import { Show, type JSX } from "solid-js";

/** A respondent's email, name and "Unsubscribed" chip, as the first column of a respondent table; `children` adds more chips. */
export function RespondentEmailCell(props: { respondent: { email: string | null; name: string | null; unsubscribed: boolean }; children?: JSX.Element }) {
  return (
    <td>
      <span class="mono">{props.respondent.email ?? "(no email)"}</span>
      <Show when={props.respondent.name}>
        <span class="muted small"> · {props.respondent.name}</span>
      </Show>
      <Show when={props.respondent.unsubscribed}>
        <span class="chip">Unsubscribed</span>
      </Show>
      {props.children}
    </td>
  );
}
