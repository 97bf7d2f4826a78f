import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot, watchPageErrors } from "../support/browser.js";
import { removeDir, startServer, tempDataDir, type ServerProcess } from "../support/server-process.js";

/**
 * Issue 2's acceptance path in a real browser against the real server process:
 * the printed setup link creates the owner, who signs out and in again, creates a
 * survey from a template, publishes it, and opens its respondent page on a phone.
 */
describe("first run in the browser", () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const email = "founder@example.com";
  const password = "a very good password";

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startServer({ DATA_DIR: dataDir, SCRYPT_LOG_N: "14" });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors = watchPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeDir(dataDir);
  });

  it("the setup link printed at first start creates the owner and the first workspace", async () => {
    expect(server.setupUrl).toMatch(/\/setup\/[A-Za-z0-9_-]{40,}$/);
    await page.goto(server.setupUrl!);
    await page.getByLabel("Your name").fill("Fran Founder");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByLabel("Workspace name").fill("Acme Research");
    await page.getByRole("button", { name: "Create account and workspace" }).click();
    await page.waitForURL(/\/app$/);
    await expect.poll(() => page.getByRole("heading", { name: "Surveys", exact: true }).isVisible()).toBe(true);
    await screenshot(page, "first-run-1-empty-survey-list");
  });

  it("the setup link works only once", async () => {
    const other = await browser.newPage();
    await other.goto(server.setupUrl!);
    await other.getByLabel("Your name").fill("Mallory");
    await other.getByLabel("Email").fill("mallory@example.com");
    await other.getByLabel("Password").fill("mallory's password");
    await other.getByLabel("Workspace name").fill("Takeover");
    await other.getByRole("button", { name: "Create account and workspace" }).click();
    await expect.poll(() => other.getByRole("alert").first().textContent()).toMatch(/already set up/i);
    await other.close();
  });

  it("signs out, refuses a wrong password, and signs in again", async () => {
    await page.locator("summary", { hasText: "account menu" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not my password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toMatch(/don.t match/i);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/app$/);
  });

  it("creates a survey from a template, publishes it, and lists it", async () => {
    await page.getByRole("button", { name: "Create your first survey" }).click();
    await page.getByRole("radio", { name: /Customers vs users/ }).check();
    await page.getByLabel("Title").fill("Who buys vs who uses our tool");
    await page.getByRole("button", { name: "Create survey" }).click();
    await page.waitForURL(/\/app\/surveys\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Who buys vs who uses our tool");
    await page.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => page.getByText(/Published version 1\. The survey is live\./).first().isVisible()).toBe(true);
    await screenshot(page, "first-run-2-published-survey");
    await page.getByRole("link", { name: "Surveys" }).first().click();
    await page.waitForURL(/\/app$/);
    await expect.poll(() => page.getByText("Who buys vs who uses our tool").first().isVisible()).toBe(true);
  });

  it("serves the published survey on the respondent page at phone width", async () => {
    const href = await page.evaluate(async () => {
      const res = await fetch("/api/surveys");
      const body = (await res.json()) as { surveys: { slug: string }[] };
      return `/s/${body.surveys[0]!.slug}`;
    });
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phoneErrors = watchPageErrors(phone);
    await phone.goto(server.url + href);
    await expect.poll(() => phone.getByRole("heading", { level: 1 }).first().textContent()).toBe("Who buys vs who uses our tool");
    await screenshot(phone, "first-run-3-respondent-page");
    expect(phoneErrors).toEqual([]);
    await phone.close();
  });

  it("ran without console errors or Content-Security-Policy violations", () => {
    expect(errors.filter((e) => !/401|Unauthorized|status of 4\d\d/.test(e))).toEqual([]);
  });
});
