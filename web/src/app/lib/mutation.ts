import { createSignal } from "solid-js";

export type MutationResult<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Wraps one state-changing call with `pending` and `error` signals, so a route can
 * disable its button while the request runs and show what went wrong after.
 */
export function createMutation<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  async function run(...args: A): Promise<MutationResult<R>> {
    setPending(true);
    setError(undefined);
    try {
      return { ok: true, value: await fn(...args) };
    } catch (caught) {
      setError(() => caught);
      return { ok: false, error: caught };
    } finally {
      setPending(false);
    }
  }
  return { run, pending, error, clearError: () => setError(undefined) };
}
