import { describe, expect, it } from "vitest";
import { emptyDefinition } from "../survey/empty-definition";
import { findTemplate } from "../templates/index";
import { shortText } from "../templates/build";
import { intentOf, otherPhrases, phrasesFor, themeOf, type Intent, type Theme } from "./phrase-banks";

describe("themeOf", () => {
  it.each([
    ["customer-vs-user", "work-tools"],
    ["jtbd-switch", "money"],
    ["persona-validation", "bookings"],
    ["product-feedback-nps", "product"],
    ["community-recruit", "meals"],
  ] as const)("reads %s as %s", (id, theme) => {
    expect(themeOf(findTemplate(id)!.definition)).toBe(theme);
  });

  it("falls back to generic for a survey with no recognisable words", () => {
    expect(themeOf(emptyDefinition("Untitled"))).toBe("generic");
  });
});

describe("intentOf", () => {
  it.each([
    ["What slows you down most?", "pain"],
    ["Think back to the moment you decided to change.", "story"],
    ["What would you tell a colleague it is best at?", "praise"],
    ["What would it take for a 9 or 10?", "improve"],
    ["The last time it went wrong, what did you do to fix it?", "workaround"],
    ["Anything else?", "general"],
  ] as const)("reads %j as %s", (title, intent) => {
    expect(intentOf(shortText("q", title))).toBe(intent);
  });
});

describe("phrase banks", () => {
  const themes: Theme[] = ["work-tools", "money", "bookings", "product", "meals", "generic"];
  const intents: Intent[] = ["pain", "story", "praise", "improve", "workaround", "general"];

  it("has non-blank phrases for every theme and intent", () => {
    for (const theme of themes) {
      expect(otherPhrases(theme).length).toBeGreaterThan(0);
      for (const intent of intents) {
        const phrases = phrasesFor(theme, intent);
        expect(phrases.length).toBeGreaterThan(1);
        for (const phrase of phrases) expect(phrase.trim()).toBe(phrase);
      }
    }
  });
});
