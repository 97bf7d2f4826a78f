import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, screenshot, watchPageErrors } from "../support/browser.js";
import { removeDir, startServer, tempDataDir, type ServerProcess } from "../support/server-process.js";
import { apiClient, createApiToken, publishSurvey, threePageScreener } from "../support/survey-api.js";

/**
 * Issue 4's respondent side in a real browser against the real server process: a phone
 * user arrives through a tracked link and completes a three-page screener by keyboard
 * alone, losing the network half-way, reloading, and submitting while offline. Every
 * answer must reach the database, and the thank-you screen must wait for the server.
 */
describe("the respondent page", () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let slug: string;
  let oncePerPersonSlug: string;
  const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

  beforeAll(async () => {
    dataDir = tempDataDir();
    const env = { DATA_DIR: dataDir, SCRYPT_LOG_N: "14" };
    const token = createApiToken(env);
    server = await startServer(env);
    const api = apiClient(server.url, token);
    const survey = await publishSurvey(api, threePageScreener());
    slug = survey.slug;
    const base = threePageScreener("Only once, please");
    oncePerPersonSlug = (await publishSurvey(api, { ...base, settings: { ...base.settings, onePerPerson: true } })).slug;
    const channel = await api("POST", `/api/surveys/${survey.id}/channels`, { name: "r/productivity", kind: "reddit", code: "r-notes" });
    expect(channel.status).toBe(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeDir(dataDir);
  });

  /** The database as the server left it, read-only (the server keeps running). */
  function query<T>(sql: string, ...params: unknown[]): T[] {
    const db = new SQLite(join(dataDir, "sieve.db"), { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const answersOf = (responseId: string) =>
    query<{ question_id: string; option_id: string | null; value_text: string | null; value_number: number | null }>(
      "select question_id, option_id, value_text, value_number from answers where response_id = ? order by question_id, option_id",
      responseId,
    );

  /** What a keyboard user is looking for: a button by its text, a control by its label text or id. */
  type Target = { button: string } | { label: string } | { id: string };
  /** Presses Tab until the focused element is the target, like a keyboard user moving through the page. */
  async function tabTo(page: Page, target: Target) {
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      const hit = await page.evaluate((t) => {
        const el = document.activeElement;
        if (!el) return false;
        if ("button" in t) return el.tagName === "BUTTON" && (el.textContent ?? "").trim() === t.button;
        if ("label" in t) return (el.closest("label")?.textContent ?? "").includes(t.label);
        return el.id === t.id;
      }, target);
      if (hit) return;
    }
    throw new Error(`Tab never reached ${JSON.stringify(target)}`);
  }
  const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");
  const status = (page: Page) => page.locator(".save-status").textContent();
  const stored = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}"), `sieve:response:${slug}`);

  it("is completed by keyboard alone at 390×844, through a lost connection and a reload, and every answer arrives", async () => {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    // A tracked link from Reddit: the redirect keeps the UTM parameters.
    await page.goto(`${server.url}/c/r-notes?utm_source=reddit&utm_campaign=spring`);
    await page.waitForURL(/\/s\/[^/?]+\?c=r-notes/);
    await expect.poll(() => page.getByRole("heading", { level: 2 }).textContent()).toBe("Your role");

    // Page 1. Next without answering: the problem is announced and focus goes to it.
    await tabTo(page, { button: "Next" });
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("Please check 1 answer on this page.");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toMatch(/^q-role-input$/);
    await page.keyboard.press("Space"); // the focused first radio: "I do"
    await tabTo(page, { label: "Notion" });
    await page.keyboard.press("Space");
    await tabTo(page, { label: "OneNote" });
    await page.keyboard.press("Space");
    await tabTo(page, { button: "Next" });
    await page.keyboard.press("Enter");

    // Page 2: focus moves to its heading; the first page reached the server.
    await expect.poll(() => focusedText(page)).toBe("Your habits");
    await expect.poll(() => status(page), { timeout: 5_000 }).toBe("Answers saved");
    const responseId = (await stored(page)).responseId as string;
    expect(answersOf(responseId).map((a) => a.question_id)).toEqual(["role", "tools", "tools"]);

    // The connection drops. Page 2 is filled and submitted anyway.
    await context.setOffline(true);
    await tabTo(page, { label: "1" });
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight"); // 1 → 4
    await tabTo(page, { id: "q-why-input" });
    await page.keyboard.type("Offline sync that never loses a note");
    await tabTo(page, { button: "Next" });
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedText(page)).toBe("Stay in touch");
    await expect.poll(() => status(page)).toMatch(/^You’re offline — your answers are saved on this device/);
    await screenshot(page, "respondent-0-offline-status");
    await tabTo(page, { id: "q-email-input" });
    await page.keyboard.type("ada@example.com");
    expect(answersOf(responseId).map((a) => a.question_id)).toEqual(["role", "tools", "tools"]); // page 2 is only on the device

    // Back online, but saves still fail (the reload must not depend on them), and the page reloads.
    // Reloading while offline is not possible: respond.html is served with no-cache and there is
    // no service worker, so Chromium shows its offline page instead.
    await page.route("**/api/public/responses/**", (route) => route.abort("internetdisconnected"));
    await context.setOffline(false);
    await page.reload();
    await expect.poll(() => page.getByRole("heading", { level: 2 }).textContent()).toBe("Stay in touch");
    expect(await page.getByLabel(/Your email/).inputValue()).toBe("ada@example.com");
    expect((await stored(page)).pending).toMatchObject({ complete: false });
    await page.unroute("**/api/public/responses/**");
    // The queued page-2 save is retried with backoff and arrives.
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe("Answers saved");
    expect((await stored(page)).pending).toBeNull();
    expect(answersOf(responseId).map((a) => a.question_id)).toEqual(["happy", "role", "tools", "tools", "why"]);

    // Offline again for the final submit: no thank-you until the server has confirmed.
    await context.setOffline(true);
    await tabTo(page, { id: "q-email-input" });
    await tabTo(page, { label: "I agree" });
    await page.keyboard.press("Space");
    await tabTo(page, { button: "Submit" });
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Your answers haven’t been sent yet");
    expect(await page.getByRole("status").textContent()).toBe(
      "You’re offline — your answers are saved on this device and will be sent when you’re back online.",
    );
    await screenshot(page, "respondent-1-offline-submit");
    expect(query("select status from responses where id = ?", responseId)).toEqual([{ status: "partial" }]);

    await context.setOffline(false); // the `online` event sends it at once
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 5_000 }).toBe("Thank you!");
    await screenshot(page, "respondent-2-thank-you");

    const [response] = query<{ status: string; outcome: string; channel_code: string; meta: string; flags: string }>(
      `select r.status, r.outcome, c.code as channel_code, r.meta, r.flags
         from responses r left join channels c on c.id = r.channel_id where r.id = ?`,
      responseId,
    );
    expect(response).toMatchObject({ status: "complete", outcome: "qualified", channel_code: "r-notes" });
    expect(JSON.parse(response!.meta)).toMatchObject({ utm_source: "reddit", utm_campaign: "spring", language: "en-US" });
    expect(JSON.parse(response!.flags)).not.toContain("honeypot");
    expect(answersOf(responseId)).toEqual([
      { question_id: "email", option_id: null, value_text: "ada@example.com", value_number: null },
      { question_id: "happy", option_id: null, value_text: null, value_number: 4 },
      { question_id: "ok", option_id: null, value_text: null, value_number: 1 },
      { question_id: "role", option_id: "me", value_text: null, value_number: null },
      { question_id: "tools", option_id: "notion", value_text: null, value_number: null },
      { question_id: "tools", option_id: "onenote", value_text: null, value_number: null },
      { question_id: "why", option_id: null, value_text: "Offline sync that never loses a note", value_number: null },
    ]);

    // Once complete, only the id and the ending stay on the device; a reload shows the end screen.
    expect(await stored(page)).toEqual({ responseId, end: "qualified" });
    await page.reload();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Thank you!");
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });

  it("has no axe-core violations: first page, a page with errors, and the end screen", async () => {
    // The page's CSP forbids inline scripts; this context may inject axe-core's source.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    const audit = async (name: string) => {
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
        return (await axe.run(document)).violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }));
      });
      expect({ name, violations: result }).toEqual({ name, violations: [] });
    };
    await page.goto(`${server.url}/s/${slug}`);
    await expect.poll(() => page.getByRole("heading", { level: 2 }).textContent()).toBe("Your role");
    await audit("first page");
    await page.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("Please check 1 answer on this page.");
    await audit("page with an error");
    await page.getByLabel("We don't use one").check();
    await page.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Thank you for your time");
    await audit("screened out early");
    await context.close();
  });

  it("tells someone who has already taken part (one response per person)", async () => {
    const first = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await first.newPage();
    await page.goto(`${server.url}/s/${oncePerPersonSlug}`);
    await page.getByLabel("I do").check();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("radio", { name: "4" }).check();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel(/Your email/).fill("grace@example.com");
    await page.getByLabel("I agree").check();
    await page.getByRole("button", { name: "Submit" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Thank you!");
    await first.close();

    // Another browser profile on the same device and network: the server recognises the person.
    const second = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const again = await second.newPage();
    await again.goto(`${server.url}/s/${oncePerPersonSlug}`);
    await expect.poll(() => again.getByRole("heading", { level: 1 }).textContent()).toBe("You’ve already taken part");
    await screenshot(again, "respondent-3-already-taken-part");
    await second.close();
  });

  it("tells a bot that fills the honeypot nothing, and flags its response", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${slug}`);
    await expect.poll(() => page.getByRole("heading", { level: 2 }).textContent()).toBe("Your role");
    const honeypot = page.locator('input[name="website"]');
    expect(await honeypot.getAttribute("tabindex")).toBe("-1");
    expect(await honeypot.evaluate((el) => el.closest("[aria-hidden=true]") !== null && el.getBoundingClientRect().right <= 0)).toBe(true);
    await honeypot.fill("https://cheap-pills.example", { force: true });
    await page.getByLabel("I do").check();
    await page.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 2 }).textContent()).toBe("Your habits");
    const id = (await stored(page)).responseId as string;
    expect(query<{ flags: string }>("select flags from responses where id = ?", id).map((r) => JSON.parse(r.flags))).toEqual([["honeypot"]]);
    await context.close();
  });
});
