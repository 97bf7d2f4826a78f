import { afterEach, describe, expect, it, vi } from "vitest";
import { changesOnly, resultsApi, subscribeLive, type LiveState } from "./results-api";

/** Just enough of EventSource to drive the reconnect logic by hand. */
class FakeEventSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static all: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  listeners = new Map<string, (e: MessageEvent) => void>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(type: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(type, fn);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  emit(data: string) {
    this.listeners.get("changed")?.(new MessageEvent("changed", { data }));
  }
  fail(closed: boolean) {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  FakeEventSource.all = [];
});

describe("live updates", () => {
  it("passes on changes, not the state announced on (re)connect", () => {
    const seen: number[] = [];
    const onChange = changesOnly((c) => seen.push(c.responses));
    onChange({ responses: 300, lastActivityAt: "a" });
    onChange({ responses: 301, lastActivityAt: "b" });
    onChange({ responses: 301, lastActivityAt: "b" }); // a reconnect that finds nothing new
    onChange({ responses: 303, lastActivityAt: "c" }); // a reconnect after a gap
    expect(seen).toEqual([301, 303]);
  });

  it("reports its state, parses `changed` events, and stops on request", () => {
    vi.stubGlobal("EventSource", FakeEventSource);
    const states: LiveState[] = [];
    const changes: unknown[] = [];
    const stop = subscribeLive("/api/surveys/s1/live", { onState: (s) => states.push(s), onChanged: (c) => changes.push(c) });
    const source = FakeEventSource.all[0]!;
    source.open();
    source.emit('{"responses":12,"lastActivityAt":"2026-11-22T10:00:00.000Z"}');
    source.emit("not json");
    source.fail(false); // dropped: the browser reconnects by itself
    expect(states).toEqual(["connecting", "live", "reconnecting"]);
    expect(changes).toEqual([
      { responses: 12, lastActivityAt: "2026-11-22T10:00:00.000Z" },
      { responses: 0, lastActivityAt: null },
    ]);
    stop();
    expect(source.closed).toBe(true);
  });

  it("retries with backoff after a refused connection, and gives up saying so", () => {
    vi.useFakeTimers();
    vi.stubGlobal("EventSource", FakeEventSource);
    const states: LiveState[] = [];
    const stop = subscribeLive("/x", { onState: (s) => states.push(s), onChanged: () => {} });
    FakeEventSource.all[0]!.fail(true);
    expect(FakeEventSource.all).toHaveLength(1);
    vi.advanceTimersByTime(5_000);
    expect(FakeEventSource.all).toHaveLength(2);
    FakeEventSource.all[1]!.fail(true);
    vi.advanceTimersByTime(9_999);
    expect(FakeEventSource.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.all).toHaveLength(3);
    FakeEventSource.all[2]!.fail(true);
    vi.advanceTimersByTime(20_000);
    FakeEventSource.all[3]!.fail(true);
    expect(states.at(-1)).toBe("unavailable");
    stop();
    vi.advanceTimersByTime(120_000);
    expect(FakeEventSource.all).toHaveLength(4);
  });
});

describe("URLs", () => {
  it("puts the filter (and emails only when asked) on export links", () => {
    const filter = { channels: ["c1"], outcomes: ["qualified" as const], segments: [], status: "complete" as const, answers: [], split: { by: "segment" as const } };
    expect(resultsApi.exportUrl("s 1", filter, "csv", false)).toBe("/api/surveys/s%201/export.csv?channel=c1&outcome=qualified&split=segment");
    expect(resultsApi.exportUrl("s1", { ...filter, channels: [], outcomes: [], split: null }, "json", true)).toBe("/api/surveys/s1/export.json?include_emails=1");
  });

  it("asks for a page of responses with the filter, search and page", async () => {
    const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify({ responses: [], total: 0, page: 2, pageSize: 25 }), { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    const filter = { channels: [], outcomes: [], segments: [], status: "all" as const, answers: [], split: null };
    await resultsApi.responses("s1", filter, { page: 2, pageSize: 25, q: " notion ", includeEmails: true });
    expect(fetch.mock.calls[0]![0]).toBe("/api/surveys/s1/responses?status=all&page=2&pageSize=25&q=notion&include_emails=1");
  });
});
