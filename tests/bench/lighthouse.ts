/**
 * `tsx tests/bench/lighthouse.ts` (after `pnpm build`): Lighthouse's mobile preset (its
 * default: Moto G Power screen, simulated slow 4G, 4× CPU slowdown) against the
 * respondent page of a freshly published survey on the real server process, with
 * Debian's Chromium. Prints one table row; exits 1 below the targets
 * (performance ≥ 95, accessibility 100), listing what failed.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { repoRoot, removeDir, startServer, tempDataDir } from "../support/server-process.js";
import { apiClient, createApiToken, publishSurvey, threePageScreener } from "../support/survey-api.js";

const TARGETS = { performance: 95, accessibility: 100 };

if (!existsSync(join(repoRoot, "web", "dist", "respond.html"))) {
  console.error("web/dist is missing: run `pnpm build` first.");
  process.exit(1);
}

const dataDir = tempDataDir();
const env = { DATA_DIR: dataDir, SCRYPT_LOG_N: "14", LOG_LEVEL: "warn" };
const server = await startServer({ ...env, LOG_LEVEL: "info" });
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  const api = apiClient(server.url, createApiToken(env));
  const { slug } = await publishSurvey(api, threePageScreener());
  const url = `${server.url}/s/${slug}`;

  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const result = await lighthouse(url, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
    formFactor: "mobile",
  });
  if (!result) throw new Error("Lighthouse returned no result");
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => audits[id]?.displayValue ?? "n/a";
  const performance = score("performance");
  const accessibility = score("accessibility");
  console.log(
    `| lighthouse mobile, /s/:slug | performance ${performance} (≥ ${TARGETS.performance}) | accessibility ${accessibility} (${TARGETS.accessibility}) ` +
      `| FCP ${metric("first-contentful-paint")} | LCP ${metric("largest-contentful-paint")} | TBT ${metric("total-blocking-time")} ` +
      `| CLS ${metric("cumulative-layout-shift")} | Lighthouse ${result.lhr.lighthouseVersion} |`,
  );
  const failed = (category: string) =>
    (categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `  ${category}: ${ref.id} — ${audits[ref.id]?.title} (${audits[ref.id]?.displayValue ?? audits[ref.id]?.score})`);
  if (performance < TARGETS.performance || accessibility < TARGETS.accessibility) {
    console.error(["Below target:", ...failed("performance"), ...failed("accessibility")].join("\n"));
    process.exitCode = 1;
  }
} finally {
  await chrome?.kill();
  await server.stop();
  removeDir(dataDir);
}
