import { describe, expect, it } from "vitest";
import { SurveyDefinitionSchema, DEFAULT_END_SCREENS, type SurveyDefinition } from "../survey/definition-schema";
import type { Answers } from "../survey/answers-schema";
import { allQuestions } from "../survey/all-questions";
import { choiceOptions } from "../survey/question-kinds";
import { validateDefinition } from "../survey/validate-definition";
import { validateAnswers } from "../survey/validate-answers";
import { evaluateScreener } from "../screener/evaluate-screener";
import { evaluateSegments } from "../screener/evaluate-segments";
import type { ConditionGroup } from "../survey/definition-schema";
import type { RespondentContext } from "../screener/respondent-context";
import { findTemplate, surveyTemplates } from "./index";

const READABLE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const noChannel: RespondentContext = { channel: null };

function options(def: SurveyDefinition) {
  return allQuestions(def).flatMap(({ question }) => choiceOptions(question));
}

function without(answers: Answers, ...questionIds: string[]): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !questionIds.includes(id)));
}

function conditionsIn(group: ConditionGroup): ConditionGroup["conditions"] {
  return group.conditions.flatMap((c) => ("conditions" in c ? conditionsIn(c) : [c]));
}

describe.each(surveyTemplates.map((t) => [t.id, t] as const))("template %s", (_id, template) => {
  const def = template.definition;

  it("is already in parsed form, so the schema returns an equal definition", () => {
    expect(SurveyDefinitionSchema.parse(def)).toEqual(def);
  });

  it("survives a JSON round trip unchanged (no undefined fields)", () => {
    expect(JSON.parse(JSON.stringify(def))).toStrictEqual(def);
  });

  it("has no publish-blocking issues", () => {
    expect(validateDefinition(def)).toEqual([]);
  });

  it("uses readable kebab-case ids everywhere", () => {
    const ids = [
      template.id,
      ...def.pages.map((p) => p.id),
      ...allQuestions(def).map(({ question }) => question.id),
      ...options(def).map((o) => o.id),
      ...def.segments.map((s) => s.id),
      ...def.quotas.map((q) => q.id),
    ];
    for (const id of ids) expect(id).toMatch(READABLE_ID);
  });

  it("has at least two coloured segments with a rule", () => {
    expect(def.segments.length).toBeGreaterThanOrEqual(2);
    expect(new Set(def.segments.map((s) => s.color)).size).toBe(def.segments.length);
    for (const segment of def.segments) expect(segment.when.conditions.length).toBeGreaterThan(0);
  });

  it("has a trap option and a disqualifier", () => {
    expect(options(def).some((o) => o.effect === "trap")).toBe(true);
    expect(options(def).some((o) => o.effect === "disqualify")).toBe(true);
  });

  it("caps qualified completes with a quota", () => {
    expect(def.quotas.length).toBeGreaterThan(0);
    expect(def.quotas.some((q) => q.segmentId === null)).toBe(true);
  });

  it("uses show-if logic", () => {
    expect(allQuestions(def).some(({ question }) => question.showIf !== undefined)).toBe(true);
  });

  it("collects an email with consent", () => {
    expect(def.settings.collectEmail).toBe(true);
    expect(def.settings.consentText.trim()).not.toBe("");
    const types = allQuestions(def).map(({ question }) => question.type);
    expect(types).toContain("email");
    expect(types).toContain("consent");
  });

  it("writes its own end screens, a link preview and a time estimate", () => {
    expect(def.endScreens.qualified).not.toEqual(DEFAULT_END_SCREENS.qualified);
    expect(def.endScreens.qualified.body).toMatch(/30.minute/);
    // Rejection copy never gives the reason away.
    expect(def.endScreens.disqualified.body).not.toMatch(/because|criteria|did not match|didn't match/i);
    for (const screen of Object.values(def.endScreens)) expect(screen.body.trim()).not.toBe("");
    expect(def.settings.linkPreview.title?.trim()).toBeTruthy();
    expect(def.settings.linkPreview.description?.trim()).toBeTruthy();
    expect(def.estimatedMinutes).toBeGreaterThanOrEqual(1);
  });

  it("describes itself for the template picker", () => {
    expect(template.name.trim()).not.toBe("");
    expect(template.description.length).toBeGreaterThan(40);
    expect(template.category.trim()).not.toBe("");
  });
});

describe("the catalogue", () => {
  it("has unique template ids", () => {
    const ids = surveyTemplates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("contains the four core templates", () => {
    const ids = surveyTemplates.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining(["customer-vs-user", "jtbd-switch", "persona-validation", "product-feedback-nps"]),
    );
  });

  it("finds a template by id and returns undefined for an unknown one", () => {
    expect(findTemplate("jtbd-switch")?.id).toBe("jtbd-switch");
    expect(findTemplate("nope")).toBeUndefined();
  });
});

/** A respondent every template should qualify, and the segments they should land in. */
const qualifying: Record<string, { answers: Answers; ctx?: RespondentContext; segments: string[] }> = {
  "customer-vs-user": {
    answers: {
      "q-purchase-role": "opt-decides",
      "q-usage-frequency": "opt-use-daily",
      "q-company-size": "opt-size-51-200",
      "q-works-for-vendor": "no",
      "q-tools": ["opt-asana", "opt-spreadsheets"],
      "q-who-pays": "opt-pays-my-team",
      "q-decision-criteria": ["opt-crit-price", "opt-crit-ease"],
      "q-daily-frustration": "Updating the same status in two places.",
      "q-available": "yes",
      "q-email": "ada.lovelace+1@example.com",
      "q-consent": true,
    },
    segments: ["seg-both", "seg-larger-teams"],
  },
  "jtbd-switch": {
    answers: {
      "q-switch-status": "opt-switched",
      "q-apps-used": ["opt-ynab", "opt-mint"],
      "q-switch-when": "opt-when-3m",
      "q-before": "opt-before-app",
      "q-push": ["opt-push-shutdown"],
      "q-almost-stopped": ["opt-anx-setup"],
      "q-timeline-switched": "opt-tl-weeks",
      "q-story": "Mint shut down and I had two weeks to move everything.",
      "q-available": "yes",
      "q-email": "grace.hopper+2@example.com",
      "q-consent": true,
    },
    segments: ["seg-switchers", "seg-price-push"],
  },
  "persona-validation": {
    answers: {
      "q-role": "opt-role-therapist",
      "q-team-size": "opt-team-1",
      "q-sessions-per-week": 22,
      "q-tools": ["opt-tool-simplepractice"],
      "q-pain-frequency": 4,
      "q-need": "opt-need-specialised",
      "q-spend": "opt-spend-50-100",
      "q-specialised-needs": ["opt-spec-insurance", "opt-spec-intake"],
      "q-workaround": "Called the client, then fixed the invoice by hand.",
      "q-available": "yes",
      "q-email": "mary.seacole+3@example.com",
      "q-consent": true,
    },
    segments: ["seg-niche", "seg-persona-fit"],
  },
  "product-feedback-nps": {
    answers: {
      "q-nps": 3,
      "q-tenure": "opt-tenure-1-6",
      "q-role": { other: "Research ops" },
      "q-detractor-reason": "Exports take too many clicks.",
      "q-feature-usage": {
        "row-screener": "col-every-study",
        "row-segments": "col-monthly",
        "row-channels": "col-weekly",
        "row-results": "col-every-study",
        "row-scheduling": "col-never",
        "row-export": "col-tried",
      },
      "q-statements": ["opt-stmt-share"],
      "q-follow-up": "yes",
      "q-email": "alan.turing+4@example.com",
      "q-consent": true,
    },
    segments: ["seg-detractors"],
  },
  "community-recruit": {
    answers: {
      "q-fit": "opt-fit-planner",
      "q-apps": ["opt-app-paprika"],
      "q-call": "yes",
      "q-email": "rosalind.franklin+5@example.com",
      "q-consent": true,
    },
    ctx: { channel: { code: "r-mealprep", kind: "reddit" } },
    segments: ["seg-planners", "seg-reddit"],
  },
};

describe.each(surveyTemplates.map((t) => [t.id, t] as const))("screening with template %s", (id, template) => {
  const def = template.definition;
  const fixture = qualifying[id];

  it("has a qualifying fixture", () => {
    expect(fixture).toBeDefined();
  });
  if (fixture === undefined) return;
  const ctx = fixture.ctx ?? noChannel;

  it("accepts a complete, qualifying response", () => {
    expect(validateAnswers(def, fixture.answers, { ctx, partial: false })).toEqual({ ok: true, value: fixture.answers });
    expect(evaluateScreener(def, fixture.answers, ctx, { complete: true })).toEqual({ outcome: "qualified", reason: null });
    expect(evaluateSegments(def, fixture.answers, ctx)).toEqual(fixture.segments);
  });

  it("flags a respondent who picks the trap", () => {
    const placed = allQuestions(def).find(({ question }) => choiceOptions(question).some((o) => o.effect === "trap"));
    const question = placed?.question;
    const trapOption = question && choiceOptions(question).find((o) => o.effect === "trap");
    if (!question || !trapOption) throw new Error("template has no trap");
    const answers = {
      ...fixture.answers,
      [question.id]: question.type === "multiple_choice" ? [trapOption.id] : trapOption.id,
    };
    expect(evaluateScreener(def, answers, ctx, { complete: true }).outcome).toBe("flagged");
  });

  it("disqualifies through every disqualifying option", () => {
    for (const { question } of allQuestions(def)) {
      for (const option of choiceOptions(question).filter((o) => o.effect === "disqualify")) {
        const answers = {
          ...fixture.answers,
          [question.id]: question.type === "multiple_choice" ? [option.id] : option.id,
        };
        const result = evaluateScreener(def, answers, ctx, { complete: true });
        expect(result.outcome, `${question.id}=${option.id}`).toBe("disqualified");
      }
    }
  });
});

describe("template logic", () => {
  it("asks NPS detractors and promoters different follow-ups", () => {
    const def = findTemplate("product-feedback-nps")!.definition;
    const byId = new Map(allQuestions(def).map(({ question }) => [question.id, question]));
    const detractor = conditionsIn(byId.get("q-detractor-reason")!.showIf!);
    const promoter = conditionsIn(byId.get("q-promoter-reason")!.showIf!);
    expect(detractor).toEqual([{ source: "answer", questionId: "q-nps", operator: "lte", value: 6 }]);
    expect(promoter).toEqual([{ source: "answer", questionId: "q-nps", operator: "gte", value: 9 }]);
    expect(byId.get("q-nps")!.type).toBe("nps");
    expect(byId.get("q-feature-usage")!.type).toBe("matrix");
  });

  it("rejects JTBD switches older than six months", () => {
    const def = findTemplate("jtbd-switch")!.definition;
    const fixture = qualifying["jtbd-switch"]!;
    const answers = { ...fixture.answers, "q-switch-when": "opt-when-older" };
    expect(evaluateScreener(def, answers, noChannel, { complete: true }).reason).toEqual({
      questionId: "q-switch-when",
      optionId: "opt-when-older",
      rule: "disqualify",
    });
  });

  it("puts a decider who rarely uses the tool in Customers and a hands-on non-decider in Users", () => {
    const def = findTemplate("customer-vs-user")!.definition;
    const base = qualifying["customer-vs-user"]!.answers;
    const customer = without({ ...base, "q-usage-frequency": "opt-use-rarely" }, "q-daily-frustration");
    const user = without({ ...base, "q-purchase-role": "opt-not-involved" }, "q-who-pays", "q-decision-criteria");
    expect(evaluateSegments(def, customer, noChannel)).toEqual(["seg-customers", "seg-larger-teams"]);
    expect(evaluateSegments(def, user, noChannel)).toEqual(["seg-users", "seg-larger-teams"]);
  });

  it("asks for an email in the NPS survey only from people who agree to a call", () => {
    const def = findTemplate("product-feedback-nps")!.definition;
    const answers = without({ ...qualifying["product-feedback-nps"]!.answers, "q-follow-up": "no" }, "q-email", "q-consent");
    expect(validateAnswers(def, answers, { ctx: noChannel, partial: false }).ok).toBe(true);
  });
});
