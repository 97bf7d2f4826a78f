import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { screenerInput } from "@sieve/server/testing";
import { launchBrowser, screenshot, watchPageErrors } from "../support/browser.js";
import { seriousViolations } from "../support/axe.js";
import { removeDir, startServer, tempDataDir, type ServerProcess } from "../support/server-process.js";
import { apiClient, createApiToken, publishSurvey, type Api } from "../support/survey-api.js";

/**
 * The respondent's side of an interview: a qualified respondent opens their booking link in
 * another time zone than the researcher's, sees the offered time on their own clock, books it,
 * and the researcher's pipeline shows the booking.
 */
describe("booking an interview in the browser", () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: Api;
  let surveyId: string;
  let link: string;
  let slotStartsAt: string;

  beforeAll(async () => {
    dataDir = tempDataDir();
    const env = { DATA_DIR: dataDir, SCRYPT_LOG_N: "14" };
    const token = createApiToken(env);
    server = await startServer(env);
    api = apiClient(server.url, token);
    const survey = await publishSurvey(api, screenerInput("Note-taking interviews"));
    surveyId = survey.id;
    const put = await fetch(`${server.url}/api/public/responses/${randomUUID()}`, {
      method: "PUT",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ survey: survey.slug, answers: { role: "me", tools: ["notion"], why: "Speed", email: "ada@example.com" }, complete: true }),
    });
    expect(await put.json()).toMatchObject({ end: "qualified" });
    const respondents = await api<{ respondents: { id: string }[] }>("GET", `/api/surveys/${surveyId}/respondents`);
    const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const slots = await api<{ slots: { startsAt: string }[] }>("POST", "/api/slots", {
      kind: "single",
      date,
      time: "15:00",
      timeZone: "Europe/Berlin",
      durationMinutes: 30,
      surveyId,
      meetingUrl: "https://meet.example.com/sieve-ada",
    });
    expect(slots.status).toBe(201);
    slotStartsAt = slots.body.slots[0]!.startsAt;
    const invited = await api<{ invitations: { link: string }[] }>("POST", `/api/surveys/${surveyId}/invitations`, {
      respondentIds: [respondents.body.respondents[0]!.id],
      send: false,
    });
    expect(invited.status).toBe(201);
    link = invited.body.invitations[0]!.link;
    browser = await launchBrowser();
    // The respondent is in New York; the researcher offered 15:00 Berlin time. bypassCSP only lets axe be injected.
    context = await browser.newContext({ timezoneId: "America/New_York", locale: "en-US", viewport: { width: 390, height: 844 }, bypassCSP: true });
    page = await context.newPage();
    errors = watchPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeDir(dataDir);
  });

  it("shows the offered time on the respondent's own clock and books it", async () => {
    await page.goto(link);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/find a time/);
    const newYork = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric", minute: "2-digit" }).format(new Date(slotStartsAt));
    expect(await page.getByLabel("Times are shown in").inputValue()).toBe("America/New_York");
    const time = page.getByRole("button", { name: new RegExp(`^${newYork}`) });
    await expect.poll(() => time.isVisible()).toBe(true);
    await screenshot(page, "booking-1-pick-a-time");
    await time.click();
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/You're booked/);
    await expect.poll(() => page.getByRole("link", { name: "Join the call" }).getAttribute("href")).toBe("https://meet.example.com/sieve-ada");
    await screenshot(page, "booking-2-booked");
  });

  it("shows the booking in the researcher's pipeline", async () => {
    const pipeline = await api<{ invitations: { status: string }[] }>("GET", `/api/surveys/${surveyId}/invitations`);
    expect(pipeline.body.invitations.map((i) => i.status)).toEqual(["booked"]);
  });

  it("has no serious accessibility findings and ran without console errors", async () => {
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("cancels, and the link can book again", async () => {
    await page.getByRole("button", { name: "Cancel the interview" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/cancelled/);
    const pipeline = await api<{ invitations: { status: string }[] }>("GET", `/api/surveys/${surveyId}/invitations`);
    expect(pipeline.body.invitations.map((i) => i.status)).toEqual(["cancelled"]);
    await expect.poll(() => page.getByRole("heading", { name: "Pick a time that suits you" }).isVisible()).toBe(true);
  });
});
