// The respondents a researcher has ticked, kept across pages of one list (id → email, so the
// invite dialog can name them). The route clears it when the filters change: what is
// selected is always part of what the list matches.
import { createSignal } from "solid-js";

export type Pickable = { id: string; email: string | null };

export function createSelection() {
  const [map, setMap] = createSignal<ReadonlyMap<string, string | null>>(new Map());
  const update = (fn: (next: Map<string, string | null>) => void) =>
    setMap((prev) => {
      const next = new Map(prev);
      fn(next);
      return next;
    });
  return {
    size: () => map().size,
    has: (id: string) => map().has(id),
    ids: () => [...map().keys()],
    emailOf: (id: string) => map().get(id) ?? null,
    /** Tick or untick one. */
    toggle: (r: Pickable, on: boolean) => update((m) => (on ? m.set(r.id, r.email) : m.delete(r.id))),
    /** Tick or untick everyone on the page shown. */
    setMany: (rows: readonly Pickable[], on: boolean) => update((m) => rows.forEach((r) => (on ? m.set(r.id, r.email) : m.delete(r.id)))),
    /** Replace the selection (everyone matching). */
    replace: (rows: readonly Pickable[]) => setMap(new Map(rows.map((r) => [r.id, r.email]))),
    clear: () => setMap(new Map()),
  };
}

export type Selection = ReturnType<typeof createSelection>;
