import { describe, expect, it } from "vitest";
import { chiSquareTest } from "@sieve/core";
import { SMALL_SAMPLE_WARNING, describeTest, formatDuration, formatInterval, formatP, formatPct, formatScore, strength } from "./readings";

describe("reading a chi-square test", () => {
  it("writes χ²(df), p and Cramér's V, and says the groups differ when p < 0.05", () => {
    const r = describeTest(chiSquareTest([[40, 20], [10, 30]]), { noun: "segment", multi: false });
    expect(r.line).toMatch(/^χ²\(1\) = 16\.7, p < 0\.001, Cramér's V = 0\.41$/);
    expect(r.significant).toBe(true);
    expect(r.reading).toMatch(/^Answers differ by segment/);
    expect(r.reading).toContain("moderate");
    expect(r.warning).toBeUndefined();
  });

  it("says no clear difference when p ≥ 0.05", () => {
    const r = describeTest(chiSquareTest([[25, 24], [25, 26]]), { noun: "channel", multi: false });
    expect(r.significant).toBe(false);
    expect(r.reading).toMatch(/^No clear difference by channel: differences this size could well be chance \(p = 0\.\d\d\)\.$/);
  });

  it("warns when some expected counts are below 5", () => {
    const r = describeTest(chiSquareTest([[3, 1], [1, 4]]), { noun: "segment", multi: false });
    expect(r.warning).toBe(SMALL_SAMPLE_WARNING);
    expect(SMALL_SAMPLE_WARNING).toBe("Fewer than 5 expected in some cells — treat as indicative.");
  });

  it("notes that multiple-choice counts make the test approximate", () => {
    expect(describeTest(chiSquareTest([[40, 20], [10, 30]]), { noun: "segment", multi: true }).warning).toMatch(/several options/);
  });

  it("notes that respondents in several columns (overlapping segments) make the test approximate", () => {
    const r = describeTest(chiSquareTest([[40, 20], [10, 30]]), { noun: "segment", multi: false, overlap: true });
    expect(r.warning).toBe("Some respondents are in more than one segment, so they are counted in several columns and the test is approximate.");
    expect(describeTest(chiSquareTest([[40, 20], [10, 30]]), { noun: "channel", multi: false, overlap: false }).warning).toBeUndefined();
  });

  it("explains when no test could be run", () => {
    const r = describeTest(chiSquareTest([[5, 0], [3, 0]]), { noun: "segment", multi: false });
    expect(r.line).toBe("");
    expect(r.reading).toMatch(/^Not enough answers/);
  });
});

describe("numbers in words", () => {
  it("formats shares, intervals, p-values, scores and durations", () => {
    expect(formatPct(0.4213)).toBe("42%");
    expect(formatPct(0.004)).toBe("0.4%");
    expect(formatInterval({ lower: 0.351, upper: 0.4949 })).toBe("35–49%");
    expect(formatP(0.0004)).toBe("p < 0.001");
    expect(formatP(0.0061)).toBe("p = 0.006");
    expect(formatP(0.4242)).toBe("p = 0.42");
    expect(formatScore(32.4)).toBe("+32");
    expect(formatScore(-12)).toBe("−12");
    expect(formatDuration(35_000)).toBe("35 s");
    expect(formatDuration(260_000)).toBe("4 min 20 s");
    expect(formatDuration(null)).toBe("—");
    expect(strength(0.05)).toBe("negligible");
    expect(strength(0.6)).toBe("strong");
  });
});
