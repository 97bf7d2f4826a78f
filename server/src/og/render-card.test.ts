import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CARD_HEIGHT, CARD_WIDTH, renderSurveyCard, surveyLengthLabel, type SurveyCardInput } from "./render-card.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Signature, then the IHDR chunk first: length(4) "IHDR"(4) width(4) height(4). */
function expectCardPng(png: Buffer): void {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString("latin1", 12, 16)).toBe("IHDR");
  expect(png.readUInt32BE(16)).toBe(1200);
  expect(png.readUInt32BE(20)).toBe(630);
}

const card: SurveyCardInput = {
  title: "Which note-taking app do you actually open every day?",
  description: "Tell us how you take notes today; it helps us decide what to build next.",
  estimatedMinutes: 3,
  siteName: "research.example.com",
};

describe("renderSurveyCard", () => {
  it("returns a 1200×630 PNG", async () => {
    expect([CARD_WIDTH, CARD_HEIGHT]).toEqual([1200, 630]);
    expectCardPng(await renderSurveyCard(card));
  });

  it("renders the same bytes for the same input", async () => {
    const [a, b] = [await renderSurveyCard(card), await renderSurveyCard({ ...card })];
    expect(a.equals(b)).toBe(true);
  });

  it("renders a different card for a different title, language or length", async () => {
    const base = await renderSurveyCard(card);
    for (const change of [{ title: "Which app do you use?" }, { language: "de" as const }, { estimatedMinutes: 12 }]) {
      expect((await renderSurveyCard({ ...card, ...change })).equals(base)).toBe(false);
    }
  });

  it("draws markup-looking text as text", async () => {
    const xss = await renderSurveyCard({ ...card, title: `<script>alert("x")</script>]]><!-- &amp; "'`, siteName: "</svg><svg onload=alert(1)>" });
    expectCardPng(xss);
    expect(xss.equals(await renderSurveyCard({ ...card, title: "", siteName: "" }))).toBe(false);
  });

  it("renders very long titles and descriptions, empty text and odd lengths", async () => {
    const inputs: SurveyCardInput[] = [
      { title: "word ".repeat(20_000), description: "x".repeat(100_000), estimatedMinutes: 120, siteName: "s".repeat(5_000) },
      { title: "Supercalifragilisticexpialidocious".repeat(50), estimatedMinutes: 1 },
      { title: "", description: "", estimatedMinutes: 0, siteName: "" },
      { title: "   \n\t  ", estimatedMinutes: Number.NaN },
      { title: "日本語のアンケート 🎉👨‍👩‍👧 שלום עולם مرحبا \u202Eevil\u202C e\u0301", estimatedMinutes: -5, language: "fr" },
    ];
    for (const input of inputs) expectCardPng(await renderSurveyCard(input));
  });

  it("never throws, whatever the strings and numbers", async () => {
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 400 }), fc.string({ unit: "grapheme", maxLength: 400 }), fc.string());
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            title: text,
            description: text,
            estimatedMinutes: fc.oneof(fc.integer(), fc.double()),
            siteName: text,
            language: fc.constantFrom("en" as const, "de" as const, "fr" as const, "es" as const),
          },
          { requiredKeys: ["title", "estimatedMinutes"] },
        ),
        async (input) => expectCardPng(await renderSurveyCard(input)),
      ),
      { numRuns: 40 },
    );
  });
});

describe("surveyLengthLabel", () => {
  it("says how long the survey takes in the card's language", () => {
    expect(surveyLengthLabel(3)).toBe("A 3-minute survey");
    expect(surveyLengthLabel(3, "de")).toBe("Eine 3-minütige Umfrage");
    expect(surveyLengthLabel(3, "fr")).toBe("Un sondage de 3 minutes");
    expect(surveyLengthLabel(3, "es")).toBe("Una encuesta de 3 minutos");
  });

  it("uses the singular for one minute", () => {
    expect(surveyLengthLabel(1, "fr")).toBe("Un sondage de 1 minute");
    expect(surveyLengthLabel(1, "es")).toBe("Una encuesta de 1 minuto");
  });

  it("writes 'An' before numbers spoken with a vowel sound", () => {
    expect([8, 11, 18, 80, 10, 1, 110].map((n) => surveyLengthLabel(n))).toEqual([
      "An 8-minute survey",
      "An 11-minute survey",
      "An 18-minute survey",
      "An 80-minute survey",
      "A 10-minute survey",
      "A 1-minute survey",
      "A 110-minute survey",
    ]);
  });

  it("rounds and bounds odd lengths instead of printing them", () => {
    expect(surveyLengthLabel(2.6)).toBe("A 3-minute survey");
    expect(surveyLengthLabel(0)).toBe("A 1-minute survey");
    expect(surveyLengthLabel(Number.NaN)).toBe("A 1-minute survey");
    expect(surveyLengthLabel(Number.POSITIVE_INFINITY)).toBe("A 1-minute survey");
  });
});
