import { describe, expect, it } from "vitest";
import { createMemo } from "solid-js";
import { MemoryRouter, Route, createMemoryHistory, useLocation, useNavigate } from "@solidjs/router";
import { fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { FilterBar, type FilterChoices } from "./filter-bar";
import { pageQueryToSearch, readPageQuery } from "./page-query";

const choices: FilterChoices = {
  channels: [{ id: "c1", name: "r/SaaS" }],
  segments: [{ id: "buyers", name: "Buyers", color: "#0f766e" }],
  questions: [{ id: "role", title: "Who decides?", options: [{ id: "me", label: "I do" }, { id: "boss", label: "My manager" }] }],
};

/** The results route's wiring, reduced to the filter bar: the URL is the state. */
function Page() {
  const location = useLocation();
  const navigate = useNavigate();
  const query = createMemo(() => readPageQuery(location.search));
  return (
    <>
      <FilterBar filter={query().filter} choices={choices} onChange={(filter) => navigate(`/results${pageQueryToSearch({ ...query(), filter, page: 1 })}`)} />
      <p data-testid="search">{location.search}</p>
    </>
  );
}

function renderAt(url: string) {
  const history = createMemoryHistory();
  history.set({ value: url });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="/results" component={Page} />
    </MemoryRouter>
  ));
  return { search: () => screen.getByTestId("search").textContent };
}

describe("filter bar ↔ URL", () => {
  it("shows the view the URL describes", async () => {
    renderAt("/results?outcome=qualified&answer=role:me&split=segment");
    await waitFor(() => expect((screen.getByLabelText("Split by") as HTMLSelectElement).value).toBe("segment"));
    const chips = screen.getByRole("list", { name: "Active filters" });
    expect(chips.textContent).toContain("Outcome: Qualified");
    expect(chips.textContent).toContain("Who decides?: I do");
    expect((screen.getByRole("checkbox", { name: "Qualified" }) as HTMLInputElement).checked).toBe(true);
  });

  it("writes a changed split to the URL", async () => {
    const page = renderAt("/results");
    fireEvent.change(screen.getByLabelText("Split by"), { target: { value: "channel" } });
    await waitFor(() => expect(page.search()).toBe("?split=channel"));
    fireEvent.change(screen.getByLabelText("Split by"), { target: { value: "question:role" } });
    await waitFor(() => expect(page.search()).toBe("?split=question%3Arole"));
  });

  it("ticks channels, outcomes and answers into the URL, keeping the page's other state out of the filter", async () => {
    const page = renderAt("/results?view=responses&page=3");
    fireEvent.click(screen.getByRole("checkbox", { name: "r/SaaS" }));
    await waitFor(() => expect(page.search()).toBe("?channel=c1&view=responses"));
    fireEvent.click(screen.getByRole("checkbox", { name: "Disqualified" }));
    await waitFor(() => expect(page.search()).toBe("?channel=c1&outcome=disqualified&view=responses"));
    fireEvent.click(screen.getByRole("checkbox", { name: "My manager" }));
    await waitFor(() => expect(page.search()).toContain("answer=role%3Aboss"));
  });

  it("removes one filter with its chip, and all of them with “Clear all filters”", async () => {
    const page = renderAt("/results?outcome=qualified&segment=buyers&split=segment");
    fireEvent.click(await screen.findByRole("button", { name: "Remove filter Outcome: Qualified" }));
    await waitFor(() => expect(page.search()).toBe("?segment=buyers&split=segment"));
    fireEvent.click(screen.getByRole("button", { name: "Clear all filters" }));
    await waitFor(() => expect(page.search()).toBe("?split=segment"));
    expect(screen.queryByRole("list", { name: "Active filters" })).toBeNull();
  });

  it("sets a date range and refuses an end before the start", async () => {
    const page = renderAt("/results?from=2026-11-05");
    expect(screen.getByLabelText("To").getAttribute("min")).toBe("2026-11-05");
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "2026-11-20" } });
    await waitFor(() => expect(page.search()).toBe("?from=2026-11-05&to=2026-11-20"));
  });
});
