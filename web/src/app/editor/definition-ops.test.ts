import { describe, expect, it } from "vitest";
import { SurveyDefinitionSchema, allQuestions, validateDefinition, type SurveyDefinition } from "@sieve/core";
import {
  addOption,
  addQuestion,
  deletePage,
  deleteQuestion,
  deleteSegment,
  duplicateQuestion,
  moveOption,
  moveQuestion,
  moveQuestionTo,
  nextSegmentColor,
  referencesTo,
  removeOption,
  setOptionEffect,
  updateEndScreen,
  updateLinkPreview,
  updateOption,
  updateQuestion,
} from "./definition-ops";
import { sequentialIds } from "./ids";
import { newQuestion } from "./question-types";
import { deepFreeze, fixture } from "./test-fixtures";

const order = (def: SurveyDefinition) => def.pages.map((page) => page.questions.map((q) => q.id));
const frozen = () => deepFreeze(fixture());

describe("the fixture", () => {
  it("is a valid, publishable definition", () => {
    expect(SurveyDefinitionSchema.safeParse(fixture()).success).toBe(true);
    expect(validateDefinition(fixture())).toEqual([]);
  });
});

describe("adding and duplicating questions", () => {
  it("adds a question at the end of a page, or at an index", () => {
    const question = newQuestion("short_text", sequentialIds());
    expect(order(addQuestion(frozen(), "p1", question))[0]).toEqual(["role", "apps", question.id]);
    expect(order(addQuestion(frozen(), "p2", question, 0))[1]).toEqual([question.id, "age", "why"]);
  });

  it("leaves the definition alone for an unknown page", () => {
    const def = frozen();
    expect(addQuestion(def, "nope", newQuestion("email", sequentialIds()))).toBe(def);
  });

  it("duplicates right after the original with fresh ids for the question and its options", () => {
    const { definition, id } = duplicateQuestion(frozen(), "role", sequentialIds());
    expect(order(definition)[0]).toEqual(["role", id, "apps"]);
    const copy = definition.pages[0]!.questions[1]!;
    expect(copy.title).toBe("Who plans meals? (copy)");
    expect(copy.type === "single_choice" && copy.options.map((o) => o.id)).toEqual(["opt-2", "opt-3", "opt-4"]);
    expect(copy.type === "single_choice" && copy.options.map((o) => o.effect)).toEqual(["qualify", null, "disqualify"]);
    expect(validateDefinition(definition).filter((i) => i.code === "duplicate_id")).toEqual([]);
  });
});

describe("reordering questions", () => {
  it("moves a question up and down within its page", () => {
    expect(order(moveQuestion(frozen(), "apps", -1))[0]).toEqual(["apps", "role"]);
    expect(order(moveQuestion(frozen(), "age", 1))[1]).toEqual(["why", "age"]);
  });

  it("moves across pages at a page's edge: to the end of the page before, or the start of the next", () => {
    expect(order(moveQuestion(frozen(), "age", -1))).toEqual([["role", "apps", "age"], ["why"]]);
    expect(order(moveQuestion(frozen(), "apps", 1))).toEqual([["role"], ["apps", "age", "why"]]);
  });

  it("returns the same definition when the question is already first or last", () => {
    const def = frozen();
    expect(moveQuestion(def, "role", -1)).toBe(def);
    expect(moveQuestion(def, "why", 1)).toBe(def);
  });

  it("moves to a page and index counted without the moved question (drag and drop)", () => {
    expect(order(moveQuestionTo(frozen(), "role", "p2", 1))).toEqual([["apps"], ["age", "role", "why"]]);
    expect(order(moveQuestionTo(frozen(), "role", "p1", 1))[0]).toEqual(["apps", "role"]);
    expect(order(moveQuestionTo(frozen(), "why", "p1", 99))[0]).toEqual(["role", "apps", "why"]);
  });
});

describe("deleting what others point at", () => {
  it("deleting a question removes the rules on it, and a show-if it emptied", () => {
    const def = deleteQuestion(frozen(), "role");
    expect(order(def)).toEqual([["apps"], ["age", "why"]]);
    const apps = def.pages[0]!.questions[0]!;
    expect(apps.showIf).toBeUndefined();
    expect("showIf" in apps).toBe(false);
    const why = def.pages[1]!.questions[1]!;
    // The nested group only held a rule on "role", so it went too.
    expect(why.showIf).toEqual({
      op: "or",
      conditions: [{ source: "answer", questionId: "apps", operator: "includes_any", value: ["paprika", "fake"] }],
    });
    expect(def.segments[0]!.when.conditions).toEqual([]);
    // What is left broken is reported, not hidden.
    expect(validateDefinition(def).map((i) => i.code)).toContain("empty_condition");
  });

  it("lists the rules that point at a question before it goes", () => {
    const refs = referencesTo(frozen(), "role");
    expect(refs.questions.map((q) => q.id)).toEqual(["apps", "why"]);
    expect(refs.segments.map((s) => s.id)).toEqual(["planners"]);
    expect(referencesTo(frozen(), "age")).toEqual({ questions: [], segments: [] });
  });

  it("removing an option forgets it in lists and drops rules that compared with it alone", () => {
    const def = removeOption(frozen(), "apps", "fake");
    const why = def.pages[1]!.questions[1]!;
    expect(why.showIf?.conditions[0]).toEqual({
      source: "answer",
      questionId: "apps",
      operator: "includes_any",
      value: ["paprika"],
    });
    const noMe = removeOption(frozen(), "role", "me");
    expect(noMe.pages[0]!.questions[1]!.showIf).toBeUndefined();
    expect(noMe.segments[0]!.when.conditions).toEqual([]);
  });

  it("deleting a segment takes its quota with it", () => {
    const def = deleteSegment(frozen(), "planners");
    expect(def.segments).toEqual([]);
    expect(def.quotas.map((q) => q.id)).toEqual(["all"]);
  });

  it("deleting a page deletes its questions and the rules on them", () => {
    const def = deletePage(frozen(), "p1");
    expect(order(def)).toEqual([["age", "why"]]);
    expect(def.pages[0]!.questions[1]!.showIf).toBeUndefined();
    expect(allQuestions(def).some(({ question }) => question.id === "role")).toBe(false);
  });
});

describe("options and their screener effects", () => {
  it("sets an option's effect, and clears it with null", () => {
    const def = setOptionEffect(frozen(), "role", "partner", "disqualify");
    const role = def.pages[0]!.questions[0]!;
    expect(role.type === "single_choice" && role.options[1]).toEqual({ id: "partner", label: "My partner", effect: "disqualify" });
    const cleared = setOptionEffect(def, "role", "me", null);
    const again = cleared.pages[0]!.questions[0]!;
    expect(again.type === "single_choice" && again.options[0]!.effect).toBeNull();
  });

  it("marks a trap option", () => {
    const def = setOptionEffect(frozen(), "apps", "paprika", "trap");
    const apps = def.pages[0]!.questions[1]!;
    expect(apps.type === "multiple_choice" && apps.options.map((o) => o.effect)).toEqual(["trap", "trap"]);
  });

  it("keeps yes/no's fixed ids when a label or effect changes", () => {
    const withYesNo = addQuestion(frozen(), "p1", { ...newQuestion("yes_no", sequentialIds()), id: "vendor" });
    const def = updateOption(setOptionEffect(withYesNo, "vendor", "yes", "disqualify"), "vendor", "no", { label: "Nope" });
    const question = def.pages[0]!.questions[2]!;
    expect(question.type === "yes_no" && question.options).toEqual([
      { id: "yes", label: "Yes", effect: "disqualify" },
      { id: "no", label: "Nope", effect: null },
    ]);
  });

  it("adds options after another one and moves them", () => {
    const def = addOption(frozen(), "role", { id: "kids", label: "The kids", effect: null }, "me");
    const role = def.pages[0]!.questions[0]!;
    expect(role.type === "single_choice" && role.options.map((o) => o.id)).toEqual(["me", "kids", "partner", "nobody"]);
    const moved = moveOption(def, "role", "nobody", -1).pages[0]!.questions[0]!;
    expect(moved.type === "single_choice" && moved.options.map((o) => o.id)).toEqual(["me", "kids", "nobody", "partner"]);
  });

  it("returns the same definition when nothing changes", () => {
    const def = frozen();
    expect(moveOption(def, "role", "me", -1)).toBe(def);
    expect(updateQuestion(def, "role", (q) => q)).toBe(def);
  });
});

describe("end screens, settings and segment colours", () => {
  it("drops an emptied redirect URL instead of saving an invalid one", () => {
    const set = updateEndScreen(frozen(), "qualified", { redirectUrl: "https://panel.example.com/done" });
    expect(set.endScreens.qualified.redirectUrl).toBe("https://panel.example.com/done");
    const cleared = updateEndScreen(set, "qualified", { redirectUrl: "" });
    expect("redirectUrl" in cleared.endScreens.qualified).toBe(false);
  });

  it("drops emptied link-preview fields", () => {
    const def = updateLinkPreview(updateLinkPreview(frozen(), { title: "Hi", description: "More" }), { title: "" });
    expect(def.settings.linkPreview).toEqual({ description: "More" });
  });

  it("offers the first palette colour no segment uses", () => {
    expect(nextSegmentColor(frozen())).toBe("#059669");
  });
});
