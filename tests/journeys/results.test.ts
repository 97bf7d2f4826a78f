import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { seriousViolations } from "../support/axe.js";
import { launchBrowser, screenshot, watchPageErrors } from "../support/browser.js";
import { removeDir, runCli, startServer, tempDataDir, type ServerProcess } from "../support/server-process.js";

/**
 * Issue 5's results dashboard in a real browser against the real server process, on the
 * demo data (`sieve seed:demo`, 300 responses over four community links): charts render,
 * the split and filters live in the URL and change the numbers, the response table opens
 * a detail, the CSV export answers, a new response appears without a reload, and a
 * read-only link shows the results to someone signed out. No console errors, no CSP
 * violations, no serious axe findings.
 */
describe("results dashboard in the browser", () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const failed: string[] = [];
  let surveyId: string;
  let slug: string;
  let resultsUrl: string;
  const email = "riley@example.com";
  const password = "a very good password";

  beforeAll(async () => {
    dataDir = tempDataDir();
    const env = { DATA_DIR: dataDir, SCRYPT_LOG_N: "14" };
    const user = runCli(["user:create", "--email", email, "--password", password, "--name", "Riley Researcher", "--workspace", "Research"], env);
    if (user.status !== 0) throw new Error(`user:create failed: ${user.stderr}`);
    const seeded = runCli(["seed:demo", "--email", email, "--count", "300"], env);
    if (seeded.status !== 0) throw new Error(`seed:demo failed: ${seeded.stderr}`);
    server = await startServer(env);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    errors = watchPageErrors(page);
    // The browser's own request for /favicon.ico (which Sieve does not serve) logs a 404; nothing else may.
    page.on("console", (m) => {
      if (m.type() === "error" && new URL(m.location().url || "about:blank").pathname === "/favicon.ico") errors.splice(errors.indexOf(m.text()), 1);
    });
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeDir(dataDir);
  });

  const tile = (label: string) => page.locator(".tile", { has: page.locator(".tile-label", { hasText: new RegExp(`^${label}$`) }) }).locator(".tile-value");
  const tileNumber = async (label: string) => Number((await tile(label).textContent())!.replace(/\D/g, ""));
  const chartsDrawn = () => page.locator(".chart-figure .chart-box:not(.chart-loading) canvas").count();

  it("signs in and finds the demo survey in the demo workspace", async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/app$/);
    const found = await page.evaluate(async () => {
      const me = (await (await fetch("/api/auth/me")).json()) as { workspaces: { id: string; name: string }[] };
      const demo = me.workspaces.find((w) => w.name === "Sieve demo")!;
      await fetch("/api/auth/workspace", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ workspaceId: demo.id }) });
      const list = (await (await fetch("/api/surveys")).json()) as { surveys: { id: string; slug: string }[] };
      return list.surveys[0]!;
    });
    surveyId = found.id;
    slug = found.slug;
    resultsUrl = `${server.url}/app/surveys/${surveyId}/results`;
  });

  it("opens the dashboard and draws its charts", async () => {
    await page.goto(resultsUrl);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("work-management tools");
    await expect.poll(() => tileNumber("Complete")).toBeGreaterThan(100);
    // Funnel, over time, segments and one chart per choice question, each drawn by chart.js.
    await expect.poll(chartsDrawn, { timeout: 15_000 }).toBeGreaterThan(8);
    await expect.poll(() => page.getByRole("button", { name: "Download PNG" }).first().isEnabled()).toBe(true);
    expect(await page.getByRole("heading", { name: "Which community yields qualified people?" }).isVisible()).toBe(true);
    expect(await page.locator(".yield-table tbody tr").count()).toBeGreaterThanOrEqual(4);
    // Every chart has a text alternative: a label on the canvas and a table.
    const unlabelled = await page.locator(".chart-figure canvas:not([aria-label])").count();
    expect(unlabelled).toBe(0);
    await screenshot(page, "results-1-overview");
  });

  it("downloads a chart as PNG", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PNG" }).first().click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
  });

  it("splits by segment: grouped bars, a chi-square line per question, the split in the URL", async () => {
    await page.getByLabel("Split by").selectOption("segment");
    await page.waitForURL(/split=segment/);
    await expect.poll(() => page.locator(".split-legend").textContent()).toMatch(/Split by segment/);
    await expect.poll(() => page.locator(".stat-formula").first().textContent()).toMatch(/^χ²\(\d+\) = [\d.]+, p [<=] [\d.]+/);
    expect(await page.locator(".stat-line").count()).toBeGreaterThan(3);
    await expect.poll(chartsDrawn).toBeGreaterThan(8);
    await screenshot(page, "results-2-split-by-segment");
  });

  it("splits by channel, and the communities become the columns", async () => {
    await page.getByLabel("Split by").selectOption("channel");
    await page.waitForURL(/split=channel/);
    await expect.poll(() => page.locator(".split-legend").textContent()).toContain("r/SaaS");
  });

  it("filters to qualified responses: the URL and the numbers change", async () => {
    const before = await tileNumber("Complete");
    await page.locator("summary", { hasText: "Outcome" }).click();
    await page.getByRole("checkbox", { name: "Qualified", exact: true }).check();
    await page.waitForURL(/outcome=qualified/);
    await expect.poll(() => tileNumber("Complete")).toBeLessThan(before);
    expect(await tileNumber("Disqualified")).toBe(0);
    expect(page.url()).toMatch(/split=channel/);
    // A reload of the same address gives the same view.
    await page.reload();
    await expect.poll(() => page.getByRole("list", { name: "Active filters" }).textContent()).toContain("Outcome: Qualified");
    await expect.poll(() => tileNumber("Disqualified")).toBe(0);
  });

  it("lists the responses and opens one in the drawer", async () => {
    await page.getByRole("link", { name: /^Responses/ }).click();
    await page.waitForURL(/view=responses/);
    await expect.poll(() => page.locator(".responses-table tbody tr").count()).toBe(25);
    await expect.poll(() => page.getByText(/^Showing 1–25 of/).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Next" }).click();
    await page.waitForURL(/page=2/);
    await page.locator(".responses-table tbody tr").first().getByRole("button", { name: /View response/ }).click();
    const drawer = page.getByRole("dialog", { name: "Response" });
    await expect.poll(() => drawer.getByRole("heading", { name: "Answers" }).isVisible()).toBe(true);
    expect(await drawer.locator(".outcome").textContent()).toBe("Qualified");
    expect(await drawer.locator(".answer-list li").count()).toBeGreaterThan(3);
    await screenshot(page, "results-3-response-detail");
    await page.keyboard.press("Escape");
    await expect.poll(() => drawer.isVisible()).toBe(false);
  });

  it("offers the CSV export of the current view, which answers 200 text/csv", async () => {
    await page.locator("summary", { hasText: "Export" }).click();
    const href = await page.getByRole("link", { name: "CSV (spreadsheets)" }).getAttribute("href");
    expect(href).toMatch(new RegExp(`^/api/surveys/${surveyId}/export\\.csv\\?.*outcome=qualified`));
    const reply = await page.evaluate(async (url) => {
      const res = await fetch(url);
      const text = await res.text();
      return { status: res.status, type: res.headers.get("content-type"), lines: text.trim().split("\n").length };
    }, href!);
    expect(reply.status).toBe(200);
    expect(reply.type).toMatch(/^text\/csv/);
    expect(reply.lines).toBeGreaterThan(10);
    await page.keyboard.press("Escape");
  });

  it("shows a new response without a reload (live over SSE)", async () => {
    await page.goto(resultsUrl);
    await expect.poll(() => page.locator(".live-indicator").textContent()).toContain("Live");
    const before = await tileNumber("Dropped off");
    const reply = await fetch(`${server.url}/api/public/responses/${randomUUID()}`, {
      method: "PUT",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({
        survey: slug,
        answers: { "q-purchase-role": "opt-consulted", "q-usage-frequency": "opt-use-daily", "q-company-size": "opt-size-11-50", "q-works-for-vendor": "no" },
        complete: false,
        page: 0,
      }),
    });
    expect(reply.status, await reply.text()).toBe(200);
    const started = Date.now();
    await expect.poll(() => tileNumber("Dropped off"), { timeout: 5_000 }).toBe(before + 1);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("has no serious accessibility findings (axe-core)", async () => {
    const axeContext = await browser.newContext({ viewport: { width: 1360, height: 900 }, bypassCSP: true, storageState: await context.storageState() });
    const axePage = await axeContext.newPage();
    await axePage.goto(`${resultsUrl}?split=segment`);
    await expect.poll(() => axePage.locator(".chart-figure .chart-box:not(.chart-loading) canvas").count(), { timeout: 15_000 }).toBeGreaterThan(8);
    expect(await seriousViolations(axePage)).toEqual([]);
    await axePage.goto(`${resultsUrl}?view=responses`);
    await expect.poll(() => axePage.locator(".responses-table tbody tr").count()).toBe(25);
    expect(await seriousViolations(axePage)).toEqual([]);
    await axeContext.close();
  });

  let sharedUrl: string;

  it("creates a read-only link that works signed out, without free text", async () => {
    await page.getByRole("button", { name: "Share results" }).click();
    const dialog = page.getByRole("dialog", { name: "Share results (read-only)" });
    await dialog.getByRole("button", { name: "Create link" }).click();
    await expect.poll(() => dialog.getByLabel("New link").inputValue()).toMatch(/\/r\/[A-Za-z0-9_-]+/);
    sharedUrl = await dialog.getByLabel("New link").inputValue();
    await expect.poll(() => dialog.locator(".link-list li").count()).toBe(1);
    await dialog.getByRole("button", { name: "Close" }).click();

    const stranger = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const shared = await stranger.newPage();
    const sharedErrors = watchPageErrors(shared);
    await shared.goto(sharedUrl);
    await expect.poll(() => shared.getByRole("heading", { level: 1 }).textContent()).toContain("work-management tools");
    await expect.poll(() => shared.locator(".chart-figure .chart-box:not(.chart-loading) canvas").count(), { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await shared.getByText("Free-text questions are left out of this link.").isVisible()).toBe(true);
    expect(await shared.getByRole("link", { name: /^Responses/ }).count()).toBe(0);
    await shared.getByLabel("Split by").selectOption("segment");
    await shared.waitForURL(/split=segment/);
    await expect.poll(() => shared.locator(".stat-line").count()).toBeGreaterThan(3);
    await screenshot(shared, "results-4-shared-link");
    expect(sharedErrors).toEqual([]);
    await stranger.close();
  });

  it("revokes the link, which then stops working", async () => {
    await page.getByRole("button", { name: "Share results" }).click();
    const dialog = page.getByRole("dialog", { name: "Share results (read-only)" });
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expect.poll(() => dialog.getByText("No shared links yet.").isVisible()).toBe(true);
    await dialog.getByRole("button", { name: "Close" }).click();
    const stranger = await browser.newContext();
    const shared = await stranger.newPage();
    await shared.goto(sharedUrl);
    await expect.poll(() => shared.getByRole("heading", { level: 1 }).textContent()).toBe("This link does not work any more");
    await stranger.close();
  });

  it("ran without console errors or Content-Security-Policy violations", () => {
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });
});
