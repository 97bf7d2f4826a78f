// Survey-wide settings: limits, contact data and consent, the respondent page's
// language, and how the link looks when pasted somewhere.
import { Show, createUniqueId } from "solid-js";
import type { Issue, Language, SurveyDefinition } from "@sieve/core";
import { updateLinkPreview, updateSettings, updateSurvey, type Edit } from "../../editor/definition-ops";
import { fieldId, messageAt } from "../../editor/issues";
import { Checkbox, NumberInput, SelectInput, TextInput } from "./fields";

const languages: readonly { value: Language; label: string }[] = [
  { value: "en", label: "English" },
  { value: "de", label: "Deutsch (German)" },
  { value: "fr", label: "Français (French)" },
  { value: "es", label: "Español (Spanish)" },
];

/** Title, description and length: what the respondent sees first. */
export function SurveyBasics(props: { view: SurveyDefinition; issues: readonly Issue[]; onEdit: (edit: Edit) => void }) {
  return (
    <section class="card survey-basics" aria-labelledby="basics-heading">
      <h2 id="basics-heading" class="visually-hidden">
        Survey title and introduction
      </h2>
      <TextInput
        label="Survey title"
        id={fieldId(["title"])}
        value={props.view.title}
        maxLength={200}
        error={messageAt(props.issues, ["title"])}
        onValue={(title) => props.onEdit((def) => updateSurvey(def, { title }))}
      />
      <TextInput
        label="Introduction"
        id={fieldId(["description"])}
        multiline
        rows={2}
        value={props.view.description}
        maxLength={2000}
        hint="Who you are looking for and what happens next. Shown above the first question and in share posts."
        error={messageAt(props.issues, ["description"])}
        onValue={(description) => props.onEdit((def) => updateSurvey(def, { description }))}
      />
      <NumberInput
        label="Estimated minutes"
        id={fieldId(["estimatedMinutes"])}
        class="field-narrow"
        value={props.view.estimatedMinutes}
        min={1}
        max={120}
        step={1}
        error={messageAt(props.issues, ["estimatedMinutes"])}
        onValue={(minutes) => props.onEdit((def) => updateSurvey(def, { estimatedMinutes: minutes ?? 0 }))}
      />
    </section>
  );
}

export function SettingsForm(props: { view: SurveyDefinition; issues: readonly Issue[]; onEdit: (edit: Edit) => void }) {
  const settings = () => props.view.settings;
  const closeId = createUniqueId();
  const closeError = () => messageAt(props.issues, ["settings", "closesAt"]);
  return (
    <div class="stack">
      <section class="card stack" aria-labelledby="limits-heading">
        <h2 id="limits-heading">Responses</h2>
        <NumberInput
          label="Response limit"
          id={fieldId(["settings", "responseLimit"])}
          class="field-narrow"
          value={settings().responseLimit ?? undefined}
          min={1}
          step={1}
          hint="Leave empty for no limit. Counts completed responses; then the survey shows its closed screen."
          error={messageAt(props.issues, ["settings", "responseLimit"])}
          onValue={(limit) => props.onEdit((def) => updateSettings(def, { responseLimit: limit ?? null }))}
        />
        <div class="field field-narrow" classList={{ "has-error": Boolean(closeError()) }}>
          <label for={closeId}>Close automatically on</label>
          <div class="copy-field">
            <input
              id={closeId}
              type="datetime-local"
              value={toLocalInput(settings().closesAt)}
              aria-describedby={`${closeId}-hint`}
              onInput={(event) => {
                const value = event.currentTarget.value;
                const closesAt = value === "" ? null : new Date(value).toISOString();
                props.onEdit((def) => updateSettings(def, { closesAt }));
              }}
            />
            <Show when={settings().closesAt}>
              <button type="button" class="button button-small" onClick={() => props.onEdit((def) => updateSettings(def, { closesAt: null }))}>
                Clear
              </button>
            </Show>
          </div>
          <p class="hint" id={`${closeId}-hint`}>
            In your time zone. Leave empty to keep it open until you close it.
          </p>
          <Show when={closeError()}>
            <p class="field-error">{closeError()}</p>
          </Show>
        </div>
        <Checkbox
          label="One response per person"
          checked={settings().onePerPerson}
          hint="Turns away repeat responses from someone who has already finished."
          onValue={(onePerPerson) => props.onEdit((def) => updateSettings(def, { onePerPerson }))}
        />
      </section>

      <section class="card stack" aria-labelledby="contact-heading">
        <h2 id="contact-heading">Contact and consent</h2>
        <Checkbox
          label="Ask for an email address at the end"
          checked={settings().collectEmail}
          hint="So you can invite qualified people to an interview."
          onValue={(collectEmail) => props.onEdit((def) => updateSettings(def, { collectEmail }))}
        />
        <TextInput
          label="Consent text"
          id={fieldId(["settings", "consentText"])}
          multiline
          rows={4}
          value={settings().consentText}
          maxLength={5000}
          hint="Required when you collect an email. Say what you store, what for, and how to ask for deletion; it is saved with each respondent's consent."
          error={messageAt(props.issues, ["settings", "consentText"])}
          onValue={(consentText) => props.onEdit((def) => updateSettings(def, { consentText }))}
        />
      </section>

      <section class="card stack" aria-labelledby="language-heading">
        <h2 id="language-heading">Respondent page</h2>
        <SelectInput
          label="Language of buttons and messages"
          id={fieldId(["settings", "language"])}
          class="field-narrow"
          value={settings().language}
          options={languages}
          hint="Your questions appear as you write them; this sets the words around them (Next, Back, errors)."
          onValue={(language) => props.onEdit((def) => updateSettings(def, { language }))}
        />
      </section>

      <section class="card stack" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Link preview</h2>
        <p class="hint">
          What people see when the link is pasted into Slack, Facebook, LinkedIn or a chat. Empty fields use the survey
          title and introduction.
        </p>
        <TextInput
          label="Preview title"
          id={fieldId(["settings", "linkPreview", "title"])}
          value={settings().linkPreview.title ?? ""}
          maxLength={200}
          placeholder={props.view.title}
          hint={`${(settings().linkPreview.title ?? "").length}/200 characters. Around 60 fit on most cards.`}
          error={messageAt(props.issues, ["settings", "linkPreview", "title"])}
          onValue={(title) => props.onEdit((def) => updateLinkPreview(def, { title }))}
        />
        <TextInput
          label="Preview description"
          id={fieldId(["settings", "linkPreview", "description"])}
          multiline
          rows={3}
          value={settings().linkPreview.description ?? ""}
          maxLength={500}
          placeholder={props.view.description}
          hint={`${(settings().linkPreview.description ?? "").length}/500 characters. Around 150 show on most cards.`}
          error={messageAt(props.issues, ["settings", "linkPreview", "description"])}
          onValue={(description) => props.onEdit((def) => updateLinkPreview(def, { description }))}
        />
      </section>
    </div>
  );
}

/** An ISO instant as the value of a datetime-local input, in the browser's time zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
