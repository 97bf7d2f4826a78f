// A chart described as plain data, independent of chart.js: what the dashboard's
// builders produce (and tests check), and what chart-runtime.ts turns into a chart.js
// configuration. Every chart here is a bar chart — grouped, stacked, horizontal or not.

export type BarDataset = {
  label: string;
  /** One value per category, on the value axis (percent 0–100, or counts). */
  data: number[];
  /** One colour for the dataset, or one per bar. */
  color: string | string[];
  /** Optional outline (segment colours may be light), one or per bar. */
  border?: string | string[];
  /** A 95% interval per bar on the value axis, [lower, upper]; null draws none. */
  errorBars?: ([number, number] | null)[];
  /** What a tooltip and the text alternative say for each bar, e.g. "42% (95% CI 35–49%) · 120 of 290". */
  notes?: string[];
};

export type BarSpec = {
  /** Category labels; an array is a label wrapped over several lines. */
  labels: (string | string[])[];
  datasets: BarDataset[];
  /** Bars run left to right, categories down the side (long option labels read best so). */
  horizontal: boolean;
  stacked: boolean;
  unit: "percent" | "count";
  /** Upper end of the value axis; left to chart.js when absent. */
  max?: number;
  legend: boolean;
  valueTitle?: string;
  categoryTitle?: string;
};

/** A category label as one line of text. */
export function labelText(label: string | string[]): string {
  return Array.isArray(label) ? label.join(" ") : label;
}

/** Wraps a long label over lines of at most `width` characters (words are not split). */
export function wrapLabel(text: string, width = 34, maxLines = 3): string | string[] {
  if (text.length <= width) return text;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + " " + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/[\s,.;:—-]+$/, "")}…`;
  return kept;
}

/** A chart's height in CSS pixels: horizontal charts grow with their categories and groups. */
export function chartHeight(spec: BarSpec): number {
  if (!spec.horizontal) return 240;
  const lines = spec.labels.reduce<number>((sum, l) => sum + (Array.isArray(l) ? l.length : 1), 0);
  const groups = spec.stacked ? 1 : Math.max(1, spec.datasets.length);
  const perCategory = Math.max(26, 10 + groups * 14);
  const body = Math.max(spec.labels.length * perCategory, lines * 15);
  return Math.round(body + 44 + (spec.legend ? 30 : 0) + (spec.valueTitle ? 18 : 0));
}

const countFormat = new Intl.NumberFormat();

/** The value as the axis and tables write it. */
export function formatValue(value: number, unit: BarSpec["unit"]): string {
  return unit === "percent" ? `${Math.round(value)}%` : countFormat.format(value);
}

export type SpecTable = { head: string[]; rows: { label: string; cells: string[] }[] };

/** The chart as a table: categories down, datasets across — the text alternative of every chart. */
export function specTable(spec: BarSpec, categoryHeading: string): SpecTable {
  return {
    head: [categoryHeading, ...spec.datasets.map((d) => d.label)],
    rows: spec.labels.map((label, i) => ({
      label: labelText(label),
      cells: spec.datasets.map((d) => d.notes?.[i] ?? formatValue(d.data[i] ?? 0, spec.unit)),
    })),
  };
}

/** A one-sentence summary for the canvas's aria-label. */
export function specSummary(spec: BarSpec, what: string): string {
  const kind = spec.stacked ? "Stacked bar chart" : spec.datasets.length > 1 ? "Grouped bar chart" : "Bar chart";
  if (spec.labels.length === 0) return `${kind} of ${what}: no data.`;
  if (spec.datasets.length === 1) {
    const d = spec.datasets[0]!;
    const ranked = spec.labels
      .map((label, i) => ({ label: labelText(label), value: d.data[i] ?? 0 }))
      .sort((a, b) => b.value - a.value)
      .slice(0, 3)
      .map((x) => `${x.label} ${formatValue(x.value, spec.unit)}`);
    return `${kind} of ${what}. Highest: ${ranked.join("; ")}. Every value is in the table that follows.`;
  }
  return `${kind} of ${what}, ${spec.labels.length} categories by ${spec.datasets.map((d) => d.label).join(", ")}. Every value is in the table that follows.`;
}
