import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allQuestions } from "../survey/all-questions";
import { anyAnswersArb, answersArb, contextArb, definitionArb } from "../testing/arbitraries";
import { choice, noChannel, redditChannel, survey } from "../testing/fixtures";
import { visibleAnswers, visibleQuestions } from "./visible-questions";

const ids = (questions: { id: string }[]) => questions.map((q) => q.id);

describe("visibleQuestions", () => {
  const def = survey([
    choice("role", ["pm", "dev"]),
    choice("tools", ["figma", "jira"], {
      showIf: { op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "pm" }] },
    }),
    choice("jira_use", ["daily", "weekly"], {
      showIf: {
        op: "and",
        conditions: [{ source: "answer", questionId: "tools", operator: "equals", value: "jira" }],
      },
    }),
    choice("why_not", ["a", "b"], {
      showIf: { op: "and", conditions: [{ source: "answer", questionId: "tools", operator: "not_answered" }] },
    }),
  ]);

  it("a question without show-if is always visible", () => {
    expect(ids(visibleQuestions(def, {}, noChannel))).toContain("role");
  });

  it("a question is visible when its show-if holds and hidden when it does not", () => {
    expect(ids(visibleQuestions(def, { role: "pm" }, noChannel))).toContain("tools");
    expect(ids(visibleQuestions(def, { role: "dev" }, noChannel))).not.toContain("tools");
  });

  it("hiding cascades: a condition on a hidden question treats it as unanswered", () => {
    const answers = { role: "dev", tools: "jira" };
    expect(ids(visibleQuestions(def, answers, noChannel))).toEqual(["role", "why_not"]);
  });

  it("questions come back in survey order across pages", () => {
    const paged = survey([], {
      pages: [
        { id: "p1", questions: [choice("a", ["x"])] },
        { id: "p2", questions: [choice("b", ["x"]), choice("c", ["x"])] },
      ],
    });
    expect(ids(visibleQuestions(paged, {}, noChannel))).toEqual(["a", "b", "c"]);
  });

  it("a channel condition shows a question only to that channel", () => {
    const byChannel = survey([
      choice("sub", ["x"], {
        showIf: { op: "and", conditions: [{ source: "channel", operator: "is_any_of", values: ["reddit"] }] },
      }),
    ]);
    expect(ids(visibleQuestions(byChannel, {}, redditChannel))).toEqual(["sub"]);
    expect(ids(visibleQuestions(byChannel, {}, noChannel))).toEqual([]);
  });

  it("visibleAnswers drops answers to hidden questions", () => {
    expect(visibleAnswers(def, { role: "dev", tools: "jira" }, noChannel)).toEqual({ role: "dev" });
  });

  it("property: visibleQuestions is a subsequence of allQuestions", () => {
    const scenario = definitionArb().chain((def) =>
      fc.record({ def: fc.constant(def), ctx: contextArb, answers: fc.oneof(anyAnswersArb(def), answersArb(def, { channel: null })) }),
    );
    fc.assert(
      fc.property(scenario, ({ def: generated, ctx, answers }) => {
        const all = allQuestions(generated).map((p) => p.question);
        let cursor = 0;
        for (const question of visibleQuestions(generated, answers, ctx)) {
          while (cursor < all.length && all[cursor] !== question) cursor++;
          expect(cursor).toBeLessThan(all.length);
          cursor++;
        }
      }),
    );
  });
});
