import { describe, expect, it } from "vitest";
import { draftIssues, fieldId, issueTarget, issuesAt, issuesUnder, shapeIssues } from "./issues";
import { updateEndScreen, updateQuestion, updateSettings } from "./definition-ops";
import { fixture } from "./test-fixtures";

describe("draft issues", () => {
  it("a clean draft has none", () => {
    expect(draftIssues(fixture())).toEqual([]);
  });

  it("puts shape problems where they occur, in plain words", () => {
    let def = updateQuestion(fixture(), "apps", (q) => ({ ...q, title: "" }));
    def = updateEndScreen(def, "qualified", { redirectUrl: "javascript:alert(1)" });
    expect(shapeIssues(def)).toEqual([
      { path: ["pages", 0, "questions", 1, "title"], code: "too_small", message: "This can’t be empty" },
      {
        path: ["endScreens", "qualified", "redirectUrl"],
        code: "invalid_format",
        message: "Use a web address starting with https:// or http://",
      },
    ]);
  });

  it("adds the publish checks, located by path", () => {
    const def = updateSettings(fixture(), { collectEmail: true });
    expect(draftIssues(def)).toEqual([expect.objectContaining({ path: ["settings", "consentText"], code: "consent_required" })]);
  });

  it("filters issues under a question, or exactly at a field", () => {
    const def = updateQuestion(updateQuestion(fixture(), "role", (q) => ({ ...q, title: "" })), "apps", (q) => ({ ...q, title: "" }));
    const all = draftIssues(def);
    expect(issuesUnder(all, ["pages", 0, "questions", 0])).toHaveLength(1);
    expect(issuesAt(all, ["pages", 0, "questions", 1, "title"])).toHaveLength(1);
    expect(issuesAt(all, ["pages", 0, "questions", 1])).toHaveLength(0);
  });
});

describe("where an issue takes the researcher", () => {
  it("maps paths to the tab and the thing to open", () => {
    const def = fixture();
    expect(issueTarget(def, ["pages", 1, "questions", 0, "min"])).toEqual({ tab: "questions", questionId: "age" });
    expect(issueTarget(def, ["segments", 0, "when", "conditions"])).toEqual({ tab: "logic", segmentId: "planners" });
    expect(issueTarget(def, ["quotas", 1, "segmentId"])).toEqual({ tab: "logic" });
    expect(issueTarget(def, ["endScreens", "closed", "title"])).toEqual({ tab: "end-screens" });
    expect(issueTarget(def, ["settings", "consentText"])).toEqual({ tab: "settings" });
    expect(issueTarget(def, ["pages"])).toEqual({ tab: "questions" });
  });

  it("names fields by path so focus can find them", () => {
    expect(fieldId(["pages", 0, "questions", 2, "title"])).toBe("f-pages-0-questions-2-title");
  });
});
