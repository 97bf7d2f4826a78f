// The respondent page's way to get its strings: English is in the entry chunk; another
// language is fetched (~1 KB gzip) once the survey names it, or — for the screens shown
// when no survey loads — once the browser's language is known.
import type { Language } from "@sieve/core";
import type { LanguageStrings, Strings } from "../i18n";
import { loadingText } from "./language";
import en from "./en";

// Vite's build wraps each dynamic import as `__vitePreload(() => import(…), deps)` and adds
// a ~0.6 KB gzip helper that preloads the chunk's dependencies — unless the module defines
// `__vitePreload` itself, which Vite then uses. A language chunk has no dependencies, so
// this stand-in just imports. (Should Vite ever inject its helper here anyway, the build
// fails on the duplicate name instead of silently growing.)
const __vitePreload = <T>(load: () => Promise<T>): Promise<T> => load();

const chunks: Record<Exclude<Language, "en">, () => Promise<{ default: LanguageStrings }>> = {
  de: () => import("./de"),
  fr: () => import("./fr"),
  es: () => import("./es"),
};

/** All UI strings of one language; never rejects (English if the chunk cannot be fetched). */
export async function loadStrings(language: Language): Promise<Strings> {
  let strings = en;
  if (language !== "en") {
    try {
      strings = (await chunks[language]()).default;
    } catch {
      // Offline between page load and this fetch: English words beat no page.
    }
  }
  return { loading: loadingText[language], ...strings };
}
