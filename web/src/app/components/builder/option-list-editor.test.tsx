import { describe, expect, it } from "vitest";
import { fireEvent, render, screen } from "@solidjs/testing-library";
import { createRoot } from "solid-js";
import { choiceOptions } from "@sieve/core";
import { createDraft } from "../../editor/draft-store";
import { addQuestion } from "../../editor/definition-ops";
import { sequentialIds } from "../../editor/ids";
import { newQuestion } from "../../editor/question-types";
import { fixture } from "../../editor/test-fixtures";
import { OptionListEditor } from "./option-list-editor";

function renderOptions(questionId: string, fixed = false) {
  const draft = createRoot(() => createDraft(addQuestion(fixture(), "p1", { ...newQuestion("yes_no", sequentialIds()), id: "vendor" })));
  const options = () => choiceOptions(draft.view.pages[0]!.questions.find((q) => q.id === questionId)!);
  render(() => (
    <OptionListEditor
      questionId={questionId}
      options={options()}
      fixed={fixed}
      path={["pages", 0, "questions", 0]}
      issues={[]}
      newId={sequentialIds()}
      onEdit={draft.apply}
    />
  ));
  const effects = () => choiceOptions(draft.def().pages[0]!.questions.find((q) => q.id === questionId)!).map((o) => [o.label, o.effect]);
  return { draft, effects };
}

const effectSelect = (label: string) => screen.getByLabelText(`Screener effect of “${label}”`) as HTMLSelectElement;

describe("option effects", () => {
  it("shows each option's effect in words and colour", () => {
    renderOptions("role");
    expect(effectSelect("I do").value).toBe("qualify");
    expect(effectSelect("I do").selectedOptions[0]?.textContent).toBe("Qualifies");
    expect(effectSelect("My partner").value).toBe("none");
    expect(effectSelect("Nobody").selectedOptions[0]?.textContent).toBe("Disqualifies");
    expect(effectSelect("Nobody").closest("li")?.className).toContain("effect-disqualify");
  });

  it("sets qualify, disqualify, trap and none", () => {
    const { effects } = renderOptions("role");
    fireEvent.change(effectSelect("My partner"), { target: { value: "disqualify" } });
    fireEvent.change(effectSelect("I do"), { target: { value: "none" } });
    fireEvent.change(effectSelect("Nobody"), { target: { value: "trap" } });
    expect(effects()).toEqual([
      ["I do", null],
      ["My partner", "disqualify"],
      ["Nobody", "trap"],
    ]);
    expect(effectSelect("My partner").closest("li")?.className).toContain("effect-disqualify");
    expect(effectSelect("Nobody").selectedOptions[0]?.textContent).toBe("Trap (flags fakers)");
  });

  it("adds an option below with Enter, and removes one", () => {
    const { effects } = renderOptions("role");
    fireEvent.keyDown(screen.getByLabelText("Option 1 label"), { key: "Enter" });
    expect(effects().map(([label]) => label)).toEqual(["I do", "Option 4", "My partner", "Nobody"]);
    fireEvent.click(screen.getByRole("button", { name: "Remove option “Nobody”" }));
    expect(effects().map(([label]) => label)).toEqual(["I do", "Option 4", "My partner"]);
  });

  it("yes/no keeps its two options but lets each carry an effect", () => {
    const { effects } = renderOptions("vendor", true);
    expect(screen.queryByRole("button", { name: "Add option" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Remove option/ })).toBeNull();
    fireEvent.change(effectSelect("Yes"), { target: { value: "disqualify" } });
    expect(effects()).toEqual([
      ["Yes", "disqualify"],
      ["No", null],
    ]);
  });
});
