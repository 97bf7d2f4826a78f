/** Measures a single line of text, in pixels, at the size the caller has in mind. */
export type Measure = (text: string) => number;

/** Lines that fit a width, and whether text was dropped (the last line then ends in "…"). */
export interface WrappedText {
  lines: string[];
  truncated: boolean;
}

const ELLIPSIS = "…";
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/**
 * Greedy word wrap into at most `maxLines` lines no wider than `maxWidth`. Words wider than a
 * line (URLs, CJK runs with no spaces) break between graphemes, so emoji sequences stay whole.
 * Expects whitespace already collapsed to single spaces. Example:
 * `wrapText("a b c", 10, 2, (s) => s.length * 5)` → `{ lines: ["a b", "c"], truncated: false }`.
 */
export function wrapText(text: string, maxWidth: number, maxLines: number, measure: Measure): WrappedText {
  const lines: string[] = [];
  let line = "";
  // Stop collecting once one line more than allowed exists: that is all ellipsizing needs,
  // and it bounds the work for very long input.
  const full = () => lines.length > maxLines;

  for (const word of text.split(" ")) {
    if (word === "" || full()) continue;
    const candidate = line === "" ? word : `${line} ${word}`;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    line = "";
    if (measure(word) <= maxWidth) {
      line = word;
      continue;
    }
    for (const g of splitGraphemes(word)) {
      if (full()) break;
      if (line !== "" && measure(line + g) > maxWidth) {
        lines.push(line);
        line = "";
      }
      line += g;
    }
  }
  if (line !== "") lines.push(line);

  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(kept[maxLines - 1] ?? "", maxWidth, measure);
  return { lines: kept, truncated: true };
}

/** Cuts graphemes off the end until `text…` fits; the ellipsis alone is always kept. */
export function ellipsize(text: string, maxWidth: number, measure: Measure): string {
  const parts = splitGraphemes(text.trimEnd());
  while (parts.length > 0 && measure(parts.join("") + ELLIPSIS) > maxWidth) parts.pop();
  // "Which tool do you use, …" reads worse than "Which tool do you use…".
  return parts.join("").replace(/[\s,;:…–—-]+$/u, "") + ELLIPSIS;
}
