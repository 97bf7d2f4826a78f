import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { csvCell, csvRow } from "./csv";

describe("CSV", () => {
  it("quotes cells with commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("neutralises spreadsheet formulas in text cells", () => {
    for (const evil of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"]) expect(csvCell(evil).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell(-3)).toBe("-3"); // numbers are data, not formulas
  });

  it("ends records with CRLF", () => {
    expect(csvRow(["a", 1, null])).toBe("a,1,\r\n");
  });

  it("quotes cells a reader would trim: whitespace, Unicode spaces included, at either end", () => {
    for (const padded of [" x", "x ", "\u00a0x", "x\u2028", "\ufeffx", "\u3000"]) expect(csvCell(padded)).toBe(`"${padded}"`);
    expect(csvCell("x y")).toBe("x y");
    expect(csvCell(true)).toBe("true");
  });

  it("every text cell parses back to its value (minus the formula guard)", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const cell = csvCell(s);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        expect(unquoted).toBe(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
      }),
    );
  });
});
