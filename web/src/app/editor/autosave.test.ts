import { describe, expect, it } from "vitest";
import { createRoot } from "solid-js";
import { createAutosave, type SaveOutcome, type Timers } from "./autosave";

/** Timers the test fires by hand. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, { fn: () => void; ms: number }>();
  const timers: Timers = {
    set: (fn, ms) => {
      const id = next++;
      pending.set(id, { fn, ms });
      return id;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  const fire = () => {
    const all = [...pending.entries()];
    pending.clear();
    for (const [, { fn }] of all) fn();
  };
  return { timers, fire, count: () => pending.size, delays: () => [...pending.values()].map((p) => p.ms) };
}

type Call = { revision: number; value: string; resolve: (outcome: SaveOutcome) => void };

function setup(canSave: (value: string) => boolean = () => true) {
  const clock = manualTimers();
  const calls: Call[] = [];
  const save = (revision: number, value: string) =>
    new Promise<SaveOutcome>((resolve) => calls.push({ revision, value, resolve }));
  const autosave = createRoot(() => createAutosave({ revision: 3, save, canSave, delayMs: 800, timers: clock.timers }));
  return { autosave, calls, clock };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("autosave", () => {
  it("waits for a pause in typing, then saves only the latest draft", async () => {
    const { autosave, calls, clock } = setup();
    autosave.changed("a");
    autosave.changed("ab");
    expect(autosave.state().kind).toBe("pending");
    expect(clock.count()).toBe(1);
    expect(clock.delays()).toEqual([800]);
    clock.fire();
    expect(calls.map((c) => [c.revision, c.value])).toEqual([[3, "ab"]]);
    expect(autosave.state().kind).toBe("saving");
    calls[0]!.resolve({ kind: "saved", revision: 4 });
    await tick();
    expect(autosave.state().kind).toBe("saved");
    expect(autosave.revision()).toBe(4);
  });

  it("sends changes made during a save right after it, on the new revision", async () => {
    const { autosave, calls, clock } = setup();
    autosave.changed("one");
    clock.fire();
    autosave.changed("two");
    clock.fire();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ kind: "saved", revision: 4 });
    await tick();
    expect(calls.map((c) => [c.revision, c.value])).toEqual([
      [3, "one"],
      [4, "two"],
    ]);
    calls[1]!.resolve({ kind: "saved", revision: 5 });
    await tick();
    expect(autosave.state().kind).toBe("saved");
  });

  it("stops on a conflict until the researcher chooses, and overwrites on their revision", async () => {
    const { autosave, calls, clock } = setup();
    autosave.changed("mine");
    clock.fire();
    calls[0]!.resolve({ kind: "conflict", theirRevision: 7 });
    await tick();
    expect(autosave.state()).toEqual({ kind: "conflict", theirRevision: 7 });
    autosave.changed("mine, edited");
    expect(clock.count()).toBe(0);
    expect(await autosave.flush()).toBe(false);
    const done = autosave.overwrite();
    expect(calls.map((c) => [c.revision, c.value])).toContainEqual([7, "mine, edited"]);
    calls[1]!.resolve({ kind: "saved", revision: 8 });
    expect(await done).toBe(true);
    expect(autosave.state().kind).toBe("saved");
    expect(autosave.revision()).toBe(8);
  });

  it("starts clean from their revision after reloading their version", async () => {
    const { autosave, calls, clock } = setup();
    autosave.changed("mine");
    clock.fire();
    calls[0]!.resolve({ kind: "conflict", theirRevision: 9 });
    await tick();
    autosave.reset(9);
    expect(autosave.state().kind).toBe("saved");
    autosave.changed("next");
    clock.fire();
    expect(calls[1]).toMatchObject({ revision: 9, value: "next" });
  });

  it("does not send a draft the server would refuse, and resumes once it is fixed", () => {
    const { autosave, calls, clock } = setup((value) => value !== "");
    autosave.changed("");
    expect(autosave.state().kind).toBe("invalid");
    expect(clock.count()).toBe(0);
    autosave.changed("fixed");
    clock.fire();
    expect(calls.map((c) => c.value)).toEqual(["fixed"]);
  });

  it("retries a failed save on its own, and flush saves at once", async () => {
    const { autosave, calls, clock } = setup();
    autosave.changed("x");
    const flushed = autosave.flush();
    calls[0]!.resolve({ kind: "failed", message: "offline" });
    expect(await flushed).toBe(false);
    expect(autosave.state()).toEqual({ kind: "error", message: "offline" });
    expect(clock.delays()).toEqual([5000]);
    clock.fire();
    calls[1]!.resolve({ kind: "saved", revision: 4 });
    await tick();
    expect(autosave.state().kind).toBe("saved");
  });
});
