/**
 * RFC 4180 CSV that is also safe to open in a spreadsheet: a cell starting with
 * =, +, -, @, tab or carriage return would run as a formula in Excel, Sheets or
 * LibreOffice (CSV injection), so it gets a leading apostrophe.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
/** A separator, quote or line break anywhere, or whitespace a reader would trim at either end. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV cell. Example: `csvCell('=HYPERLINK("x")') === "\"'=HYPERLINK(\"\"x\"\")\""`. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  // Numbers and booleans are data, never formulas, and never contain a separator.
  if (typeof value !== "string") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** The UTF-8 byte order mark: without it Excel reads UTF-8 CSV as a legacy code page. */
export const CSV_BOM = "\uFEFF";
