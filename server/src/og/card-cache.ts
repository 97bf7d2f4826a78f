import type { Language } from "@sieve/core";
import { Lru } from "../lib/lru.js";

/** What a card depends on: a published version never changes, so neither does its card. */
export interface CardKey {
  surveyId: string;
  version: number;
  language: Language;
}

/** Returns the cached card for `key`, or the one `render` makes (and keeps). */
export type CardCache = (key: CardKey, render: () => Promise<Buffer>) => Promise<Buffer>;

/**
 * Keeps the last `capacity` rendered cards (~40–80 KB each, so ~15 MB at 200), so repeated
 * crawler hits on a shared link do not re-render. Crawlers from several sites often fetch the same
 * new link at once: concurrent calls for one key share one render. A failed render is not kept.
 * Example: `const card = createCardCache(); await card({ surveyId, version, language }, () => renderSurveyCard(input))`.
 */
export function createCardCache(capacity = 200): CardCache {
  const done = new Lru<string, Buffer>(capacity);
  const pending = new Map<string, Promise<Buffer>>();
  return (key, render) => {
    // Version is a number and language has no ":", so the key splits back unambiguously.
    const id = `${key.surveyId}:${key.version}:${key.language}`;
    const hit = done.get(id);
    if (hit) return Promise.resolve(hit);
    let running = pending.get(id);
    if (!running) {
      running = new Promise<Buffer>((resolve) => resolve(render())) // a synchronous throw rejects too
        .then((png) => {
          done.set(id, png);
          return png;
        })
        .finally(() => pending.delete(id));
      pending.set(id, running);
    }
    return running;
  };
}
