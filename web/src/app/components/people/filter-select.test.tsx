import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@solidjs/testing-library";
import { FilterSelect } from "./filter-select";

describe("FilterSelect", () => {
  it("lists the empty choice first and hands up the value picked", () => {
    const onChange = vi.fn();
    render(() => <FilterSelect id="f" label="Segment" value="" any="Any segment" choices={[{ value: "buyers", label: "Buyers" }]} onChange={onChange} />);
    const select = screen.getByLabelText("Segment") as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ["", "Any segment"],
      ["buyers", "Buyers"],
    ]);
    fireEvent.change(select, { target: { value: "buyers" } });
    expect(onChange).toHaveBeenCalledWith("buyers");
  });
});
