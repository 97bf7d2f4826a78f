import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSignal } from "solid-js";
import { fireEvent, render, screen } from "@solidjs/testing-library";
import type { RespondentFilters } from "../../lib/people-api";
import { RespondentFilterForm, SEARCH_DEBOUNCE_MS } from "./respondent-filters";
import { NO_FILTERS } from "../../lib/respondent-query";

function Harness(props: { onChange: (f: RespondentFilters) => void; initial?: Partial<RespondentFilters>; workspace?: boolean }) {
  const [filters, setFilters] = createSignal<RespondentFilters>({ ...NO_FILTERS, ...props.initial });
  return (
    <RespondentFilterForm
      filters={filters()}
      surveys={props.workspace ? [{ id: "s1", name: "Note-taking" }, { id: "s2", name: "Calendars" }] : undefined}
      segments={[{ id: "buyers", name: "Buyers" }]}
      channels={[{ id: "c1", name: "r/notes" }]}
      onChange={(f) => {
        setFilters(f);
        props.onChange(f);
      }}
    />
  );
}

describe("RespondentFilterForm", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("searches once typing pauses, not on every key", () => {
    const onChange = vi.fn();
    render(() => <Harness onChange={onChange} />);
    const box = screen.getByRole("searchbox", { name: /Search respondents/ });
    fireEvent.input(box, { target: { value: "a" } });
    fireEvent.input(box, { target: { value: "ad" } });
    fireEvent.input(box, { target: { value: "ada " } });
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTERS, q: "ada" });
  });

  it("searches at once on Enter", () => {
    const onChange = vi.fn();
    render(() => <Harness onChange={onChange} />);
    const box = screen.getByRole("searchbox", { name: /Search respondents/ });
    fireEvent.input(box, { target: { value: "bob" } });
    fireEvent.submit(screen.getByRole("search"));
    expect(onChange).toHaveBeenCalledWith({ ...NO_FILTERS, q: "bob" });
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("hands up outcome, flags and interview status changes", () => {
    const onChange = vi.fn();
    render(() => <Harness onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("Outcome"), { target: { value: "qualified" } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ outcome: "qualified" }));
    fireEvent.change(screen.getByLabelText("Flags"), { target: { value: "speeding" } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ flags: "speeding" }));
    fireEvent.change(screen.getByLabelText("Interview"), { target: { value: "not_invited" } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ outcome: "qualified", flags: "speeding", status: "not_invited" }));
    fireEvent.change(screen.getByLabelText("Flags"), { target: { value: "nonsense" } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ flags: "" }));
  });

  it("offers a survey picker on the workspace list, and a new survey drops its segment and channel", () => {
    const onChange = vi.fn();
    render(() => <Harness onChange={onChange} workspace initial={{ survey: "s1", segment: "buyers", channel: "c1" }} />);
    expect((screen.getByLabelText("Survey") as HTMLSelectElement).value).toBe("s1");
    fireEvent.change(screen.getByLabelText("Survey"), { target: { value: "s2" } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ survey: "s2", segment: "", channel: "" }));
  });

  it("has no survey picker on a survey's own list", () => {
    render(() => <Harness onChange={() => {}} />);
    expect(screen.queryByLabelText("Survey")).toBeNull();
    expect(screen.getByLabelText("Segment")).toBeTruthy();
  });
});
