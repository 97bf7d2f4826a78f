/**
 * Link-preview cards (og:image) for shared survey links: 1200×630 PNGs that Reddit, Facebook,
 * LinkedIn and X show beside a link.
 *
 * Text never reaches an SVG text engine. opentype.js lays it out glyph by glyph (cmap, advance
 * widths, kerning; no shaping) from Inter, which ships as TTF inside an npm package, and each glyph
 * becomes path data: numbers only, so a title like `<script>` cannot inject markup, and no
 * system font is needed. resvg, compiled to WebAssembly, rasterizes the paths: no native binary
 * to match to the platform, and the same input gives the same bytes.
 *
 * Scripts Inter lacks (CJK, Arabic, Hebrew, emoji…) show as Inter's "missing glyph" box. RTL text
 * is drawn in logical order. Both are cosmetic; nothing here throws on any string (every glyph
 * Inter maps, and every kerning pair of them, was checked once to lay out without error).
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Resvg, initWasm } from "@resvg/resvg-wasm";
import type { Language } from "@sieve/core";
import opentype from "opentype.js";
import { ellipsize, wrapText } from "./wrap-text.js";

export interface SurveyCardInput {
  title: string;
  description?: string;
  estimatedMinutes: number;
  siteName?: string;
  language?: Language;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const PAD_X = 80;
const TEXT_WIDTH = CARD_WIDTH - 2 * PAD_X;
const COLORS = {
  background: "#F7F5F0",
  stripe: "#1F6F63",
  ink: "#141A24",
  muted: "#4A5362",
  faint: "#6B7280",
  accent: "#1F6F63",
  accentSoft: "#DDEBE7",
  rule: "#E2DED5",
} as const;

interface TitleStep {
  size: number;
  maxLines: number;
}
/** A short title gets big type; a longer one shrinks before it is cut. */
const LAST_TITLE_STEP: TitleStep = { size: 60, maxLines: 3 };
const TITLE_STEPS: TitleStep[] = [{ size: 76, maxLines: 2 }, { size: 68, maxLines: 3 }, LAST_TITLE_STEP];
const DESCRIPTION_SIZE = 32;
const DESCRIPTION_MAX_LINES = 2;
// Caps keep layout work bounded; three lines of title never hold more than ~220 characters.
const MAX_TITLE_CHARS = 300;
const MAX_DESCRIPTION_CHARS = 300;
const MAX_SITE_NAME_CHARS = 80;

const LENGTH_LABELS: Record<Language, (minutes: number) => string> = {
  // "An 8-minute", "an 11-minute", "an 18-minute": the article follows the spoken number.
  en: (n) => `${/^8|^1[18]$/.test(String(n)) ? "An" : "A"} ${n}-minute survey`,
  de: (n) => `Eine ${n}-minütige Umfrage`,
  fr: (n) => `Un sondage de ${n} minute${n > 1 ? "s" : ""}`,
  es: (n) => `Una encuesta de ${n} minuto${n === 1 ? "" : "s"}`,
};

/** The card's length line, e.g. `surveyLengthLabel(3, "de")` → "Eine 3-minütige Umfrage". */
export function surveyLengthLabel(estimatedMinutes: number, language: Language = "en"): string {
  const minutes = Number.isFinite(estimatedMinutes) ? Math.min(999, Math.max(1, Math.round(estimatedMinutes))) : 1;
  return LENGTH_LABELS[language](minutes);
}

/**
 * Renders the preview card for a survey as PNG bytes. Example:
 * `await renderSurveyCard({ title: "Which note app do you use?", estimatedMinutes: 3 })`.
 * The first call loads three fonts and compiles the WebAssembly renderer (~0.5–1 s); later ones
 * take ~35–45 ms of synchronous work, so serve cards through a cache (card-cache.ts).
 */
export async function renderSurveyCard(input: SurveyCardInput): Promise<Buffer> {
  const assets = await loadAssets();
  return rasterize(cardSvg(input, assets.fonts));
}

// ---------------------------------------------------------------------------------------------
// Layout

interface CardFonts {
  regular: CardFont;
  semiBold: CardFont;
  bold: CardFont;
}

function cardSvg(input: SurveyCardInput, fonts: CardFonts): string {
  const title = cleanText(input.title, MAX_TITLE_CHARS);
  const description = cleanText(input.description ?? "", MAX_DESCRIPTION_CHARS);
  const siteName = cleanText(input.siteName ?? "", MAX_SITE_NAME_CHARS);
  const footerBaseline = CARD_HEIGHT - 56;
  const ruleY = footerBaseline - 58;
  const parts: string[] = [
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${COLORS.background}"/>`,
    `<rect width="14" height="${CARD_HEIGHT}" fill="${COLORS.stripe}"/>`,
  ];

  // Length pill.
  const label = surveyLengthLabel(input.estimatedMinutes, input.language);
  const labelWidth = fonts.semiBold.measure(label, 28);
  parts.push(
    `<rect x="${PAD_X}" y="60" width="${round(labelWidth + 40, 2)}" height="52" rx="26" fill="${COLORS.accentSoft}"/>`,
    fonts.semiBold.draw(label, PAD_X + 20, 96, 28, COLORS.accent),
  );

  // Title: the first step it fits without a cut; failing all, the last step, cut with "…".
  let y = 150;
  const fit = (step: TitleStep) => wrapText(title, TEXT_WIDTH, step.maxLines, (s) => fonts.bold.measure(s, step.size));
  const step = TITLE_STEPS.find((candidate) => !fit(candidate).truncated) ?? LAST_TITLE_STEP;
  const leading = Math.round(step.size * 1.16);
  for (const line of fit(step).lines) {
    parts.push(fonts.bold.draw(line, PAD_X, y + Math.round(step.size * 0.92), step.size, COLORS.ink));
    y += leading;
  }

  // Description: up to two lines, fewer if the title left less room above the footer rule.
  if (description !== "") {
    y += 20;
    const leading = Math.round(DESCRIPTION_SIZE * 1.4);
    const room = Math.floor((ruleY - 12 - y) / leading);
    const maxLines = Math.min(DESCRIPTION_MAX_LINES, room);
    if (maxLines > 0) {
      const lines = wrapText(description, TEXT_WIDTH, maxLines, (s) => fonts.regular.measure(s, DESCRIPTION_SIZE)).lines;
      for (const line of lines) {
        parts.push(fonts.regular.draw(line, PAD_X, y + Math.round(DESCRIPTION_SIZE * 1.05), DESCRIPTION_SIZE, COLORS.muted));
        y += leading;
      }
    }
  }

  // Footer: brand mark left, site name right.
  parts.push(`<rect x="${PAD_X}" y="${ruleY}" width="${TEXT_WIDTH}" height="2" fill="${COLORS.rule}"/>`);
  parts.push(brandMark(PAD_X, footerBaseline - 31));
  parts.push(fonts.semiBold.draw("Sieve", PAD_X + 56, footerBaseline, 30, COLORS.ink));
  if (siteName !== "") {
    const measureSite = (s: string) => fonts.regular.measure(s, 26);
    const maxWidth = TEXT_WIDTH - 260;
    const fitted = measureSite(siteName) <= maxWidth ? siteName : ellipsize(siteName, maxWidth, measureSite);
    parts.push(fonts.regular.draw(fitted, PAD_X + TEXT_WIDTH - measureSite(fitted), footerBaseline, 26, COLORS.faint));
  }

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">${parts.join("")}</svg>`;
}

/** A 40×40 rounded tile holding three rows of dots narrowing like grains through a sieve. */
function brandMark(x: number, top: number): string {
  const dots: string[] = [];
  const rows = [3, 2, 1];
  rows.forEach((count, row) => {
    for (let i = 0; i < count; i++) {
      const cx = x + 20 + (i - (count - 1) / 2) * 10;
      dots.push(`<circle cx="${cx}" cy="${top + 10 + row * 10}" r="3.2" fill="#FFFFFF"/>`);
    }
  });
  return `<rect x="${x}" y="${top}" width="40" height="40" rx="10" fill="${COLORS.accent}"/>${dots.join("")}`;
}

/**
 * Makes arbitrary user text safe and single-line: NFC (so "e" + U+0301 uses Inter's "é"), lone
 * surrogates to U+FFFD, invisible format characters (bidi overrides, zero-width joiners, variation
 * selectors) dropped so they do not draw as boxes, whitespace and controls collapsed to one space,
 * and a cap on length, marked with "…".
 */
function cleanText(raw: string, maxChars: number): string {
  const text = raw
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .normalize("NFC")
    .replace(/[\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu, "")
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim();
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars).join("").trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------
// Glyphs

/** Measures and draws single lines in one font. */
interface CardFont {
  measure(text: string, fontSize: number): number;
  /** A `<g>` of glyph outlines with the baseline starting at (x, baseline); "" for no glyphs. */
  draw(text: string, x: number, baseline: number, fontSize: number, fill: string): string;
}

/**
 * Code points go through the font's cmap (missing → glyph 0, the box) with pair kerning; no GSUB,
 * whose unsupported lookups make opentype.js throw. Outlines are kept per glyph in font units
 * (bounded by the font's glyph count) and placed with a transform, since converting an outline
 * to path data costs far more than anything else here.
 */
function cardFont(font: opentype.Font): CardFont {
  const outlines = new Map<number, string>();
  const outline = (glyph: opentype.Glyph): string => {
    let d = outlines.get(glyph.index);
    if (d === undefined) {
      d = glyph.path.toPathData(0); // TrueType coordinates are integers: nothing lost.
      outlines.set(glyph.index, d);
    }
    return d;
  };
  const layout = (text: string, fontSize: number, visit: (glyph: opentype.Glyph, x: number) => void): number => {
    const scale = fontSize / font.unitsPerEm;
    let x = 0;
    let previous: number | undefined;
    for (const char of text) {
      const glyph = font.charToGlyph(char);
      if (previous !== undefined) x += font.getKerningValue(previous, glyph.index) * scale;
      visit(glyph, x);
      x += (glyph.advanceWidth ?? 0) * scale;
      previous = glyph.index;
    }
    return x;
  };
  return {
    measure: (text, fontSize) => layout(text, fontSize, () => {}),
    draw(text, x, baseline, fontSize, fill) {
      const scale = round(fontSize / font.unitsPerEm, 6);
      const paths: string[] = [];
      layout(text, fontSize, (glyph, dx) => {
        const d = outline(glyph);
        // Font outlines are y-up; flip them onto the baseline.
        if (d !== "") paths.push(`<path transform="matrix(${scale} 0 0 ${-scale} ${round(x + dx, 2)} ${baseline})" d="${d}"/>`);
      });
      return paths.length === 0 ? "" : `<g fill="${fill}">${paths.join("")}</g>`;
    },
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

// ---------------------------------------------------------------------------------------------
// Assets and rasterizing

interface CardAssets {
  fonts: CardFonts;
}

let assetsPromise: Promise<CardAssets> | undefined;

/** Loaded on first use, once per process; a failed load is retried on the next call. */
function loadAssets(): Promise<CardAssets> {
  assetsPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const font = async (path: string) => {
      const bytes = await readFile(require.resolve(`@expo-google-fonts/inter/${path}`));
      return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    };
    const [regular, semiBold, bold] = await Promise.all([
      font("400Regular/Inter_400Regular.ttf"),
      font("600SemiBold/Inter_600SemiBold.ttf"),
      font("700Bold/Inter_700Bold.ttf"),
      initResvg(await readFile(require.resolve("@resvg/resvg-wasm/index_bg.wasm"))),
    ]);
    return { fonts: { regular: cardFont(regular), semiBold: cardFont(semiBold), bold: cardFont(bold) } };
  })();
  assetsPromise.catch(() => {
    assetsPromise = undefined;
  });
  return assetsPromise;
}

async function initResvg(wasm: Buffer): Promise<void> {
  try {
    await initWasm(wasm);
  } catch (error) {
    // resvg-wasm keeps its instance in module state and refuses a second init. Another copy of
    // this module (a test runner's per-file module graph) may have done it: that is success.
    if (!(error instanceof Error && error.message.startsWith("Already initialized"))) throw error;
  }
}

function rasterize(svg: string): Buffer {
  // wasm-bindgen objects hold WebAssembly memory until freed; free them now rather than at GC.
  const resvg = new Resvg(svg, { fitTo: { mode: "original" } });
  try {
    const image = resvg.render();
    try {
      const png = image.asPng();
      return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
