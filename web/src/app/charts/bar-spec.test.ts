import { describe, expect, it } from "vitest";
import { chartHeight, specSummary, specTable, wrapLabel, type BarSpec } from "./bar-spec";
import { capSize, errorBarSegments } from "./error-bars";

const spec: BarSpec = {
  labels: ["I do", ["My", "manager"]],
  datasets: [{ label: "All", data: [60, 40], color: "#000", notes: ["60% (95% CI 50–69%)", "40% (95% CI 31–50%)"] }],
  horizontal: true,
  stacked: false,
  unit: "percent",
  legend: false,
};

describe("bar specs", () => {
  it("wraps long labels on word boundaries, at most three lines", () => {
    expect(wrapLabel("Short")).toBe("Short");
    expect(wrapLabel("I research the options and recommend one to the team", 20)).toEqual(["I research the", "options and", "recommend one to the…"]);
  });

  it("is its own text alternative: a table of categories by datasets, using the notes", () => {
    expect(specTable(spec, "Answer")).toEqual({
      head: ["Answer", "All"],
      rows: [
        { label: "I do", cells: ["60% (95% CI 50–69%)"] },
        { label: "My manager", cells: ["40% (95% CI 31–50%)"] },
      ],
    });
  });

  it("summarises the highest values for the canvas label", () => {
    expect(specSummary(spec, "answers")).toBe("Bar chart of answers. Highest: I do 60%; My manager 40%. Every value is in the table that follows.");
    expect(specSummary({ ...spec, labels: [] }, "answers")).toMatch(/no data/);
  });

  it("grows horizontal charts with categories and groups", () => {
    const grouped = { ...spec, datasets: [spec.datasets[0]!, spec.datasets[0]!, spec.datasets[0]!], legend: true };
    expect(chartHeight(grouped)).toBeGreaterThan(chartHeight(spec));
    expect(chartHeight({ ...spec, horizontal: false })).toBe(240);
  });
});

describe("error bar geometry", () => {
  it("horizontal bars: a line along x at the bar's centre with vertical caps", () => {
    expect(errorBarSegments(true, 50, 100, 180, 4)).toEqual([
      [100, 50, 180, 50],
      [100, 46, 100, 54],
      [180, 46, 180, 54],
    ]);
  });

  it("vertical bars: a line along y with horizontal caps", () => {
    expect(errorBarSegments(false, 30, 200, 120, 5)).toEqual([
      [30, 200, 30, 120],
      [25, 200, 35, 200],
      [25, 120, 35, 120],
    ]);
  });

  it("keeps caps between 2 and 6 px", () => {
    expect(capSize(2)).toBe(2);
    expect(capSize(10)).toBe(3);
    expect(capSize(60)).toBe(6);
  });
});
