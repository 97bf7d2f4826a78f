// The outbox of page saves. Each save carries every answer so far, so only the newest
// matters: a new save replaces one still waiting. A save stays stored (via `persist`)
// until the server has answered it; failures are retried with exponential backoff and
// jitter (0.5–1 s, doubling, capped at 15–30 s, or the server's Retry-After), and at
// once when the browser comes back online or the page is shown again.
import { createSignal, onCleanup } from "solid-js";
import type { PendingSave } from "./storage";
import { sendSave, type SaveOutcome } from "./submit";

/** The save status line: "" before the first save. */
export type SaveStatus = "" | "saving" | "saved" | "offline" | "retrying";

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

/** Wait before retry number `attempt` (0-based): full backoff halved by jitter, at least Retry-After. */
export function retryDelay(attempt: number, afterSeconds: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt);
  return Math.max(ceiling * (0.5 + random() / 2), Math.min(afterSeconds, 600) * 1000);
}

export interface SaveQueueOptions {
  responseId: string;
  /** A save left over from an earlier visit, sent at once. */
  pending: PendingSave | null;
  persist: (pending: PendingSave | null) => void;
  /**
   * Every answer from the server. `first` is true for the first attempt of a save
   * queued by `save()` (the respondent is waiting on it); later ones arrive in the background.
   * Not called for a save that a newer one replaced.
   */
  settled: (outcome: SaveOutcome, save: PendingSave, first: boolean) => void;
}

export function createSaveQueue(options: SaveQueueOptions) {
  const [status, setStatus] = createSignal<SaveStatus>("");
  let pending = options.pending;
  let waiting = false; // the newest save's first answer is still owed to the respondent
  let busy = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function flush(): Promise<void> {
    clearTimeout(timer);
    const save = pending;
    if (!save || busy) return;
    busy = true;
    setStatus("saving");
    const outcome = await sendSave(options.responseId, save.body);
    busy = false;
    // Replaced while in flight: the newer body includes these answers; send it instead.
    if (pending !== save) return flush();
    const first = waiting;
    waiting = false;
    if (outcome.kind === "retry") {
      setStatus(navigator.onLine === false ? "offline" : "retrying");
      timer = setTimeout(() => void flush(), retryDelay(attempt++, outcome.afterSeconds));
    } else {
      pending = null;
      attempt = 0;
      options.persist(null);
      setStatus(outcome.kind === "saved" ? "saved" : "");
    }
    options.settled(outcome, save, first);
  }

  const now = () => void flush();
  const online = () => {
    attempt = 0;
    now();
  };
  const visible = () => {
    if (document.visibilityState === "visible") now();
  };
  // Leaving the page with a save still waiting: one last try that outlives the page.
  const leaving = () => {
    if (pending && !busy && pending.body.length < 60_000) void sendSave(options.responseId, pending.body, true);
  };
  window.addEventListener("online", online);
  window.addEventListener("pageshow", now);
  window.addEventListener("pagehide", leaving);
  document.addEventListener("visibilitychange", visible);
  onCleanup(() => {
    clearTimeout(timer);
    window.removeEventListener("online", online);
    window.removeEventListener("pageshow", now);
    window.removeEventListener("pagehide", leaving);
    document.removeEventListener("visibilitychange", visible);
  });
  if (pending) queueMicrotask(now);

  return {
    status,
    /** Queue a save (replacing any waiting one) and send it now. */
    save(next: PendingSave) {
      pending = next;
      waiting = true;
      attempt = 0;
      options.persist(next);
      now();
    },
    /** Send the waiting save now ("Try again"). */
    retryNow: online,
    hasPending: () => pending !== null,
  };
}
