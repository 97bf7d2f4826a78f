import { describe, expect, it } from "vitest";
import { createSignal } from "solid-js";
import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import type { ConditionGroup, Issue } from "@sieve/core";
import { fixture } from "../../editor/test-fixtures";
import { ConditionBuilder, type ChannelRef } from "./condition-builder";

const questions = fixture().pages.flatMap((page) => page.questions);
const channels: ChannelRef[] = [{ code: "r-cooks", name: "r/cooking" }];

function renderBuilder(initial: ConditionGroup, issues: Issue[] = []) {
  const [group, setGroup] = createSignal(initial);
  render(() => (
    <ConditionBuilder
      group={group()}
      path={["pages", 1, "questions", 1, "showIf"]}
      legend="Show this question only if"
      questions={questions.slice(0, 3)}
      allQuestions={questions}
      channels={channels}
      issues={issues}
      onEdit={(edit) => setGroup(edit)}
    />
  ));
  return group;
}

const rule = (n: number) => screen.getByRole("group", { name: `Condition ${n}` });
const select = (n: number, what: string) => within(rule(n)).getByLabelText(`Condition ${n}: ${what}`) as HTMLSelectElement;
const optionLabels = (element: HTMLSelectElement) => [...element.options].map((o) => o.textContent);

describe("ConditionBuilder", () => {
  it("offers only the operators that fit the chosen question", () => {
    renderBuilder({ op: "and", conditions: [{ source: "answer", questionId: "apps", operator: "includes_any", value: ["paprika"] }] });
    expect(select(1, "what to check").value).toBe("apps");
    expect(optionLabels(select(1, "comparison"))).toEqual([
      "is answered",
      "is not answered",
      "includes any of",
      "includes all of",
      "includes none of",
    ]);
    const values = within(rule(1)).getByRole("group", { name: "Condition 1: value" });
    expect((within(values).getByLabelText("Paprika") as HTMLInputElement).checked).toBe(true);
    expect((within(values).getByLabelText("Panplanr") as HTMLInputElement).checked).toBe(false);
  });

  it("picking another question starts a valid rule on it", () => {
    const group = renderBuilder({ op: "and", conditions: [{ source: "answer", questionId: "apps", operator: "includes_any", value: ["paprika"] }] });
    fireEvent.change(select(1, "what to check"), { target: { value: "age" } });
    expect(group().conditions).toEqual([{ source: "answer", questionId: "age", operator: "gte", value: 18 }]);
    expect(select(1, "comparison").value).toBe("gte");
    const value = within(rule(1)).getByLabelText("Condition 1: value") as HTMLInputElement;
    fireEvent.input(value, { target: { value: "30" } });
    expect(group().conditions[0]).toMatchObject({ value: 30 });
  });

  it("picks option values from a list, never free text", () => {
    const group = renderBuilder({ op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "me" }] });
    expect(optionLabels(select(1, "value"))).toEqual(["I do", "My partner", "Nobody"]);
    fireEvent.change(select(1, "value"), { target: { value: "partner" } });
    fireEvent.change(select(1, "comparison"), { target: { value: "includes_none" } });
    expect(group().conditions[0]).toEqual({ source: "answer", questionId: "role", operator: "includes_none", value: ["partner"] });
  });

  it("builds channel rules from tracked links and channel kinds", () => {
    const group = renderBuilder({ op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "me" }] });
    fireEvent.change(select(1, "what to check"), { target: { value: "__channel__" } });
    // This test hands the builder plain values, so each edit redraws the row: look the picker up again.
    const picker = () => within(rule(1)).getByRole("group", { name: "Condition 1: channels" });
    fireEvent.click(within(picker()).getByLabelText("Any Reddit link"));
    fireEvent.click(within(picker()).getByLabelText(/r\/cooking/));
    expect(group().conditions[0]).toEqual({ source: "channel", operator: "is_any_of", values: ["reddit", "r-cooks"] });
  });

  it("adds conditions and nested groups, switches and/or, and removes", () => {
    const group = renderBuilder({ op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "me" }] });
    fireEvent.click(screen.getByRole("button", { name: "Add group" }));
    const nested = () => screen.getByRole("group", { name: "Group 2" });
    expect(within(nested()).getByRole("group", { name: "Condition 2.1" })).toBeTruthy();
    expect((within(nested()).getByLabelText("This group holds when") as HTMLSelectElement).value).toBe("or");
    fireEvent.click(within(nested()).getByRole("button", { name: "Add condition" }));
    expect(group().conditions[1]).toMatchObject({ op: "or", conditions: [{ questionId: "role" }, { questionId: "role" }] });
    fireEvent.change(screen.getByLabelText("Holds when"), { target: { value: "or" } });
    expect(group().op).toBe("or");
    fireEvent.click(within(nested()).getByRole("button", { name: "Remove group" }));
    fireEvent.click(within(rule(1)).getByRole("button", { name: "Remove condition 1" }));
    expect(group()).toEqual({ op: "or", conditions: [] });
    expect(screen.getByText("No conditions yet.")).toBeTruthy();
  });

  it("flags a rule on a deleted question inline", () => {
    const path = ["pages", 1, "questions", 1, "showIf", "conditions", 0, "questionId"];
    renderBuilder(
      { op: "and", conditions: [{ source: "answer", questionId: "gone", operator: "equals", value: "x" }] },
      [{ path, code: "dangling_reference", message: 'No question has the id "gone"' }],
    );
    expect(select(1, "what to check").selectedOptions[0]?.textContent).toBe("Deleted question");
    expect(select(1, "what to check").getAttribute("aria-invalid")).toBe("true");
    expect(within(rule(1)).getByText('No question has the id "gone"')).toBeTruthy();
  });

  it("names a rule on a later question as such", () => {
    renderBuilder({ op: "and", conditions: [{ source: "answer", questionId: "why", operator: "answered" }] });
    expect(select(1, "what to check").selectedOptions[0]?.textContent).toBe("Why? (comes later)");
  });
});
