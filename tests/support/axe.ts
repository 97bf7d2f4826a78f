/**
 * axe-core in a real page. The app's Content-Security-Policy forbids inline scripts,
 * so the page must come from a browser context created with `bypassCSP: true`; the
 * script goes into every frame (the builder's preview is a same-origin iframe).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: string[] };

/** Serious and critical violations on the page as it is now (empty when clean). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  for (const frame of page.frames()) {
    const loaded = await frame.evaluate(() => "axe" in window).catch(() => true);
    if (!loaded) await frame.addScriptTag({ content: axeSource });
  }
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
