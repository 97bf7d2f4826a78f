import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definitionArb, looseDefinitionArb } from "../testing/arbitraries";
import { choice, survey } from "../testing/fixtures";
import { PublicDefinitionSchema, publicDefinition } from "./public-definition";

const PRIVATE_KEYS = new Set(["effect", "segments", "quotas", "responseLimit", "closesAt", "onePerPerson"]);
const EFFECTS = new Set(["qualify", "disqualify", "trap"]);

/** Every private key found anywhere, and any option object carrying an effect value. */
function leaks(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) leaks(item, found);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (PRIVATE_KEYS.has(key)) found.push(key);
      if ("label" in value && typeof inner === "string" && EFFECTS.has(inner) && key !== "label") found.push(inner);
      leaks(inner, found);
    }
  }
  return found;
}

const def = survey(
  [
    choice("role", ["pm:qualify", "student:disqualify", "fake:trap"]),
    { id: "yn", type: "yes_no", title: "Y", options: [{ id: "yes", label: "Yes", effect: "qualify" }, { id: "no", label: "No" }] },
    choice("follow", ["a"], {
      showIf: { op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "pm" }] },
    }),
  ],
  {
    segments: [{ id: "s", name: "PMs", color: "#123456", when: { op: "and", conditions: [] } }],
    quotas: [{ id: "q", name: "All", segmentId: null, cap: 10 }],
    settings: {
      responseLimit: 100,
      closesAt: "2030-01-01T00:00:00Z",
      onePerPerson: true,
      collectEmail: true,
      consentText: "We may email you.",
      language: "de",
      linkPreview: { title: "Help us" },
    },
  },
);

describe("publicDefinition", () => {
  const pub = publicDefinition(def);

  it("strips every option effect, including yes/no options", () => {
    expect(JSON.stringify(pub)).not.toMatch(/effect|qualify|trap/);
  });

  it("strips segments, quotas and the private settings", () => {
    expect(leaks(pub)).toEqual([]);
    expect(pub.settings).toEqual({
      language: "de",
      collectEmail: true,
      consentText: "We may email you.",
      linkPreview: { title: "Help us" },
    });
  });

  it("keeps show-if logic, which the respondent page runs", () => {
    expect(pub.pages[0]?.questions[2]?.showIf).toEqual(def.pages[0]?.questions[2]?.showIf);
  });

  it("keeps the end screens and the texts the respondent sees", () => {
    expect(pub.endScreens).toEqual(def.endScreens);
    expect(pub.title).toBe(def.title);
    expect(pub.pages[0]?.questions[0]).toMatchObject({ id: "role", title: "Question role" });
  });

  it("is valid against PublicDefinitionSchema", () => {
    expect(PublicDefinitionSchema.parse(pub)).toEqual(pub);
  });

  it("property: publicDefinition never contains a screener effect, segment or quota", () => {
    fc.assert(
      fc.property(fc.oneof(definitionArb(), looseDefinitionArb()), (generated) => {
        const result = publicDefinition(generated);
        expect(leaks(result)).toEqual([]);
        expect(JSON.stringify(result)).not.toMatch(/"(effect|segments|quotas|segmentId|responseLimit|closesAt|onePerPerson)"/);
      }),
    );
  });
});
