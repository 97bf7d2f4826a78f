import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRoot } from "solid-js";
import { createSaveQueue, retryDelay } from "./save-queue";
import type { PendingSave } from "./storage";
import type { SaveOutcome } from "./submit";

const partial: PendingSave = { body: '{"page":0}', complete: false };
const newer: PendingSave = { body: '{"page":1}', complete: false };

const ok = () => new Response(JSON.stringify({ status: "partial", next: "continue" }), { status: 200 });
const busy = () => new Response(JSON.stringify({ error: { code: "too_many_requests", details: { retryAfterSeconds: 7 } } }), { status: 429 });

type Settled = { kind: SaveOutcome["kind"]; body: string; first: boolean };

function startQueue(pending: PendingSave | null = null) {
  const settled: Settled[] = [];
  const persisted: (PendingSave | null)[] = [];
  let dispose = () => {};
  const queue = createRoot((done) => {
    dispose = done;
    return createSaveQueue({
      responseId: "6f1c1c52-8d7e-4f64-9d65-2b1f5b0c9a11",
      pending,
      persist: (p) => persisted.push(p),
      settled: (outcome, save, first) => settled.push({ kind: outcome.kind, body: save.body, first }),
    });
  });
  return { queue, settled, persisted, dispose };
}

describe("retryDelay", () => {
  it("starts between 0.5 and 1 s and doubles", () => {
    expect(retryDelay(0, 0, () => 0)).toBe(500);
    expect(retryDelay(0, 0, () => 1)).toBe(1000);
    expect(retryDelay(3, 0, () => 1)).toBe(8000);
  });
  it("never waits more than 30 s on its own", () => {
    expect(retryDelay(40, 0, () => 1)).toBe(30_000);
    expect(retryDelay(40, 0, () => 0)).toBe(15_000);
  });
  it("waits at least as long as the server asked", () => {
    expect(retryDelay(0, 60, () => 1)).toBe(60_000);
  });
});

describe("the save queue", () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal("fetch", fetchMock);
    vi.spyOn(Math, "random").mockReturnValue(1); // no jitter: backoff at its ceiling
    fetchMock.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("keeps a save until the server has it, retrying the identical body after failures", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("offline")).mockResolvedValueOnce(busy()).mockResolvedValueOnce(ok());
    const { queue, settled, persisted, dispose } = startQueue();
    queue.save(partial);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toEqual([{ kind: "retry", body: partial.body, first: true }]);
    expect(queue.status()).toBe("retrying");
    await vi.advanceTimersByTimeAsync(1000); // first backoff: 1 s
    expect(settled.at(-1)).toEqual({ kind: "retry", body: partial.body, first: false });
    await vi.advanceTimersByTimeAsync(6_900); // 429 asked for 7 s
    expect(settled).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(settled.at(-1)).toEqual({ kind: "saved", body: partial.body, first: false });
    expect(queue.status()).toBe("saved");
    expect(fetchMock.mock.calls.map(([, init]) => init?.body)).toEqual([partial.body, partial.body, partial.body]);
    expect(persisted).toEqual([partial, null]);
    dispose();
  });

  it("sends a newer save instead of one that is still waiting, and reports only the newer", async () => {
    let release: (res: Response) => void = () => {};
    fetchMock.mockImplementationOnce(() => new Promise((resolve) => (release = resolve))).mockResolvedValueOnce(ok());
    const { queue, settled, dispose } = startQueue();
    queue.save(partial);
    queue.save(newer); // while the first is in flight
    release(ok());
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock.mock.calls.map(([, init]) => init?.body)).toEqual([partial.body, newer.body]);
    expect(settled).toEqual([{ kind: "saved", body: newer.body, first: true }]);
    dispose();
  });

  it("sends a save left from an earlier visit at once, and again as soon as the browser is online", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("offline")).mockResolvedValueOnce(ok());
    const { settled, dispose } = startQueue(partial);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toEqual([{ kind: "retry", body: partial.body, first: false }]);
    window.dispatchEvent(new Event("online"));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled.at(-1)).toEqual({ kind: "saved", body: partial.body, first: false });
    dispose();
  });

  it("stops retrying when the server refuses for good", async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ error: { code: "survey_closed" } }), { status: 410 }));
    const { queue, settled, persisted, dispose } = startQueue();
    queue.save({ body: "{}", complete: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).toEqual([{ kind: "closed", body: "{}", first: true }]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(persisted.at(-1)).toBeNull();
    dispose();
  });
});
