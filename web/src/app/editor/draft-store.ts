/**
 * The editor's one piece of state: the draft definition. `def` is an immutable value
 * (every edit is a pure function from `definition-ops.ts`); everything else — issues,
 * the preview, autosave — derives from it. `view` mirrors it as a Solid store,
 * reconciled by id, so the form keeps its DOM (and the caret) while the value changes
 * and a moved question keeps its node (and focus).
 */
import { createComputed, createSignal, on, type Accessor } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type { SurveyDefinition } from "@sieve/core";
import type { Edit } from "./definition-ops";

export type Draft = {
  /** The current draft, as a plain immutable value. */
  def: Accessor<SurveyDefinition>;
  /** The same draft as a store for rendering; read it, never write it, never put it back into `def`. */
  view: SurveyDefinition;
  apply(edit: Edit): void;
  /** Replaces the whole draft (e.g. with the server's version after a conflict). */
  replace(def: SurveyDefinition): void;
};

export function createDraft(initial: SurveyDefinition): Draft {
  const [def, setDef] = createSignal(initial);
  const [view, setView] = createStore<SurveyDefinition>(structuredClone(initial));
  // The store gets its own copy: reconcile writes into the objects it holds, and the
  // values in `def` must never change under anyone holding them.
  createComputed(on(def, (next) => setView(reconcile(structuredClone(next), { key: "id", merge: false })), { defer: true }));
  return {
    def,
    view,
    apply: (edit) => setDef((previous) => edit(previous)),
    replace: (next) => setDef(() => next),
  };
}
