// A small screener for the editor's tests: two pages, a rule, a segment, a quota.
import type { SurveyDefinition } from "@sieve/core";

export function fixture(): SurveyDefinition {
  return {
    schemaVersion: 1,
    title: "Meal planning",
    description: "",
    estimatedMinutes: 2,
    pages: [
      {
        id: "p1",
        questions: [
          {
            id: "role",
            type: "single_choice",
            title: "Who plans meals?",
            required: true,
            randomize: false,
            allowOther: false,
            options: [
              { id: "me", label: "I do", effect: "qualify" },
              { id: "partner", label: "My partner", effect: null },
              { id: "nobody", label: "Nobody", effect: "disqualify" },
            ],
          },
          {
            id: "apps",
            type: "multiple_choice",
            title: "Which apps?",
            required: false,
            randomize: false,
            allowOther: false,
            options: [
              { id: "paprika", label: "Paprika", effect: null },
              { id: "fake", label: "Panplanr", effect: "trap" },
            ],
            showIf: { op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "me" }] },
          },
        ],
      },
      {
        id: "p2",
        questions: [
          { id: "age", type: "number", title: "How old are you?", required: false, integer: true, min: 18 },
          {
            id: "why",
            type: "long_text",
            title: "Why?",
            required: false,
            showIf: {
              op: "or",
              conditions: [
                { source: "answer", questionId: "apps", operator: "includes_any", value: ["paprika", "fake"] },
                { op: "and", conditions: [{ source: "answer", questionId: "role", operator: "not_equals", value: "me" }] },
              ],
            },
          },
        ],
      },
    ],
    segments: [
      {
        id: "planners",
        name: "Planners",
        color: "#2563eb",
        when: { op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "me" }] },
      },
    ],
    quotas: [
      { id: "all", name: "All", segmentId: null, cap: 20 },
      { id: "q-planners", name: "Planners", segmentId: "planners", cap: 10 },
    ],
    endScreens: {
      qualified: { title: "Thanks", body: "" },
      disqualified: { title: "Thanks anyway", body: "" },
      over_quota: { title: "Full", body: "" },
      closed: { title: "Closed", body: "" },
    },
    settings: {
      responseLimit: null,
      closesAt: null,
      onePerPerson: false,
      collectEmail: false,
      consentText: "",
      language: "en",
      linkPreview: {},
    },
  };
}

/** Freezes every object in a value, so a test fails if an operation mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
