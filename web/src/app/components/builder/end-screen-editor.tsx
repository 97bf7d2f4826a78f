// One end screen: a title, plain-text body (links become clickable, HTML stays text)
// and an optional http(s) redirect.
import type { EndScreens, Issue } from "@sieve/core";
import { updateEndScreen, type Edit } from "../../editor/definition-ops";
import { fieldId, messageAt } from "../../editor/issues";
import { TextInput } from "./fields";

export const endScreenNames: Record<keyof EndScreens, { title: string; when: string }> = {
  qualified: { title: "Qualified", when: "Shown to people who pass the screener." },
  disqualified: {
    title: "Disqualified",
    when: "Shown when an answer disqualifies, or marks a trap. Keep it neutral: saying why teaches the next person what to answer.",
  },
  over_quota: { title: "Over quota", when: "Shown to people who qualify after their quota is full." },
  closed: { title: "Closed", when: "Shown once the survey is closed, past its close date or at its response limit." },
};

export function EndScreenEditor(props: {
  which: keyof EndScreens;
  screen: EndScreens[keyof EndScreens];
  issues: readonly Issue[];
  onEdit: (edit: Edit) => void;
  headingLevel?: 2 | 3;
}) {
  const at = (field: string) => ["endScreens", props.which, field];
  return (
    <fieldset class="card end-screen-editor" id={fieldId(["endScreens", props.which])}>
      <legend class="card-legend">{endScreenNames[props.which].title}</legend>
      <p class="hint">{endScreenNames[props.which].when}</p>
      <TextInput
        label="Title"
        id={fieldId(at("title"))}
        value={props.screen.title}
        maxLength={200}
        error={messageAt(props.issues, at("title"))}
        onValue={(title) => props.onEdit((def) => updateEndScreen(def, props.which, { title }))}
      />
      <TextInput
        label="Message"
        id={fieldId(at("body"))}
        multiline
        rows={4}
        value={props.screen.body}
        maxLength={5000}
        hint="Plain text. Web addresses become links; HTML is shown as typed."
        error={messageAt(props.issues, at("body"))}
        onValue={(body) => props.onEdit((def) => updateEndScreen(def, props.which, { body }))}
      />
      <TextInput
        label="Redirect to (optional)"
        id={fieldId(at("redirectUrl"))}
        type="url"
        value={props.screen.redirectUrl ?? ""}
        maxLength={2000}
        placeholder="https://"
        hint="After a short pause, respondents continue to this address, e.g. a panel's completion link. https:// or http:// only."
        error={messageAt(props.issues, at("redirectUrl"))}
        onValue={(url) =>
          props.onEdit((def) => updateEndScreen(def, props.which, { redirectUrl: url.trim() === "" ? undefined : url.trim() }))
        }
      />
    </fieldset>
  );
}
