import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { screenerInput, startTestSmtpServer, type TestSmtpServer } from "@sieve/server/testing";
import { launchBrowser, screenshot, watchPageErrors } from "../support/browser.js";
import { removeDir, startServer, tempDataDir, type ServerProcess } from "../support/server-process.js";
import { apiClient, createApiToken, publishSurvey, type Api } from "../support/survey-api.js";

/**
 * Issue 6's path end to end with real email: the researcher invites a qualified respondent
 * from the People page, the invitation arrives at a real SMTP server, the respondent opens
 * the link from that email in another time zone and books, and the researcher's pipeline
 * shows the booking.
 */
describe("from qualified respondent to booked interview", () => {
  let dataDir: string;
  let smtp: TestSmtpServer;
  let server: ServerProcess;
  let browser: Browser;
  let researcher: Page;
  let errors: string[];
  let api: Api;
  let surveyId: string;
  let bookingLink: string;

  beforeAll(async () => {
    dataDir = tempDataDir();
    smtp = await startTestSmtpServer();
    const env = { DATA_DIR: dataDir, SCRYPT_LOG_N: "14", SMTP_URL: smtp.url, MAIL_POLL_MS: "200", MAIL_FROM: "research@example.com" };
    const token = createApiToken(env);
    server = await startServer(env);
    api = apiClient(server.url, token);
    surveyId = (await publishSurvey(api, screenerInput("Note-taking interviews"))).id;
    const slug = (await api<{ survey: { slug: string } }>("GET", `/api/surveys/${surveyId}`)).body.survey.slug;
    const put = await fetch(`${server.url}/api/public/responses/${randomUUID()}`, {
      method: "PUT",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ survey: slug, answers: { role: "me", tools: ["notion"], why: "Speed", email: "ada@example.com" }, complete: true }),
    });
    expect(await put.json()).toMatchObject({ end: "qualified" });
    const date = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10);
    expect((await api("POST", "/api/slots", { kind: "single", date, time: "16:30", timeZone: "Europe/Berlin", durationMinutes: 45, surveyId })).status).toBe(201);
    browser = await launchBrowser();
    researcher = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors = watchPageErrors(researcher);
    await researcher.goto(`${server.url}/login`);
    await researcher.getByLabel("Email").fill("researcher@example.com");
    await researcher.getByLabel("Password").fill("a long password");
    await researcher.getByRole("button", { name: "Sign in" }).click();
    await researcher.waitForURL(/\/app$/);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.stop();
    removeDir(dataDir);
  });

  it("invites the qualified respondent by email from the People page", async () => {
    await researcher.goto(`${server.url}/app/surveys/${surveyId}/people`);
    await researcher.getByRole("checkbox", { name: "Select ada@example.com" }).check();
    await researcher.getByRole("button", { name: /^Invite 1/ }).click();
    const sendByEmail = researcher.getByRole("checkbox", { name: /Send by email/ });
    if (!(await sendByEmail.isChecked())) await sendByEmail.check();
    await researcher.getByRole("button", { name: "Send invitations" }).click();
    await expect.poll(() => smtp.messages.length, { timeout: 15_000 }).toBe(1);
    const mail = smtp.messages[0]!;
    expect(mail.envelope.to).toEqual(["ada@example.com"]);
    expect(mail.parsed.subject).toContain("Note-taking interviews");
    expect(mail.raw).toMatch(/^List-Unsubscribe:\s+<https?:\/\/[^>]+\/u\/[A-Za-z0-9_-]+>/m);
    const link = /https?:\/\/[^\s"<>]+\/b\/[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? "");
    expect(link).not.toBeNull();
    bookingLink = link![0];
    await screenshot(researcher, "interview-1-invited");
  });

  it("the respondent opens the emailed link in New York and books the Berlin slot", async () => {
    const context = await browser.newContext({ timezoneId: "America/New_York", locale: "en-US", viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    await phone.goto(bookingLink);
    // 16:30 in Berlin is 10:30 in New York.
    const time = phone.getByRole("button", { name: /^10:30 AM/ });
    await expect.poll(() => time.isVisible()).toBe(true);
    await time.click();
    await expect.poll(() => phone.getByRole("status").textContent()).toMatch(/You're booked/);
    await context.close();
    // The confirmation with its calendar invite arrives too.
    await expect.poll(() => smtp.messages.some((m) => m.parsed.attachments.some((a) => a.contentType.includes("calendar"))), { timeout: 15_000 }).toBe(true);
  });

  it("shows the booking in the researcher's pipeline", async () => {
    await researcher.reload();
    const booked = researcher.locator('section[aria-labelledby="pipeline-booked"]');
    const invited = researcher.locator('section[aria-labelledby="pipeline-invited"]');
    await expect.poll(async () => (await booked.textContent()) ?? "").toContain("ada@example.com");
    expect((await invited.textContent()) ?? "").not.toContain("ada@example.com");
    // The researcher reads the slot on its own clock: 16:30 Berlin.
    expect(await booked.textContent()).toMatch(/4:30\s?PM|16:30/);
    await screenshot(researcher, "interview-2-pipeline");
    expect(errors).toEqual([]);
  });
});
