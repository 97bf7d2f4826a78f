import { describe, expect, it, vi } from "vitest";
import { createRoot } from "solid-js";
import { fireEvent, render, screen } from "@solidjs/testing-library";
import { SelectionBar } from "./selection-bar";
import { Pager, pageRange } from "./pager";
import { createSelection } from "../../lib/selection";

const bar = (o: Partial<Parameters<typeof SelectionBar>[0]> = {}) => ({
  selected: 50,
  total: 120,
  pageSelected: true,
  selectingAll: false,
  truncated: false,
  onSelectAll: vi.fn(),
  onClear: vi.fn(),
  ...o,
});

describe("SelectionBar", () => {
  it("offers every matching respondent once a whole page is selected", () => {
    const props = bar();
    render(() => <SelectionBar {...props} />);
    expect(screen.getByRole("group", { name: "Selection" }).textContent).toContain("50 selected of 120 matching");
    fireEvent.click(screen.getByRole("button", { name: "Select all 120 matching" }));
    expect(props.onSelectAll).toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Clear selection" }));
    expect(props.onClear).toHaveBeenCalled();
  });

  it("says when everything matching is selected, and hides itself when nothing is", () => {
    const { unmount } = render(() => <SelectionBar {...bar({ selected: 120 })} />);
    expect(screen.getByRole("group").textContent).toContain("all 120 matching");
    expect(screen.queryByRole("button", { name: /Select all/ })).toBeNull();
    unmount();
    render(() => <SelectionBar {...bar({ selected: 0 })} />);
    expect(screen.queryByRole("group")).toBeNull();
  });

  it("does not offer select-all for a partly selected page", () => {
    render(() => <SelectionBar {...bar({ selected: 3, pageSelected: false })} />);
    expect(screen.queryByRole("button", { name: /Select all/ })).toBeNull();
  });
});

describe("Pager", () => {
  it("moves between pages and shows where it is", () => {
    const onPage = vi.fn();
    render(() => <Pager label="Respondent pages" page={2} pageSize={50} total={120} onPage={onPage} />);
    expect(screen.getByRole("navigation", { name: "Respondent pages" }).textContent).toContain("Page 2 of 3");
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(onPage).toHaveBeenLastCalledWith(3);
    fireEvent.click(screen.getByRole("button", { name: "Previous" }));
    expect(onPage).toHaveBeenLastCalledWith(1);
    expect(pageRange(3, 50, 120)).toBe("101–120 of 120");
    expect(pageRange(1, 50, 0)).toBe("0 of 0");
  });

  it("is hidden when everything fits on one page", () => {
    render(() => <Pager label="Respondent pages" page={1} pageSize={50} total={50} onPage={() => {}} />);
    expect(screen.queryByRole("navigation")).toBeNull();
  });
});

describe("createSelection", () => {
  it("keeps ticks across pages and selects or clears a page at once", () =>
    createRoot((dispose) => {
      const s = createSelection();
      s.setMany([{ id: "a", email: "a@x.test" }, { id: "b", email: null }], true);
      s.toggle({ id: "c", email: "c@x.test" }, true);
      expect(s.size()).toBe(3);
      s.setMany([{ id: "a", email: "a@x.test" }, { id: "b", email: null }], false);
      expect(s.ids()).toEqual(["c"]);
      expect(s.emailOf("c")).toBe("c@x.test");
      s.replace([{ id: "d", email: "d@x.test" }]);
      expect(s.ids()).toEqual(["d"]);
      s.clear();
      expect(s.size()).toBe(0);
      dispose();
    }));
});
