// A tiny chart.js plugin that draws a 95% interval as an error bar on each bar: a line
// from the lower to the upper bound along the value axis, with a cap at each end.
// The intervals ride on the plugin options ({ errorBars: { intervals: [dataset][bar] } }),
// so datasets stay plain chart.js datasets.
import type { Chart, ChartType, Plugin } from "chart.js";

export type ErrorBarOptions = {
  /** Per dataset, per bar: [lower, upper] in data units, or null for no bar. */
  intervals: (([number, number] | null)[] | undefined)[];
  color: string;
  lineWidth?: number;
};

declare module "chart.js" {
  interface PluginOptionsByType<TType extends ChartType> {
    errorBars?: ErrorBarOptions;
    canvasBackground?: { color: string };
  }
}

export type Segment = [x1: number, y1: number, x2: number, y2: number];

/**
 * The three strokes of one error bar, in canvas pixels. `center` is the bar's middle
 * across the value axis, `from`/`to` the pixel positions of the bounds, `cap` the
 * half-width of the end caps.
 */
export function errorBarSegments(horizontal: boolean, center: number, from: number, to: number, cap: number): Segment[] {
  return horizontal
    ? [
        [from, center, to, center],
        [from, center - cap, from, center + cap],
        [to, center - cap, to, center + cap],
      ]
    : [
        [center, from, center, to],
        [center - cap, from, center + cap, from],
        [center - cap, to, center + cap, to],
      ];
}

/** Half-width of the caps for a bar `thickness` pixels thick. */
export function capSize(thickness: number): number {
  return Math.max(2, Math.min(6, thickness * 0.3));
}

type BarLike = { x: number; y: number; width?: number; height?: number };

export const errorBarsPlugin: Plugin<"bar"> = {
  id: "errorBars",
  afterDatasetsDraw(chart: Chart<"bar">) {
    const options = chart.options.plugins?.errorBars;
    if (!options?.intervals || !options.color) return;
    const horizontal = chart.options.indexAxis === "y";
    const scale = horizontal ? chart.scales.x : chart.scales.y;
    if (!scale) return;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.lineWidth = options.lineWidth ?? 1.5;
    ctx.lineCap = "butt";
    options.intervals.forEach((bars, datasetIndex) => {
      if (!bars || !chart.isDatasetVisible(datasetIndex)) return;
      const meta = chart.getDatasetMeta(datasetIndex);
      meta.data.forEach((element, i) => {
        const [lower, upper] = bars[i] ?? [];
        if (lower === undefined || upper === undefined) return;
        const bar = element.getProps(["x", "y", "width", "height"], true) as BarLike;
        const thickness = (horizontal ? bar.height : bar.width) ?? 10;
        const segments = errorBarSegments(
          horizontal,
          horizontal ? bar.y : bar.x,
          scale.getPixelForValue(lower),
          scale.getPixelForValue(upper),
          capSize(thickness),
        );
        ctx.beginPath();
        for (const [x1, y1, x2, y2] of segments) {
          ctx.moveTo(x1, y1);
          ctx.lineTo(x2, y2);
        }
        ctx.stroke();
      });
    });
    ctx.restore();
  },
};

/** Paints the surface colour behind the chart, so a downloaded PNG is not transparent. */
export const canvasBackgroundPlugin: Plugin<"bar"> = {
  id: "canvasBackground",
  beforeDraw(chart: Chart<"bar">) {
    const color = chart.options.plugins?.canvasBackground?.color;
    if (!color) return;
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = "destination-over";
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};
