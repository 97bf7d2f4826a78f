import type { Language } from "@sieve/core";

/** "Loading…" in every language: shown before any language's strings could arrive. */
export const loadingText: Record<Language, string> = {
  en: "Loading the survey…",
  de: "Umfrage wird geladen…",
  fr: "Chargement du questionnaire…",
  es: "Cargando la encuesta…",
};

/** A supported language, or English. */
export function toLanguage(value: string | undefined): Language {
  return value !== undefined && isLanguage(value) ? value : "en";
}

function isLanguage(value: string): value is Language {
  return Object.hasOwn(loadingText, value);
}

/** The browser's language if the page speaks it (for screens shown before a survey has loaded). */
export function browserLanguage(): Language {
  return toLanguage(navigator.language.slice(0, 2).toLowerCase());
}
