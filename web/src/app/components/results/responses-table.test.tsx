import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import type { ResponsePage } from "../../lib/results-api";
import { ResponsesTable, pageRange } from "./responses-table";

const page: ResponsePage = {
  total: 60,
  page: 2,
  pageSize: 25,
  responses: [
    {
      id: "r1",
      status: "complete",
      outcome: "qualified",
      flags: [],
      segments: [{ id: "buyers", name: "Buyers" }],
      channel: { id: "c1", name: "r/SaaS" },
      version: 1,
      startedAt: "2026-11-20T10:00:00.000Z",
      completedAt: "2026-11-20T10:04:20.000Z",
      durationMs: 260_000,
      email: "ana@example.com",
    },
    { id: "r2", status: "partial", outcome: null, flags: ["speeder"], segments: [], channel: null, version: 1, startedAt: "2026-11-20T09:00:00.000Z", completedAt: null, durationMs: null },
  ],
};

describe("the response table", () => {
  it("says which rows it shows", () => {
    expect(pageRange(2, 25, 60)).toBe("26–50 of 60");
    expect(pageRange(3, 25, 60)).toBe("51–60 of 60");
    expect(pageRange(1, 25, 0)).toBe("0 of 0");
  });

  it("lists responses with outcome, segments, channel and duration; emails only when shown", () => {
    render(() => <ResponsesTable data={page} loading={false} q="" showEmails={false} onSearch={() => {}} onPage={() => {}} onOpen={() => {}} />);
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(rows[0]!.textContent).toContain("Qualified");
    expect(rows[0]!.textContent).toContain("Buyers");
    expect(rows[0]!.textContent).toContain("r/SaaS");
    expect(rows[0]!.textContent).toContain("4 min 20 s");
    expect(rows[1]!.textContent).toContain("Dropped off");
    expect(rows[1]!.textContent).toContain("speeder");
    expect(rows[1]!.textContent).toContain("Direct link");
    expect(screen.queryByText("ana@example.com")).toBeNull();
    expect(screen.getByText("Showing 26–50 of 60.")).toBeTruthy();
  });

  it("searches on submit, pages, and opens a response", () => {
    const onSearch = vi.fn();
    const onPage = vi.fn();
    const onOpen = vi.fn();
    render(() => <ResponsesTable data={page} loading={false} q="" showEmails onSearch={onSearch} onPage={onPage} onOpen={onOpen} />);
    expect(screen.getByText("ana@example.com")).toBeTruthy();
    fireEvent.input(screen.getByRole("searchbox"), { target: { value: " notion " } });
    fireEvent.submit(screen.getByRole("search"));
    expect(onSearch).toHaveBeenCalledWith("notion");
    fireEvent.click(screen.getByRole("button", { name: "Previous" }));
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(onPage.mock.calls).toEqual([[1], [3]]);
    fireEvent.click(screen.getAllByRole("button", { name: /^View response/ })[1]!);
    expect(onOpen).toHaveBeenCalledWith("r2");
  });
});
