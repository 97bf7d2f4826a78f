import { SurveyDefinitionSchema, type SurveyDefinition, type SurveyDefinitionInput } from "@sieve/core";

/** A small, publishable screener: a qualifying role question, a trap, a disqualifier, logic and a segment. */
export function screenerInput(title = "Note-taking screener"): SurveyDefinitionInput {
  return {
    schemaVersion: 1,
    title,
    description: "Five quick questions about how you take notes at work.",
    estimatedMinutes: 2,
    pages: [
      {
        id: "p1",
        questions: [
          {
            id: "role",
            type: "single_choice",
            title: "Who decides which note-taking tool your team buys?",
            required: true,
            options: [
              { id: "me", label: "I do", effect: "qualify" },
              { id: "boss", label: "My manager", effect: null },
              { id: "nobody", label: "We don't use one", effect: "disqualify" },
            ],
          },
          {
            id: "tools",
            type: "multiple_choice",
            title: "Which tools have you used in the last month?",
            options: [
              { id: "notion", label: "Notion", effect: null },
              { id: "obsidian", label: "Obsidian", effect: null },
              { id: "trellisync", label: "Trellisync", effect: "trap" },
            ],
          },
        ],
      },
      {
        id: "p2",
        questions: [
          {
            id: "why",
            type: "long_text",
            title: "What made you choose it?",
            showIf: { op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "me" }] },
          },
          { id: "email", type: "email", title: "Your email, so we can invite you", required: true },
        ],
      },
    ],
    segments: [
      { id: "buyers", name: "Buyers", color: "#2563eb", when: { op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "me" }] } },
    ],
    quotas: [{ id: "q-buyers", name: "Buyers", segmentId: "buyers", cap: 10 }],
    settings: { collectEmail: true, consentText: "I agree to be contacted about this study." },
  };
}

export function screenerDefinition(title?: string): SurveyDefinition {
  return SurveyDefinitionSchema.parse(screenerInput(title));
}
