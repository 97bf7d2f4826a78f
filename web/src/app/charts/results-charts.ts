// From the results reply to chart specs: one pure function per chart of the dashboard.
// Percentages are of the respondents who answered the question (per column when split),
// and every bar of a proportion carries its 95% Wilson interval.
import type { QuestionResult } from "@sieve/core";
import type { FunnelRow, Interval, ResultsColumn, SegmentSize } from "../lib/results-api";
import { formatInterval, formatPct } from "../components/results/readings";
import { wrapLabel, type BarDataset, type BarSpec } from "./bar-spec";
import { edgeColor, scaleColors, seriesColor, type Palette } from "./palette";

export type ChoiceResult = Extract<QuestionResult, { kind: "choice" }>;
export type MatrixResult = Extract<QuestionResult, { kind: "matrix" }>;
export type NumericResult = Extract<QuestionResult, { kind: "numeric" }>;
export type NpsResult = Extract<QuestionResult, { kind: "nps" }>;

const countFormat = new Intl.NumberFormat();
const toPct = (share: number) => Math.round(share * 1000) / 10;

/** "42% (95% CI 35–49%) · 120 of 290" */
export function cellNote(cell: { count: number; pct: number; interval: Interval }, n: number): string {
  if (n === 0) return "no answers";
  return `${formatPct(cell.pct)} (95% CI ${formatInterval(cell.interval)}) · ${countFormat.format(cell.count)} of ${countFormat.format(n)}`;
}

/** Error bar of a cell in percent, or none when nobody answered (the interval would be all of 0–100%). */
export function errorBar(interval: Interval, n: number): [number, number] | null {
  return n > 0 ? [toPct(interval.lower), toPct(interval.upper)] : null;
}

/** The top of a percent axis: the next 10% above the highest bar or interval, at most 100%. */
export function percentMax(datasets: BarDataset[]): number {
  let top = 0;
  for (const d of datasets) {
    d.data.forEach((v, i) => {
      top = Math.max(top, v, d.errorBars?.[i]?.[1] ?? 0);
    });
  }
  return Math.min(100, Math.max(10, Math.ceil(top / 10) * 10));
}

/**
 * A choice question: one bar per option with its interval, or — split — one group per
 * option with a bar per column (segment colours when split by segment).
 */
export function choiceSpec(q: ChoiceResult, columns: readonly ResultsColumn[], palette: Palette): BarSpec {
  const labels = q.options.map((o) => wrapLabel(o.label));
  const datasets: BarDataset[] =
    columns.length === 0
      ? [
          {
            label: `All who answered (n = ${countFormat.format(q.n)})`,
            data: q.options.map((o) => toPct(o.overall.pct)),
            color: palette.accent,
            errorBars: q.options.map((o) => errorBar(o.overall.interval, q.n)),
            notes: q.options.map((o) => cellNote(o.overall, q.n)),
          },
        ]
      : columns.map((col, i) => {
          const n = q.columnN[i] ?? 0;
          const color = seriesColor(palette, i, col.color);
          return {
            label: `${col.label} (n = ${countFormat.format(n)})`,
            data: q.options.map((o) => toPct(o.columns[i]?.pct ?? 0)),
            color,
            ...(col.color ? { border: edgeColor(col.color, palette) } : {}),
            errorBars: q.options.map((o) => (o.columns[i] ? errorBar(o.columns[i].interval, n) : null)),
            notes: q.options.map((o) => (o.columns[i] ? cellNote(o.columns[i], n) : "no answers")),
          };
        });
  return {
    labels,
    datasets,
    horizontal: true,
    stacked: false,
    unit: "percent",
    max: percentMax(datasets),
    legend: columns.length > 0,
    valueTitle: "% of those who answered",
  };
}

/** A matrix (Likert grid): one 100% bar per row, stacked by answer in ordered shades. */
export function matrixSpec(q: MatrixResult, palette: Palette): BarSpec {
  const options = q.rows[0]?.options ?? [];
  const colors = scaleColors(palette, options.length);
  return {
    labels: q.rows.map((r) => wrapLabel(r.label)),
    datasets: options.map((o, j) => ({
      label: o.label,
      data: q.rows.map((r) => toPct(r.options[j]?.overall.pct ?? 0)),
      color: colors[j]!,
      border: palette.surface,
      notes: q.rows.map((r) => (r.options[j] ? cellNote(r.options[j].overall, q.n) : "no answers")),
    })),
    horizontal: true,
    stacked: true,
    unit: "percent",
    max: 100,
    legend: true,
    valueTitle: "% of those who answered",
  };
}

export type Bin = { label: string; count: number; from: number; to: number };

/**
 * Histogram bins. Integer answers over a short range get one bar per value (gaps shown
 * as 0); anything wider is grouped into about `target` ranges with round edges.
 */
export function histogramBins(histogram: readonly { value: number; count: number }[], target = 10, range?: [number, number]): Bin[] {
  if (histogram.length === 0 && !range) return [];
  const values = histogram.map((h) => h.value);
  const lo = range ? Math.min(range[0], ...values) : Math.min(...values);
  const hi = range ? Math.max(range[1], ...values) : Math.max(...values);
  const count = (from: number, to: number, last: boolean) =>
    histogram.filter((h) => h.value >= from && (last ? h.value <= to : h.value < to)).reduce((s, h) => s + h.count, 0);
  if (values.every(Number.isInteger) && hi - lo <= 20) {
    return Array.from({ length: hi - lo + 1 }, (_, i) => {
      const v = lo + i;
      return { label: countFormat.format(v), count: count(v, v, true), from: v, to: v };
    });
  }
  const step = niceStep((hi - lo) / target);
  const start = Math.floor(lo / step) * step;
  const bins: Bin[] = [];
  for (let from = start; from <= hi; from += step) {
    const to = from + step;
    const last = to > hi;
    bins.push({ label: `${countFormat.format(from)}–${countFormat.format(last && Number.isInteger(hi) ? hi : to)}`, count: count(from, to, last), from, to });
  }
  return bins;
}

function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/** A number or rating question's distribution. */
export function histogramSpec(q: NumericResult, palette: Palette): BarSpec {
  const bins = histogramBins(q.histogram);
  return {
    labels: bins.map((b) => b.label),
    datasets: [
      {
        label: "Answers",
        data: bins.map((b) => b.count),
        color: palette.accent,
        notes: bins.map((b) => `${countFormat.format(b.count)} (${formatPct(q.n ? b.count / q.n : 0)})`),
      },
    ],
    horizontal: false,
    stacked: false,
    unit: "count",
    legend: false,
    valueTitle: "Respondents",
  };
}

/** NPS answers 0–10, coloured detractor / passive / promoter. */
export function npsHistogramSpec(q: NpsResult, palette: Palette): BarSpec {
  const bins = histogramBins(q.histogram, 11, [0, 10]);
  const color = (v: number) => (v >= 9 ? palette.promoter : v >= 7 ? palette.passive : palette.detractor);
  return {
    labels: bins.map((b) => b.label),
    datasets: [
      {
        label: "Answers",
        data: bins.map((b) => b.count),
        color: bins.map((b) => color(b.from)),
        notes: bins.map((b) => `${countFormat.format(b.count)} (${formatPct(q.n ? b.count / q.n : 0)})`),
      },
    ],
    horizontal: false,
    stacked: false,
    unit: "count",
    legend: false,
    categoryTitle: "Likelihood to recommend (0–10)",
    valueTitle: "Respondents",
  };
}

/** Detractors, passives and promoters as one 100% bar — per column too when split. */
export function npsStackSpec(q: NpsResult, columns: readonly ResultsColumn[], palette: Palette): BarSpec {
  const groups = [{ label: `All (n = ${countFormat.format(q.nps.n)})`, nps: q.nps }, ...columns.map((c, i) => ({ label: `${c.label} (n = ${countFormat.format(q.columns[i]?.n ?? 0)})`, nps: q.columns[i] }))].filter(
    (g): g is { label: string; nps: NpsResult["nps"] } => g.nps !== undefined,
  );
  const part = (key: "detractors" | "passives" | "promoters", label: string, color: string): BarDataset => ({
    label,
    data: groups.map((g) => toPct(g.nps[key].share)),
    color,
    border: palette.surface,
    notes: groups.map((g) => `${formatPct(g.nps[key].share)} · ${countFormat.format(g.nps[key].count)} of ${countFormat.format(g.nps.n)}`),
  });
  return {
    labels: groups.map((g) => wrapLabel(g.label)),
    datasets: [
      part("detractors", "Detractors (0–6)", palette.detractor),
      part("passives", "Passives (7–8)", palette.passive),
      part("promoters", "Promoters (9–10)", palette.promoter),
    ],
    horizontal: true,
    stacked: true,
    unit: "percent",
    max: 100,
    legend: true,
  };
}

export type FunnelStep = { label: string; count: number; ofPrevious: number | null };

/** Clicks → views → starts → completes → qualified, summed over channels. */
export function funnelSteps(rows: readonly FunnelRow[]): FunnelStep[] {
  const sum = (key: "clicks" | "views" | "starts" | "completes" | "qualified") => rows.reduce((s, r) => s + r[key], 0);
  const steps: [string, number][] = [
    ["Link clicks", sum("clicks")],
    ["Page views", sum("views")],
    ["Started", sum("starts")],
    ["Completed", sum("completes")],
    ["Qualified", sum("qualified")],
  ];
  return steps.map(([label, count], i) => {
    const previous = i > 0 ? steps[i - 1]![1] : 0;
    return { label, count, ofPrevious: i > 0 && previous > 0 ? count / previous : null };
  });
}

export function funnelSpec(steps: readonly FunnelStep[], palette: Palette): BarSpec {
  return {
    labels: steps.map((s) => s.label),
    datasets: [
      {
        label: "People",
        data: steps.map((s) => s.count),
        color: palette.accent,
        notes: steps.map((s) => `${countFormat.format(s.count)}${s.ofPrevious === null ? "" : ` (${formatPct(s.ofPrevious)} of the step before)`}`),
      },
    ],
    horizontal: true,
    stacked: false,
    unit: "count",
    legend: false,
  };
}

/** Each day in [first, last] (ISO dates), with 0 for days without responses. */
export function fillDays(days: readonly { day: string; count: number }[], from?: string, to?: string): { day: string; count: number }[] {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const first = from ?? sorted[0]?.day;
  const last = to ?? sorted.at(-1)?.day;
  if (!first || !last || first > last) return sorted;
  const counts = new Map(sorted.map((d) => [d.day, d.count]));
  const out: { day: string; count: number }[] = [];
  const cursor = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  // A year of bars at most: a wider filter shows its days with responses only.
  for (let i = 0; cursor <= end && i < 366; i++) {
    const day = cursor.toISOString().slice(0, 10);
    out.push({ day, count: counts.get(day) ?? 0 });
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return cursor <= end ? sorted : out;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

export function overTimeSpec(days: readonly { day: string; count: number }[], palette: Palette): BarSpec {
  return {
    labels: days.map((d) => dayFormat.format(new Date(`${d.day}T00:00:00Z`))),
    datasets: [{ label: "Responses", data: days.map((d) => d.count), color: palette.accent, notes: days.map((d) => `${d.day}: ${countFormat.format(d.count)}`) }],
    horizontal: false,
    stacked: false,
    unit: "count",
    legend: false,
    valueTitle: "Responses per day",
  };
}

/** Segment sizes in each segment's own colour. */
export function segmentSpec(segments: readonly SegmentSize[], total: number, palette: Palette): BarSpec {
  return {
    labels: segments.map((s) => wrapLabel(s.name)),
    datasets: [
      {
        label: "Responses",
        data: segments.map((s) => s.count),
        color: segments.map((s) => s.color),
        border: segments.map((s) => edgeColor(s.color, palette)),
        notes: segments.map((s) => `${countFormat.format(s.count)}${total > 0 ? ` (${formatPct(s.count / total)} of responses)` : ""}`),
      },
    ],
    horizontal: true,
    stacked: false,
    unit: "count",
    legend: false,
  };
}
