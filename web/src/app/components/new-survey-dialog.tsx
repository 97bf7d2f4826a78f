import { For, Match, Switch, createSignal, createUniqueId } from "solid-js";
import type { Template } from "../lib/api-types";
import { Modal } from "./modal";
import { TextField } from "./text-field";
import { ErrorNotice, FormError } from "./notice";
import { Loading } from "./loading";

const BLANK = "";

/** Choose a blank survey or a template; the route does the creating. */
export function NewSurveyDialog(props: {
  open: boolean;
  templates: Template[] | undefined;
  templatesError: unknown;
  onRetryTemplates: () => void;
  pending: boolean;
  error: unknown;
  onCreate: (input: { title?: string; templateId?: string }) => void;
  onClose: () => void;
}) {
  const [choice, setChoice] = createSignal(BLANK);
  const [title, setTitle] = createSignal("");
  const groupName = createUniqueId();
  const chosenTemplate = () => props.templates?.find((template) => template.id === choice());

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const trimmed = title().trim();
    const template = chosenTemplate();
    props.onCreate({
      ...(trimmed ? { title: trimmed } : {}),
      ...(template ? { templateId: template.id } : {}),
    });
  }

  return (
    <Modal open={props.open} title="New survey" wide onClose={() => props.onClose()}>
      <form class="stack" onSubmit={submit}>
        <fieldset class="choice-cards">
          <legend>Start from</legend>
          <label class="choice-card">
            <input
              type="radio"
              name={groupName}
              value={BLANK}
              checked={choice() === BLANK}
              onChange={() => setChoice(BLANK)}
            />
            <span class="choice-card-body">
              <strong>Blank survey</strong>
              <span class="muted">Start with an empty page and add your own questions.</span>
            </span>
          </label>
          <Switch>
            <Match when={props.templatesError as unknown}>
              {(error) => <ErrorNotice title="Templates could not load" error={error()} onRetry={props.onRetryTemplates} />}
            </Match>
            <Match when={props.templates}>
              {(templates) => (
                <For each={templates()}>
                  {(template) => (
                    <label class="choice-card">
                      <input
                        type="radio"
                        name={groupName}
                        value={template.id}
                        checked={choice() === template.id}
                        onChange={() => setChoice(template.id)}
                      />
                      <span class="choice-card-body">
                        <strong>{template.name}</strong>
                        <span class="muted">{template.description}</span>
                        <span class="chip">
                          {template.questionCount} {template.questionCount === 1 ? "question" : "questions"}
                        </span>
                      </span>
                    </label>
                  )}
                </For>
              )}
            </Match>
            <Match when={true}>
              <Loading label="Loading templates…" />
            </Match>
          </Switch>
        </fieldset>
        <TextField
          label="Title"
          required={!chosenTemplate()}
          maxLength={200}
          placeholder={chosenTemplate()?.name ?? "e.g. Onboarding interview screener"}
          hint={chosenTemplate() ? "Leave empty to use the template’s name." : "You can change it later."}
          value={title()}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
        <FormError error={props.error} />
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={props.pending}>
            {props.pending ? "Creating…" : "Create survey"}
          </button>
          <button type="button" class="button" onClick={() => props.onClose()}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
