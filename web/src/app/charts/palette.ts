// Chart colours. The app's tokens (app.css) give text, grid and surface; the series
// colours are picked to keep at least 3:1 contrast against the surface in each scheme
// (WCAG 1.4.11 for graphics) and to stay apart for common colour-vision deficiencies.
import { createSignal, onCleanup, type Accessor } from "solid-js";

export type Palette = {
  dark: boolean;
  text: string;
  muted: string;
  grid: string;
  surface: string;
  accent: string;
  errorBar: string;
  series: readonly string[];
  promoter: string;
  passive: string;
  detractor: string;
  /** Shades for ordered answers (matrix/Likert columns), light to strong. */
  scale: readonly string[];
};

const LIGHT_SERIES = ["#2f5bd3", "#c2410c", "#0f766e", "#a21caf", "#4d7c0f", "#6d28d9", "#0e7490", "#92400e", "#475569", "#be123c"];
const DARK_SERIES = ["#7d9cf5", "#fb923c", "#2dd4bf", "#e879f9", "#a3e635", "#a78bfa", "#22d3ee", "#fbbf24", "#94a3b8", "#fb7185"];

export const LIGHT: Palette = {
  dark: false,
  text: "#1c2230",
  muted: "#5b6475",
  grid: "#d9dde4",
  surface: "#ffffff",
  accent: "#2f5bd3",
  errorBar: "#1c2230",
  series: LIGHT_SERIES,
  promoter: "#1e7a46",
  passive: "#7a8499",
  detractor: "#b42318",
  scale: ["#6f8fe4", "#4a70d9", "#2f5bd3", "#1f3f99", "#13286a"],
};

export const DARK: Palette = {
  dark: true,
  text: "#e6e9ef",
  muted: "#a0a8b8",
  grid: "#2f3542",
  surface: "#1a1e26",
  accent: "#7d9cf5",
  errorBar: "#e6e9ef",
  series: DARK_SERIES,
  promoter: "#7fd1a0",
  passive: "#8a93a6",
  detractor: "#f28b82",
  scale: ["#4e68b3", "#6783d6", "#7d9cf5", "#a3b9f8", "#cbd7fb"],
};

/** The i-th series colour, or the given colour (a segment's own) when there is one. */
export function seriesColor(palette: Palette, index: number, own?: string): string {
  return own ?? palette.series[index % palette.series.length]!;
}

/** `count` shades for ordered categories, spread over the scale. */
export function scaleColors(palette: Palette, count: number): string[] {
  if (count <= 0) return [];
  const { scale } = palette;
  if (count === 1) return [scale[2]!];
  return Array.from({ length: count }, (_, i) => scale[Math.round((i * (scale.length - 1)) / (count - 1))]!);
}

/** A darker (light scheme) or lighter (dark scheme) edge for a colour, so pale segment colours keep an outline. */
export function edgeColor(hex: string, palette: Palette): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  const target = palette.dark ? 255 : 0;
  const mix = (h: string) => Math.round(parseInt(h, 16) * 0.65 + target * 0.35);
  return `#${[m[1]!, m[2]!, m[3]!].map((h) => mix(h).toString(16).padStart(2, "0")).join("")}`;
}

function prefersDark(): MediaQueryList | undefined {
  return typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : undefined;
}

/** The palette for the current colour scheme, following changes to it. */
export function createPalette(): Accessor<Palette> {
  const query = prefersDark();
  const [palette, setPalette] = createSignal<Palette>(query?.matches ? DARK : LIGHT);
  if (query) {
    const onChange = () => setPalette(query.matches ? DARK : LIGHT);
    query.addEventListener("change", onChange);
    onCleanup(() => query.removeEventListener("change", onChange));
  }
  return palette;
}
