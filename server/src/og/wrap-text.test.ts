import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ellipsize, wrapText } from "./wrap-text.js";

// Every grapheme is 10 px wide: easy to reason about, and enough to test wrapping.
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const measure = (s: string) => Array.from(graphemes.segment(s)).length * 10;

describe("wrapText", () => {
  it("breaks between words", () => {
    expect(wrapText("the quick brown fox", 100, 3, measure)).toEqual({ lines: ["the quick", "brown fox"], truncated: false });
  });

  it("returns no lines for empty text", () => {
    expect(wrapText("", 100, 3, measure)).toEqual({ lines: [], truncated: false });
  });

  it("breaks a word wider than the line between graphemes, keeping emoji sequences whole", () => {
    const family = "👨‍👩‍👧";
    const { lines } = wrapText(`abc${family}defgh`, 40, 3, measure);
    expect(lines).toEqual([`abc${family}`, "defg", "h"]);
  });

  it("cuts text beyond the last line and ends that line with an ellipsis", () => {
    const result = wrapText("one two three four five six", 90, 2, measure);
    expect(result).toEqual({ lines: ["one two", "three…"], truncated: true });
  });

  it("never returns more lines than allowed or a line wider than allowed", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 20, max: 400 }), (raw, maxLines, maxWidth) => {
        const text = raw.replace(/\s+/gu, " ");
        const { lines } = wrapText(text, maxWidth, maxLines, measure);
        expect(lines.length).toBeLessThanOrEqual(maxLines);
        for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(maxWidth);
      }),
    );
  });
});

describe("ellipsize", () => {
  it("drops trailing punctuation before the ellipsis", () => {
    expect(ellipsize("Which tool do you use, and", 230, measure)).toBe("Which tool do you use…");
  });
});
