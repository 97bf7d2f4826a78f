/**
 * Debounced autosave of the draft against the server's revision check.
 *
 * Each change restarts a short timer; when it fires the latest draft is sent with the
 * revision it was based on. One save runs at a time: changes made meanwhile are sent
 * right after. A 409 stops saving and reports a conflict until the researcher picks
 * "reload their version" (`reset`) or "overwrite with mine" (`overwrite`). Other
 * failures retry on their own after a pause. Drafts that fail the shape check wait,
 * since the server would refuse them.
 */
import { createSignal, type Accessor } from "solid-js";

export type SaveState =
  | { kind: "saved" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "invalid" }
  | { kind: "error"; message: string }
  | { kind: "conflict"; theirRevision: number };

export type SaveOutcome =
  | { kind: "saved"; revision: number }
  | { kind: "conflict"; theirRevision: number }
  | { kind: "failed"; message: string };

export type Timers = {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
};

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type Autosave<T> = {
  state: Accessor<SaveState>;
  revision: Accessor<number>;
  /** Tell autosave the draft changed. */
  changed(value: T): void;
  /** Save now if anything waits; resolves true once the server has the latest draft. */
  flush(): Promise<boolean>;
  /** After a conflict: save mine over theirs. */
  overwrite(): Promise<boolean>;
  /** After loading a version from the server (theirs): start clean from its revision. */
  reset(revision: number): void;
  dispose(): void;
};

export function createAutosave<T>(options: {
  revision: number;
  /** Sends one draft. Never throws: every outcome is a value. */
  save: (revision: number, value: T) => Promise<SaveOutcome>;
  /** Whether the server would accept this draft's shape. */
  canSave: (value: T) => boolean;
  delayMs?: number;
  retryMs?: number;
  timers?: Timers;
}): Autosave<T> {
  const delay = options.delayMs ?? 800;
  const retry = options.retryMs ?? 5000;
  const timers = options.timers ?? realTimers;
  const [state, setState] = createSignal<SaveState>({ kind: "saved" });
  const [revision, setRevision] = createSignal(options.revision);
  let latest: { value: T } | null = null;
  let timer: unknown = null;
  let inFlight: Promise<boolean> | null = null;
  let disposed = false;

  const stopTimer = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };
  const schedule = (ms: number) => {
    stopTimer();
    timer = timers.set(() => {
      timer = null;
      void run();
    }, ms);
  };

  async function run(): Promise<boolean> {
    if (inFlight) {
      // Wait for the running save; it sends again if changes arrived meanwhile.
      return inFlight;
    }
    const pending = latest;
    if (pending === null) return state().kind === "saved";
    if (!options.canSave(pending.value)) {
      setState({ kind: "invalid" });
      return false;
    }
    stopTimer();
    setState({ kind: "saving" });
    inFlight = (async () => {
      const outcome = await options.save(revision(), pending.value);
      inFlight = null;
      if (disposed) return false;
      switch (outcome.kind) {
        case "saved":
          setRevision(outcome.revision);
          if (latest === pending) {
            latest = null;
            setState({ kind: "saved" });
            return true;
          }
          // Edited while saving: send the newer draft straight away.
          return run();
        case "conflict":
          setState({ kind: "conflict", theirRevision: outcome.theirRevision });
          return false;
        case "failed":
          setState({ kind: "error", message: outcome.message });
          schedule(retry);
          return false;
      }
    })();
    return inFlight;
  }

  return {
    state,
    revision,
    changed(value) {
      latest = { value };
      if (state().kind === "conflict") return;
      if (!options.canSave(value)) {
        stopTimer();
        setState({ kind: "invalid" });
        return;
      }
      if (!inFlight) setState({ kind: "pending" });
      schedule(delay);
    },
    flush() {
      if (state().kind === "conflict") return Promise.resolve(false);
      stopTimer();
      return run();
    },
    overwrite() {
      const current = state();
      if (current.kind !== "conflict") return Promise.resolve(false);
      setRevision(current.theirRevision);
      setState({ kind: "pending" });
      return run();
    },
    reset(next) {
      stopTimer();
      latest = null;
      setRevision(next);
      setState({ kind: "saved" });
    },
    dispose() {
      disposed = true;
      stopTimer();
    },
  };
}
