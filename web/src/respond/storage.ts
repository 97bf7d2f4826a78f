// Progress kept in localStorage per survey slug, so a reload resumes where the
// respondent left off, a save that has not reached the server survives the tab, and
// retries reuse the same response id (the idempotency key).
import type { AnswerValue, Answers } from "@sieve/core";
import type { EndKey, ResponseMeta } from "./submit";
import { uuidV7 } from "./core";

/** How a response ended: a server end screen, or "already" (done, outcome unknown here). */
export type Ending = EndKey | "already";

/** A save the server has not confirmed yet; `body` is sent verbatim on every attempt. */
export interface PendingSave {
  body: string;
  complete: boolean;
}

export interface Progress {
  responseId: string;
  answers: Answers;
  pageId: string | null;
  channel: string | null;
  /** Captured on the first visit, so every save (and retry) sends the same values. */
  meta: ResponseMeta | null;
  pending: PendingSave | null;
  /** Set once the response ended; then nothing else is kept, and a reload shows that end screen. */
  end: Ending | null;
}

const ENDINGS: readonly Ending[] = ["qualified", "disqualified", "over_quota", "closed", "already"];

const storageKey = (slug: string) => `sieve:response:${slug}`;

/** Reads saved progress, or starts fresh; anything malformed is dropped rather than trusted. */
export function loadProgress(slug: string): Progress {
  const saved = parse(read(storageKey(slug)));
  const pending = saved.pending;
  return {
    responseId: typeof saved.responseId === "string" && saved.responseId ? saved.responseId : newResponseId(),
    answers: answersFrom(saved.answers),
    pageId: typeof saved.pageId === "string" ? saved.pageId : null,
    channel: typeof saved.channel === "string" ? saved.channel : null,
    meta: isMeta(saved.meta) ? saved.meta : null,
    pending:
      isRecord(pending) && typeof pending.body === "string" && typeof pending.complete === "boolean"
        ? { body: pending.body, complete: pending.complete }
        : null,
    end: ENDINGS.find((key) => key === saved.end) ?? null,
  };
}

/** Writes progress; once the response has ended only `{ responseId, end }` is kept. */
export function saveProgress(slug: string, progress: Progress): void {
  const { responseId, end } = progress;
  write(storageKey(slug), JSON.stringify(end ? { responseId, end } : progress));
}

/**
 * A time-ordered (v7) UUID: responses started one after another get ids that sort together,
 * which keeps the server's index writes local. getRandomValues needs no secure context.
 */
export function newResponseId(): string {
  return uuidV7(Date.now(), crypto.getRandomValues(new Uint8Array(16)));
}

// Storage can be disabled (private modes, strict settings): the page then still
// works for one visit, it just cannot resume.
const memory = new Map<string, string>();

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string): void {
  memory.set(key, value);
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Quota or disabled storage: the in-memory copy keeps this visit going.
  }
}

function parse(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isMeta(value: unknown): value is ResponseMeta {
  return isRecord(value) && Object.values(value).every((item) => typeof item === "string");
}

function answersFrom(value: unknown): Answers {
  const answers: Answers = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return answers;
  for (const [questionId, answer] of Object.entries(value)) {
    if (isAnswerValue(answer)) answers[questionId] = answer;
  }
  return answers;
}

function isOther(value: unknown): value is { other: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.keys(value).length === 1 &&
    "other" in value &&
    typeof value.other === "string"
  );
}

function isAnswerValue(value: unknown): value is AnswerValue {
  if (typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => typeof item === "string" || isOther(item));
  if (isOther(value)) return true;
  return (
    typeof value === "object" && value !== null && Object.values(value).every((cell) => typeof cell === "string")
  );
}
