import { describe, expect, it } from "vitest";
import { wilsonInterval } from "@sieve/core";
import { choiceQuestion, npsQuestion, resultsReply, segmentColumns } from "../components/results/test-fixtures";
import { LIGHT } from "./palette";
import { choiceSpec, errorBar, fillDays, funnelSteps, histogramBins, npsHistogramSpec, npsStackSpec, percentMax } from "./results-charts";

describe("choice chart data", () => {
  it("unsplit: one bar per option, in percent, with the Wilson interval as its error bar", () => {
    const spec = choiceSpec(choiceQuestion(false), [], LIGHT);
    expect(spec.labels).toEqual(["I do", "My manager"]);
    expect(spec.datasets).toHaveLength(1);
    const [all] = spec.datasets;
    expect(all!.data).toEqual([60, 40]);
    const ci = wilsonInterval(60, 100);
    expect(all!.errorBars![0]).toEqual([Math.round(ci.lower * 1000) / 10, Math.round(ci.upper * 1000) / 10]);
    expect(all!.errorBars![0]![0]).toBeLessThan(60);
    expect(all!.errorBars![0]![1]).toBeGreaterThan(60);
    expect(all!.notes![0]).toMatch(/^60% \(95% CI 50–69%\) · 60 of 100$/);
    expect(spec.legend).toBe(false);
    expect(spec.horizontal).toBe(true);
  });

  it("split by segment: a bar per segment in the segment's colour, intervals per column", () => {
    const spec = choiceSpec(choiceQuestion(true), segmentColumns, LIGHT);
    expect(spec.datasets.map((d) => d.label)).toEqual(["Buyers (n = 50)", "Users (n = 50)"]);
    expect(spec.datasets.map((d) => d.color)).toEqual(["#0f766e", "#c2410c"]);
    expect(spec.datasets[0]!.data).toEqual([80, 20]);
    expect(spec.datasets[1]!.data).toEqual([40, 60]);
    expect(spec.datasets[0]!.errorBars![0]![0]).toBeCloseTo(wilsonInterval(40, 50).lower * 100, 0);
    expect(spec.legend).toBe(true);
  });

  it("split by something without colours: the palette's series colours", () => {
    const columns = segmentColumns.map(({ color: _color, ...c }) => c);
    const spec = choiceSpec(choiceQuestion(true), columns, LIGHT);
    expect(spec.datasets.map((d) => d.color)).toEqual([LIGHT.series[0], LIGHT.series[1]]);
    expect(spec.datasets[0]!.border).toBeUndefined();
  });

  it("draws no error bar for a column nobody answered in", () => {
    expect(errorBar(wilsonInterval(0, 0), 0)).toBeNull();
  });

  it("sizes the percent axis to the highest interval, in tens, at most 100", () => {
    expect(percentMax([{ label: "x", data: [12, 30], color: "#000", errorBars: [null, [20, 41.5]] }])).toBe(50);
    expect(percentMax([{ label: "x", data: [99], color: "#000", errorBars: [[95, 100]] }])).toBe(100);
    expect(percentMax([{ label: "x", data: [0], color: "#000" }])).toBe(10);
  });
});

describe("histograms", () => {
  it("gives every value of a short integer range a bar, gaps included", () => {
    const bins = histogramBins([{ value: 1, count: 2 }, { value: 4, count: 1 }]);
    expect(bins.map((b) => [b.label, b.count])).toEqual([["1", 2], ["2", 0], ["3", 0], ["4", 1]]);
  });

  it("groups a wide range into round bins that keep every answer", () => {
    const histogram = [{ value: 3, count: 1 }, { value: 47, count: 2 }, { value: 250, count: 3 }, { value: 999, count: 1 }];
    const bins = histogramBins(histogram);
    expect(bins.length).toBeLessThanOrEqual(11);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(7);
    expect(bins[0]!.from).toBe(0);
  });

  it("NPS: all of 0–10, coloured detractor, passive, promoter", () => {
    const spec = npsHistogramSpec(npsQuestion(), LIGHT);
    expect(spec.labels).toHaveLength(11);
    const colors = spec.datasets[0]!.color as string[];
    expect([colors[6], colors[7], colors[9]]).toEqual([LIGHT.detractor, LIGHT.passive, LIGHT.promoter]);
  });

  it("NPS groups stack to 100% of those who answered", () => {
    const spec = npsStackSpec(npsQuestion(), [], LIGHT);
    expect(spec.stacked).toBe(true);
    const total = spec.datasets.reduce((s, d) => s + d.data[0]!, 0);
    expect(total).toBeCloseTo(100, 0);
    expect(spec.datasets.map((d) => d.label)).toEqual(["Detractors (0–6)", "Passives (7–8)", "Promoters (9–10)"]);
  });
});

describe("funnel and time", () => {
  it("sums the funnel over channels with each step's share of the one before", () => {
    const steps = funnelSteps(resultsReply().funnel);
    expect(steps.map((s) => [s.label, s.count])).toEqual([
      ["Link clicks", 90],
      ["Page views", 130],
      ["Started", 115],
      ["Completed", 100],
      ["Qualified", 60],
    ]);
    expect(steps[0]!.ofPrevious).toBeNull();
    expect(steps[4]!.ofPrevious).toBeCloseTo(0.6);
  });

  it("fills the days without responses with zeros, within the filter's range", () => {
    expect(fillDays([{ day: "2026-11-01", count: 3 }, { day: "2026-11-03", count: 1 }])).toEqual([
      { day: "2026-11-01", count: 3 },
      { day: "2026-11-02", count: 0 },
      { day: "2026-11-03", count: 1 },
    ]);
    expect(fillDays([{ day: "2026-11-02", count: 3 }], "2026-11-01", "2026-11-02")).toHaveLength(2);
    expect(fillDays([])).toEqual([]);
  });
});
