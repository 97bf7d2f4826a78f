import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SurveyDefinitionSchema, type SurveyDefinition } from "../survey/definition-schema";
import { validateAnswers } from "../survey/validate-answers";
import { allQuestions } from "../survey/all-questions";
import { choiceOptions } from "../survey/question-kinds";
import { selectedIds } from "../screener/operators";
import { evaluateScreener } from "../screener/evaluate-screener";
import type { RespondentContext } from "../screener/respondent-context";
import { surveyTemplates, findTemplate } from "../templates/index";
import { generateDemoResponses, type DemoChannel, type DemoOptions, type DemoResponse } from "./index";

const start = new Date("2026-03-01T00:00:00Z");
const end = new Date("2026-03-15T00:00:00Z");
const channels: DemoChannel[] = [
  { code: "r-budgeting", kind: "reddit", weight: 3 },
  { code: "fb-moms-who-budget", kind: "facebook", weight: 2 },
  { code: "nl-money-weekly", kind: "newsletter", weight: 1 },
];
const options = (overrides: Partial<DemoOptions> = {}): DemoOptions => ({
  count: 40,
  seed: 1,
  channels,
  start,
  end,
  ...overrides,
});

function contextOf(response: DemoResponse, list: readonly DemoChannel[] = channels): RespondentContext {
  const channel = list.find((c) => c.code === response.channelCode);
  return { channel: channel ? { code: channel.code, kind: channel.kind } : null };
}

function picksTrap(def: SurveyDefinition, response: DemoResponse): boolean {
  return allQuestions(def).some(({ question }) => {
    const selected = selectedIds(response.answers[question.id]);
    return choiceOptions(question).some((o) => o.effect === "trap" && selected.includes(o.id));
  });
}

function expectValid(def: SurveyDefinition, responses: DemoResponse[], list: readonly DemoChannel[] = channels) {
  for (const response of responses) {
    const result = validateAnswers(def, response.answers, { ctx: contextOf(response, list), partial: !response.complete });
    expect(result, JSON.stringify(response.answers)).toMatchObject({ ok: true });
  }
}

/** A definition with every question type, same-page logic and a fractional number range. */
const everyType = SurveyDefinitionSchema.parse({
  schemaVersion: 1,
  title: "Every question type",
  pages: [
    {
      id: "p1",
      questions: [
        { id: "intro", type: "statement", title: "Welcome", body: "Thanks for helping." },
        {
          id: "pick",
          type: "dropdown",
          title: "Pick one",
          required: true,
          allowOther: true,
          options: [
            { id: "a", label: "A" },
            { id: "b", label: "B", effect: "disqualify" },
            { id: "c", label: "C", effect: "trap" },
          ],
        },
        {
          id: "then",
          type: "short_text",
          title: "Why?",
          required: true,
          maxLength: 12,
          showIf: { op: "and", conditions: [{ source: "answer", questionId: "pick", operator: "equals", value: "a" }] },
        },
        {
          id: "many",
          type: "multiple_choice",
          title: "Pick several",
          required: true,
          minSelections: 2,
          maxSelections: 2,
          options: [
            { id: "x", label: "X", effect: "qualify" },
            { id: "y", label: "Y" },
            { id: "z", label: "None of these" },
          ],
        },
      ],
    },
    {
      id: "p2",
      questions: [
        { id: "weight", type: "number", title: "Weight", min: 0.5, max: 2.5, required: true },
        { id: "count", type: "number", title: "Count", integer: true, min: 1.5, max: 9.5, required: true },
        { id: "stars", type: "rating", title: "Stars", scale: 10, required: true },
        { id: "when", type: "date", title: "When", min: "2025-01-01", max: "2025-01-31", required: true },
        { id: "when-open", type: "date", title: "When, any time" },
        {
          id: "grid",
          type: "matrix",
          title: "Grid",
          rows: [{ id: "r1", label: "Row 1" }, { id: "r2", label: "Row 2" }],
          columns: [{ id: "c1", label: "Low" }, { id: "c2", label: "High" }],
        },
        { id: "story", type: "long_text", title: "Tell us more", maxLength: 5 },
        { id: "ok", type: "consent", title: "Consent", text: "I agree" },
        { id: "mail", type: "email", title: "Email", required: true },
        {
          id: "yn",
          type: "yes_no",
          title: "Available?",
          required: true,
          showIf: { op: "and", conditions: [{ source: "channel", operator: "is_any_of", values: ["reddit"] }] },
        },
      ],
    },
  ],
});

describe("generateDemoResponses", () => {
  it("gives the same responses for the same seed", () => {
    const def = findTemplate("jtbd-switch")!.definition;
    expect(generateDemoResponses(def, options({ seed: 42 }))).toEqual(generateDemoResponses(def, options({ seed: 42 })));
  });

  it("gives different responses for a different seed", () => {
    const def = findTemplate("jtbd-switch")!.definition;
    expect(generateDemoResponses(def, options({ seed: 1 }))).not.toEqual(generateDemoResponses(def, options({ seed: 2 })));
  });

  it("keeps the first responses when more are asked for", () => {
    const def = findTemplate("customer-vs-user")!.definition;
    const few = generateDemoResponses(def, options({ count: 10 })).map((r) => JSON.stringify(r));
    const more = new Set(generateDemoResponses(def, options({ count: 30 })).map((r) => JSON.stringify(r)));
    for (const response of few) expect(more.has(response)).toBe(true);
  });

  it("produces answers validateAnswers accepts, for every template and seed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...surveyTemplates),
        fc.oneof(fc.integer(), fc.string()),
        (template, seed) => {
          const responses = generateDemoResponses(template.definition, options({ seed, count: 25 }));
          expect(responses).toHaveLength(25);
          expectValid(template.definition, responses);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("handles every question type, same-page logic and awkward ranges", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expectValid(everyType, generateDemoResponses(everyType, options({ seed, count: 30 })));
      }),
      { numRuns: 50 },
    );
  });

  it("starts every response inside the window, with a channel from the list and a positive duration", () => {
    const responses = generateDemoResponses(findTemplate("persona-validation")!.definition, options({ count: 300 }));
    const codes = new Set(channels.map((c) => c.code));
    for (const response of responses) {
      expect(codes.has(response.channelCode ?? "")).toBe(true);
      expect(response.startedAt.getTime()).toBeGreaterThanOrEqual(start.getTime());
      expect(response.startedAt.getTime()).toBeLessThanOrEqual(end.getTime());
      expect(Number.isInteger(response.durationMs) && response.durationMs > 0).toBe(true);
    }
    const times = responses.map((r) => r.startedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("sends traffic in proportion to channel weight", () => {
    const responses = generateDemoResponses(findTemplate("community-recruit")!.definition, options({ count: 1200 }));
    const share = (code: string) => responses.filter((r) => r.channelCode === code).length / responses.length;
    expect(share("r-budgeting")).toBeGreaterThan(0.4);
    expect(share("r-budgeting")).toBeLessThan(0.6);
    expect(share("nl-money-weekly")).toBeGreaterThan(0.1);
    expect(share("nl-money-weekly")).toBeLessThan(0.25);
  });

  it("uses no channel when none is given, and one instant when start equals end", () => {
    const responses = generateDemoResponses(
      findTemplate("community-recruit")!.definition,
      options({ channels: [], start, end: start, count: 20 }),
    );
    expect(responses.every((r) => r.channelCode === null && r.startedAt.getTime() === start.getTime())).toBe(true);
    expectValid(findTemplate("community-recruit")!.definition, responses, []);
  });

  it("returns nothing for a count of zero", () => {
    expect(generateDemoResponses(everyType, options({ count: 0 }))).toEqual([]);
  });

  it("writes only example.com emails shaped first.last+N", () => {
    const def = findTemplate("customer-vs-user")!.definition;
    const emails = generateDemoResponses(def, options({ count: 200 }))
      .map((r) => r.answers["q-email"])
      .filter((e) => e !== undefined);
    expect(emails.length).toBeGreaterThan(50);
    for (const email of emails) expect(email).toMatch(/^[a-z]+\.[a-z]+\+\d+@example\.com$/);
    expect(new Set(emails).size).toBe(emails.length);
  });
});

describe.each(surveyTemplates.map((t) => [t.id, t.definition] as const))("1000 demo responses to %s", (_id, def) => {
  const responses = generateDemoResponses(def, options({ count: 1000, seed: "rates" }));
  const rate = (predicate: (r: DemoResponse) => boolean) => responses.filter(predicate).length / responses.length;

  it("abandons about 15% part-way", () => {
    const abandoned = rate((r) => !r.complete);
    expect(abandoned).toBeGreaterThan(0.07);
    expect(abandoned).toBeLessThan(0.25);
  });

  it("picks a trap about 3% of the time", () => {
    const trapped = rate((r) => picksTrap(def, r));
    expect(trapped).toBeGreaterThan(0.01);
    expect(trapped).toBeLessThan(0.07);
  });

  it("screens some people out but qualifies most who finish", () => {
    const finished = responses.filter((r) => r.complete);
    const outcomes = finished.map((r) => evaluateScreener(def, r.answers, contextOf(r), { complete: true }).outcome);
    const share = (o: string) => outcomes.filter((x) => x === o).length / outcomes.length;
    expect(share("disqualified")).toBeGreaterThan(0.05);
    expect(share("qualified")).toBeGreaterThan(0.4);
  });
});

describe("realism", () => {
  it("lets a well-matched channel yield more qualified people than a broad one", () => {
    const def = findTemplate("customer-vs-user")!.definition;
    const pair: DemoChannel[] = [
      { code: "nl-ops-weekly", kind: "newsletter", weight: 1 },
      { code: "x-thread", kind: "x", weight: 1 },
    ];
    const responses = generateDemoResponses(def, options({ count: 2000, channels: pair }));
    const qualifiedShare = (code: string) => {
      const finished = responses.filter((r) => r.channelCode === code && r.complete);
      const qualified = finished.filter(
        (r) => evaluateScreener(def, r.answers, contextOf(r, pair), { complete: true }).outcome === "qualified",
      );
      return qualified.length / finished.length;
    };
    expect(qualifiedShare("nl-ops-weekly") - qualifiedShare("x-thread")).toBeGreaterThan(0.15);
  });

  it("skews choices: the favourite option beats an even split by far", () => {
    const def = findTemplate("customer-vs-user")!.definition;
    const answers = generateDemoResponses(def, options({ count: 800 }))
      .map((r) => r.answers["q-usage-frequency"])
      .filter((a) => typeof a === "string");
    const counts = new Map<string, number>();
    for (const id of answers) counts.set(id, (counts.get(id) ?? 0) + 1);
    const top = Math.max(...counts.values()) / answers.length;
    expect(top).toBeGreaterThan(1.5 / 5);
  });

  it("skews NPS towards the top, with a tail of detractors", () => {
    const def = findTemplate("product-feedback-nps")!.definition;
    const scores = generateDemoResponses(def, options({ count: 1000 }))
      .map((r) => r.answers["q-nps"])
      .filter((s) => typeof s === "number");
    const share = (test: (s: number) => boolean) => scores.filter(test).length / scores.length;
    const promoters = share((s) => s >= 9);
    const detractors = share((s) => s <= 6);
    expect(promoters).toBeGreaterThan(detractors);
    expect(detractors).toBeGreaterThan(0.1);
    expect(promoters).toBeLessThan(0.75);
  });

  it("answers NPS follow-ups in the respondent's mood", () => {
    const def = findTemplate("product-feedback-nps")!.definition;
    const responses = generateDemoResponses(def, options({ count: 600 }));
    const detractorTexts = responses.map((r) => r.answers["q-detractor-reason"]).filter((t) => typeof t === "string");
    const promoterTexts = responses.map((r) => r.answers["q-promoter-reason"]).filter((t) => typeof t === "string");
    expect(detractorTexts.length).toBeGreaterThan(10);
    expect(promoterTexts.length).toBeGreaterThan(10);
    expect(new Set(detractorTexts).size).toBeGreaterThan(3);
    expect(detractorTexts.some((t) => promoterTexts.includes(t))).toBe(false);
  });
});
