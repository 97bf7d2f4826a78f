import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { screenerInput, startTestSmtpServer, type TestSmtpServer } from "@sieve/server/testing";
import { launchBrowser, screenshot, watchPageErrors } from "../support/browser.js";
import { seriousViolations } from "../support/axe.js";
import { removeDir, startServer, tempDataDir, type ServerProcess } from "../support/server-process.js";
import { apiClient, createApiToken, publishSurvey, type Api } from "../support/survey-api.js";

/**
 * Issue 6's path end to end with real email: the researcher invites a qualified respondent
 * from the People page, the invitation arrives at a real SMTP server, the respondent opens
 * the link from that email in another time zone and books, and the researcher's pipeline
 * shows the booking. Then the rest of the researcher's tools: the People list paged and
 * searched (the view in the URL) with select-all across pages, slots offered for one survey
 * from the slots form, and booking offered right on the qualified end screen.
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
  let slug: string;
  const EXTRA_PEOPLE = 55;

  beforeAll(async () => {
    dataDir = tempDataDir();
    smtp = await startTestSmtpServer();
    const env = { DATA_DIR: dataDir, SCRYPT_LOG_N: "14", SMTP_URL: smtp.url, MAIL_POLL_MS: "200", MAIL_FROM: "research@example.com" };
    const token = createApiToken(env);
    server = await startServer(env);
    api = apiClient(server.url, token);
    surveyId = (await publishSurvey(api, screenerInput("Note-taking interviews"))).id;
    slug = (await api<{ survey: { slug: string } }>("GET", `/api/surveys/${surveyId}`)).body.survey.slug;
    // More people than fit on one page of the People list, all before Ada (the list is newest first).
    for (let i = 0; i < EXTRA_PEOPLE; i++) {
      const res = await fetch(`${server.url}/api/public/responses/${randomUUID()}`, {
        method: "PUT",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify({ survey: slug, answers: { role: "boss", tools: ["obsidian"], email: `person-${String(i).padStart(2, "0")}@example.com` }, complete: true }),
      });
      expect(res.status).toBe(200);
    }
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

  it("pages and searches the People list, keeps the view in the URL, and selects everyone matching across pages", async () => {
    const people = `${server.url}/app/surveys/${surveyId}/people`;
    await researcher.goto(people);
    const status = researcher.locator('section[aria-labelledby="respondents-title"] p[role="status"]');
    await expect.poll(() => status.textContent()).toBe("Showing 1–50 of 56 respondents.");
    await researcher.getByRole("navigation", { name: "Respondent pages" }).getByRole("button", { name: "Next" }).click();
    await expect.poll(() => status.textContent()).toBe("Showing 51–56 of 56 respondents.");
    expect(new URL(researcher.url()).searchParams.get("page")).toBe("2");

    // Typing searches after a pause; the search is in the URL and survives a reload.
    await researcher.getByRole("searchbox", { name: /Search respondents/ }).pressSequentially("person-07", { delay: 20 });
    await expect.poll(() => status.textContent()).toBe("Showing 1–1 of 1 respondent matching “person-07”.");
    expect(new URL(researcher.url()).searchParams.get("q")).toBe("person-07");
    expect(new URL(researcher.url()).searchParams.get("page")).toBeNull();
    await researcher.reload();
    await expect.poll(() => researcher.getByRole("searchbox", { name: /Search respondents/ }).inputValue()).toBe("person-07");
    await expect.poll(() => researcher.getByRole("checkbox", { name: /^Select person-/ }).count()).toBe(1);

    // A whole page selected → every one of the 56 matching.
    await researcher.goto(people);
    await expect.poll(() => status.textContent()).toBe("Showing 1–50 of 56 respondents.");
    await researcher.getByRole("checkbox", { name: "Select all respondents on this page" }).check();
    const selection = researcher.getByRole("group", { name: "Selection" });
    await expect.poll(() => selection.textContent()).toContain("50 selected of 56 matching");
    await researcher.getByRole("button", { name: "Select all 56 matching" }).click();
    await expect.poll(() => selection.textContent()).toContain("56 selected — all 56 matching");
    expect(await researcher.getByRole("button", { name: /^Invite 56/ }).isEnabled()).toBe(true);
    // Still selected on the next page.
    await researcher.getByRole("navigation", { name: "Respondent pages" }).getByRole("button", { name: "Next" }).click();
    await expect.poll(() => researcher.getByRole("checkbox", { name: "Select person-00@example.com" }).isChecked()).toBe(true);
    // A new filter is a new list: the selection starts over.
    await researcher.getByLabel("Outcome", { exact: true }).selectOption("qualified");
    await expect.poll(() => status.textContent()).toBe("Showing 1–1 of 1 respondent.");
    expect(await selection.count()).toBe(0);
    expect(new URL(researcher.url()).searchParams.get("outcome")).toBe("qualified");
    await screenshot(researcher, "interview-3-people-filtered");

    // The same view, with a selection showing, passes axe (its script needs the CSP bypassed).
    const audit = await browser.newContext({ storageState: await researcher.context().storageState(), bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const auditPage = await audit.newPage();
    await auditPage.goto(`${people}?flags=include&page=2`);
    await auditPage.getByRole("checkbox", { name: "Select all respondents on this page" }).check();
    await expect.poll(() => auditPage.getByRole("group", { name: "Selection" }).isVisible()).toBe(true);
    expect(await seriousViolations(auditPage)).toEqual([]);
    await audit.close();

    // Across the workspace, too.
    await researcher.goto(`${server.url}/app/people?q=ada`);
    await expect.poll(() => researcher.getByRole("checkbox", { name: /^Select .+@example.com$/ }).count()).toBe(1);
    expect(await researcher.getByRole("link", { name: "Note-taking interviews" }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("offers interview times for the survey picked on the slots form", async () => {
    await researcher.goto(`${server.url}/app/slots?survey=${surveyId}`);
    const picker = researcher.getByLabel("For", { exact: true });
    await expect.poll(() => picker.inputValue()).toBe(surveyId);
    await researcher.getByRole("radio", { name: "One slot" }).check();
    const date = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await researcher.getByLabel("Date").fill(date);
    await researcher.getByLabel("Start time").fill("11:00");
    await researcher.getByLabel("Time zone").fill("Europe/Berlin");
    await researcher.getByRole("button", { name: "Create slot" }).click();
    await expect.poll(() => researcher.getByText(/Created 1 slot for “Note-taking interviews”/).count()).toBe(1);
    const rows = researcher.locator('section[aria-labelledby="slots-title"] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const fresh = rows.filter({ hasText: "Free" });
    expect(await fresh.textContent()).toContain("Note-taking interviews");
    const slots = await api<{ slots: { surveyId: string | null; booking: unknown }[] }>("GET", "/api/slots?state=free");
    expect(slots.body.slots).toEqual([expect.objectContaining({ surveyId })]);
    await screenshot(researcher, "interview-4-slots");
    expect(errors).toEqual([]);
  });

  it("offers a qualified respondent an interview time right on the end screen", async () => {
    await researcher.goto(`${server.url}/app/surveys/${surveyId}/people`);
    const offer = researcher.getByRole("checkbox", { name: "Offer interview times on the qualified end screen" });
    await offer.check();
    await expect.poll(() => researcher.getByText("1 free time can be booked now.").count()).toBe(1);

    const context = await browser.newContext({ timezoneId: "Asia/Tokyo", locale: "en-US", viewport: { width: 390, height: 844 }, bypassCSP: true });
    const phone = await context.newPage();
    const phoneErrors = watchPageErrors(phone);
    await phone.goto(`${server.url}/s/${slug}`);
    await phone.getByLabel("I do").check();
    await phone.getByLabel("Notion").check();
    await phone.getByRole("button", { name: "Next" }).click();
    await phone.getByLabel(/What made you choose it/).fill("It syncs offline.");
    await phone.getByLabel(/Your email/).fill("bea@example.com");
    // A person takes a moment to answer (a faster page is flagged as speeding, and flagged people are never offered interviews).
    await phone.waitForTimeout(3_000);
    await phone.getByRole("button", { name: "Submit" }).click();
    const pick = phone.getByRole("link", { name: "Pick an interview time" });
    await expect.poll(() => pick.isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(phone, "interview-5-end-screen-offer");
    expect(await seriousViolations(phone)).toEqual([]);
    await pick.click();
    // 11:00 in Berlin is 19:00 in Tokyo.
    const time = phone.getByRole("button", { name: /^7:00 PM/ });
    await expect.poll(() => time.isVisible()).toBe(true);
    await time.click();
    await expect.poll(() => phone.getByRole("status").textContent()).toMatch(/You're booked/);
    expect(phoneErrors).toEqual([]);
    await context.close();

    await researcher.reload();
    const booked = researcher.locator('section[aria-labelledby="pipeline-booked"]');
    await expect.poll(async () => (await booked.textContent()) ?? "").toContain("bea@example.com");
    expect(errors).toEqual([]);
  });
});
