// UI strings of the respondent page. The survey's own text comes from its definition;
// these are the words around it, in the language the researcher chose.
//
// Each language is a module of its own (strings/<language>.ts), so the respondent page
// carries English and fetches another language only when a survey needs it
// (`loadStrings` in strings/load-strings.ts). This module bundles all four for
// synchronous use, e.g. by the builder's live preview.
import type { Language } from "@sieve/core";
import { browserLanguage, loadingText, toLanguage } from "./strings/language";
import en from "./strings/en";
import de from "./strings/de";
import fr from "./strings/fr";
import es from "./strings/es";

export interface Strings {
  loading: string;
  next: string;
  back: string;
  submit: string;
  saving: string;
  retry: string;
  continue: string;
  required: string;
  requiredHint: string;
  other: string;
  otherSpecify: string;
  selectPlaceholder: string;
  consentAgree: string;
  pageOf: (page: number, total: number) => string;
  aboutMinutes: (minutes: number) => string;
  lowLabelFallback: string;
  highLabelFallback: string;
  errors: {
    required: string;
    matrixRow: (row: string) => string;
    otherEmpty: string;
    email: string;
    number: string;
    integer: string;
    range: (min: string | undefined, max: string | undefined) => string;
    tooFew: (min: number) => string;
    tooMany: (max: number) => string;
    tooLong: (max: number) => string;
    date: string;
    consent: string;
    fixCount: (count: number) => string;
    server: string;
    rejected: string;
  };
  /** Save status line: the last page save reached the server. */
  saved: string;
  /** Save status line: the server failed or is busy; a retry is scheduled. */
  retrying: string;
  /** The device is offline; answers wait on it. Shown in the status line and on the final submit. */
  offline: string;
  notFound: { title: string; body: string };
  loadFailed: { title: string; body: string };
  /** The final submit is waiting for the server (not offline). */
  notSent: { title: string; body: string };
  closedFallback: { title: string; body: string };
  alreadyResponded: { title: string; body: string };
  /** The qualified end screen's offer to book an interview right away. */
  booking: { title: string; body: string; action: string };
}

/** What a language module holds: everything but "Loading…" (strings/language.ts has that). */
export type LanguageStrings = Omit<Strings, "loading">;

const byLanguage: Record<Language, LanguageStrings> = { en, de, fr, es };

/** The UI strings for a survey's language; unknown languages fall back to English. */
export function stringsFor(language: string | undefined): Strings {
  const lang = toLanguage(language);
  return { loading: loadingText[lang], ...byLanguage[lang] };
}

/** Best guess before the survey has loaded (for the loading and not-found screens). */
export function browserStrings(): Strings {
  return stringsFor(browserLanguage());
}
