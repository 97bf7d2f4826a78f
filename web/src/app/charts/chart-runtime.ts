// The only module that imports chart.js, and only the pieces the dashboard uses (bar
// charts on category/linear scales, legend, tooltip), so the bundle stays small. It is
// loaded with a dynamic import() from chart-figure.tsx, so chart.js never reaches the
// app's entry chunk or the respondent page.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from "chart.js";
import { formatValue, type BarSpec } from "./bar-spec";
import { canvasBackgroundPlugin, errorBarsPlugin } from "./error-bars";
import type { Palette } from "./palette";

let registered = false;

function register(fontFamily: string) {
  if (registered) return;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
  Chart.defaults.font.family = fontFamily;
  Chart.defaults.font.size = 12;
  registered = true;
}

/** The chart.js configuration for a spec in a palette. */
export function toChartConfig(spec: BarSpec, palette: Palette, reduceMotion: boolean): ChartConfiguration<"bar"> {
  const valueAxis = spec.horizontal ? "x" : "y";
  const categoryAxis = spec.horizontal ? "y" : "x";
  const format = (value: number | string) => formatValue(Number(value), spec.unit);
  return {
    type: "bar",
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((d) => ({
        label: d.label,
        data: d.data,
        backgroundColor: d.color,
        borderColor: d.border ?? d.color,
        borderWidth: d.border ? 1 : 0,
        maxBarThickness: 28,
        ...(spec.stacked ? { categoryPercentage: 0.7, barPercentage: 1 } : { categoryPercentage: 0.8, barPercentage: 0.9 }),
      })),
    },
    options: {
      indexAxis: spec.horizontal ? "y" : "x",
      responsive: true,
      maintainAspectRatio: false,
      animation: reduceMotion ? false : { duration: 250 },
      layout: { padding: { right: 12 } },
      scales: {
        [valueAxis]: {
          stacked: spec.stacked,
          beginAtZero: true,
          ...(spec.max !== undefined ? { max: spec.max } : {}),
          ...(spec.unit === "count" ? { ticks: { precision: 0, color: palette.muted, callback: format } } : { ticks: { color: palette.muted, callback: format } }),
          grid: { color: palette.grid },
          border: { display: false },
          title: { display: Boolean(spec.valueTitle), text: spec.valueTitle ?? "", color: palette.muted },
        },
        [categoryAxis]: {
          stacked: spec.stacked,
          ticks: { color: palette.text, autoSkip: !spec.horizontal, maxRotation: 0 },
          grid: { display: false },
          border: { color: palette.grid },
          title: { display: Boolean(spec.categoryTitle), text: spec.categoryTitle ?? "", color: palette.muted },
        },
      },
      plugins: {
        legend: { display: spec.legend, position: "bottom", labels: { color: palette.text, boxWidth: 12, boxHeight: 12 } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const note = spec.datasets[item.datasetIndex]?.notes?.[item.dataIndex];
              return `${item.dataset.label ?? ""}: ${note ?? format(item.parsed[valueAxis] ?? 0)}`;
            },
          },
        },
        errorBars: { intervals: spec.datasets.map((d) => d.errorBars), color: palette.errorBar },
        canvasBackground: { color: palette.surface },
      },
    },
    plugins: [errorBarsPlugin, canvasBackgroundPlugin],
  };
}

export type ChartHandle = {
  update(spec: BarSpec, palette: Palette): void;
  /** The chart as a PNG data URL. */
  toPng(): string;
  destroy(): void;
};

export function createChart(canvas: HTMLCanvasElement, spec: BarSpec, palette: Palette, reduceMotion: boolean): ChartHandle {
  register(getComputedStyle(canvas).fontFamily || "system-ui, sans-serif");
  const chart = new Chart(canvas, toChartConfig(spec, palette, reduceMotion));
  return {
    update(next, nextPalette) {
      const config = toChartConfig(next, nextPalette, reduceMotion);
      chart.data = config.data;
      chart.options = config.options ?? {};
      chart.update();
    },
    toPng: () => chart.toBase64Image("image/png", 1),
    destroy: () => chart.destroy(),
  };
}
