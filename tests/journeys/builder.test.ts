import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { choiceOptions, type SurveyDefinition } from "@sieve/core";
import { seriousViolations } from "../support/axe.js";
import { launchBrowser, screenshot, watchPageErrors } from "../support/browser.js";
import { removeDir, startServer, tempDataDir, type ServerProcess } from "../support/server-process.js";

/**
 * Issue 3's acceptance path in a real browser against the real server process: a
 * researcher builds a screener from a template, makes an option disqualify, adds a
 * show-if rule and watches it act in the phone preview, adds a segment with a quota,
 * reorders by keyboard, publishes, and creates two tracked links. axe-core checks the
 * survey list, the editor and the share tab.
 */
describe("screener builder in the browser", () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let editorUrl: string;
  const preview = (): FrameLocator => page.frameLocator("iframe[title='Respondent preview']");

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startServer({ DATA_DIR: dataDir, SCRYPT_LOG_N: "14" });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    errors = watchPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeDir(dataDir);
  });

  const draft = () =>
    page.evaluate(async (url) => {
      const id = new URL(url).pathname.split("/")[3]!;
      const res = await fetch(`/api/surveys/${id}`);
      return ((await res.json()) as { survey: { status: string; definition: SurveyDefinition } }).survey;
    }, editorUrl);
  const saved = () => expect.poll(() => page.locator(".save-status").textContent()).toContain("All changes saved");

  it("creates the owner account", async () => {
    await page.goto(server.setupUrl!);
    await page.getByLabel("Your name").fill("Rae Researcher");
    await page.getByLabel("Email").fill("rae@example.com");
    await page.getByLabel("Password").fill("a very good password");
    await page.getByLabel("Workspace name").fill("Research");
    await page.getByRole("button", { name: "Create account and workspace" }).click();
    await page.waitForURL(/\/app$/);
  });

  it("builds a screener from a template and lands in the editor", async () => {
    await page.getByRole("button", { name: "Create your first survey" }).click();
    await page.getByRole("radio", { name: /Customers vs users/ }).check();
    await page.getByRole("button", { name: "Create survey" }).click();
    await page.waitForURL(/\/app\/surveys\/[0-9a-f-]{36}$/);
    editorUrl = page.url();
    await expect.poll(() => page.getByRole("link", { name: "Questions" }).getAttribute("aria-current")).toBe("page");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("work-management tools");
    await expect.poll(() => preview().getByRole("heading", { level: 1 }).textContent()).toContain("work-management tools");
  });

  it("turns an option into a disqualifier and autosaves it", async () => {
    await page.locator("#toggle-q-usage-frequency").click();
    const effect = page.getByLabel("Screener effect of “Rarely — I mostly look at reports or get updates from others”");
    await effect.selectOption("disqualify");
    const card = page.locator("[data-question-id='q-usage-frequency']");
    await expect.poll(() => card.locator(".chip-disqualify").textContent()).toBe("1 disqualifies");
    await saved();
    const survey = await draft();
    const question = survey.definition.pages[0]!.questions[1]!;
    expect(choiceOptions(question).find((o) => o.id === "opt-use-rarely")?.effect).toBe("disqualify");
  });

  it("adds a show-if rule and sees the logic act in the preview", async () => {
    const sizeTitle = "How many people work at your organisation?";
    await expect.poll(() => preview().getByText(sizeTitle).count()).toBe(1);
    await page.locator("#toggle-q-company-size").click();
    const card = page.locator("[data-question-id='q-company-size']");
    await card.getByRole("button", { name: "Add a show-if rule" }).click();
    // The rule starts on the first earlier question; make it "is … I make the final call".
    const rule = card.getByRole("group", { name: "Condition 1" });
    await rule.getByLabel("Condition 1: what to check").selectOption("q-purchase-role");
    await rule.getByLabel("Condition 1: comparison").selectOption("equals");
    await rule.getByLabel("Condition 1: value").selectOption("opt-decides");
    await expect.poll(() => card.locator(".chip-logic").count()).toBe(1);
    // Hidden until the earlier answer makes the rule hold…
    await expect.poll(() => preview().getByText(sizeTitle).count()).toBe(0);
    await preview().getByLabel("I make the final call or approve the budget").check();
    await expect.poll(() => preview().getByText(sizeTitle).count()).toBe(1);
    // …and hidden again when it no longer does.
    await preview().getByLabel("I research the options and recommend one").check();
    await expect.poll(() => preview().getByText(sizeTitle).count()).toBe(0);
    // The researcher also sees what the screener makes of the preview answers.
    await preview().getByLabel("Rarely — I mostly look at reports or get updates from others").check();
    await expect.poll(() => page.locator(".preview-verdict").textContent()).toContain("Disqualified");
    await saved();
    await screenshot(page, "builder-1-editor");
  });

  it("reorders questions by keyboard alone, with announcements", async () => {
    const order = () =>
      page.locator("[data-question-id]").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-question-id")));
    expect((await order()).slice(0, 2)).toEqual(["q-purchase-role", "q-usage-frequency"]);
    await page.locator("#move-down-q-purchase-role").focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await order()).slice(0, 2)).toEqual(["q-usage-frequency", "q-purchase-role"]);
    await expect.poll(() => page.locator(".questions-editor [role=status]").first().textContent()).toMatch(/Moved .* to position 2 of 4 on page 1/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("move-down-q-purchase-role");
    // Alt+↑ on the question's summary moves it back.
    await page.locator("#toggle-q-purchase-role").focus();
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(async () => (await order()).slice(0, 2)).toEqual(["q-purchase-role", "q-usage-frequency"]);
    await saved();
  });

  it("reorders by drag and drop", async () => {
    const order = () =>
      page.locator("[data-question-id]").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-question-id")));
    // Close the open questions so both cards are on screen.
    await page.locator("#toggle-q-usage-frequency").click();
    await page.locator("#toggle-q-company-size").click();
    const handle = page.locator("[data-question-id='q-works-for-vendor'] .drag-handle");
    await handle.dragTo(page.locator("[data-question-id='q-purchase-role']"), { targetPosition: { x: 40, y: 5 } });
    await expect.poll(async () => (await order()).slice(0, 2)).toEqual(["q-works-for-vendor", "q-purchase-role"]);
    await page.locator("#move-down-q-works-for-vendor").click();
    await page.locator("#move-down-q-works-for-vendor").click();
    await page.locator("#move-down-q-works-for-vendor").click();
    await expect.poll(async () => (await order()).slice(0, 4)).toEqual([
      "q-purchase-role",
      "q-usage-frequency",
      "q-company-size",
      "q-works-for-vendor",
    ]);
    await saved();
  });

  it("shows problems where they occur, and pauses autosave until they are fixed", async () => {
    await page.locator("#toggle-q-works-for-vendor").click();
    const title = page.locator("#f-pages-0-questions-3-title");
    await title.fill("");
    await expect.poll(() => page.locator(".save-status").textContent()).toContain("Not saved: fix the marked fields");
    await expect.poll(() => page.locator("#f-pages-0-questions-3-title-error").textContent()).toBe("This can’t be empty");
    expect(await title.getAttribute("aria-invalid")).toBe("true");
    // Publishing lists what blocks it; each entry leads to its field.
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    const blocking = page.getByRole("alert").filter({ hasText: "Fix these before publishing" });
    await expect.poll(() => blocking.isVisible()).toBe(true);
    await blocking.getByRole("button", { name: "This can’t be empty" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-pages-0-questions-3-title");
    await title.fill("Do you work for a company that makes work-management software?");
    await saved();
    expect(await blocking.count()).toBe(0);
  });

  it("on a save conflict offers to reload theirs or overwrite with mine", async () => {
    // Someone else saves the draft meanwhile.
    await page.evaluate(async (url) => {
      const id = new URL(url).pathname.split("/")[3]!;
      const { survey } = (await (await fetch(`/api/surveys/${id}`)).json()) as { survey: { revision: number; definition: { title: string } } };
      await fetch(`/api/surveys/${id}/definition`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ revision: survey.revision, definition: { ...survey.definition, estimatedMinutes: 9 } }),
      });
    }, editorUrl);
    await page.getByLabel("Estimated minutes").fill("5");
    const banner = page.getByRole("alert").filter({ hasText: "Someone else saved this survey" });
    await expect.poll(() => banner.isVisible()).toBe(true);
    await banner.getByRole("button", { name: "Overwrite with mine" }).click();
    await saved();
    expect((await draft()).definition.estimatedMinutes).toBe(5);
    expect(await banner.count()).toBe(0);
  });

  it("adds a segment with a quota", async () => {
    await page.getByRole("link", { name: "Logic & quotas" }).click();
    await page.waitForURL(/\/logic$/);
    await page.getByRole("button", { name: "Add segment" }).click();
    const name = page.getByLabel("Segment name").last();
    await name.fill("Recommenders");
    const segment = page.locator(".segment-item").last();
    const rule = segment.getByRole("group", { name: "Condition 1" });
    await rule.getByLabel("Condition 1: what to check").selectOption("q-purchase-role");
    await rule.getByLabel("Condition 1: value").selectOption("opt-recommends");
    await page.getByRole("button", { name: "Add quota" }).click();
    const quota = page.locator(".quota-item").last();
    await quota.getByLabel("Counts").selectOption({ label: "Qualified in “Recommenders”" });
    await quota.getByLabel("Cap").fill("5");
    await saved();
    const survey = await draft();
    const added = survey.definition.segments.find((s) => s.name === "Recommenders")!;
    expect(added.when.conditions).toEqual([{ source: "answer", questionId: "q-purchase-role", operator: "equals", value: "opt-recommends" }]);
    expect(survey.definition.quotas).toContainEqual(expect.objectContaining({ segmentId: added.id, cap: 5 }));
    await screenshot(page, "builder-2-logic");
  });

  it("publishes, and shows that later edits go live on the next publish", async () => {
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect.poll(() => page.locator(".live-status").textContent()).toContain("Published version 1");
    expect((await draft()).status).toBe("open");
    await expect.poll(() => page.getByText("This survey is live.").isVisible()).toBe(true);
    await page.getByRole("link", { name: "End screens" }).click();
    await page.locator("#f-endScreens-qualified-title").fill("Thank you — we'll be in touch!");
    await expect.poll(() => page.getByRole("button", { name: "Publish changes" }).isVisible()).toBe(true);
    await expect.poll(() => preview().getByRole("heading", { level: 1 }).textContent()).toBe("Thank you — we'll be in touch!");
    await saved();
    await page.getByRole("button", { name: "Publish changes" }).click();
    await expect.poll(() => page.locator(".live-status").textContent()).toContain("Published version 2");
    await expect.poll(() => page.getByRole("button", { name: "Publish changes" }).count()).toBe(0);
  });

  it("creates two tracked links and reads them", async () => {
    await page.getByRole("link", { name: "Share" }).click();
    await page.waitForURL(/\/share$/);
    const create = async (community: string, kind: string) => {
      await page.getByLabel("Community").fill(community);
      await page.getByLabel("Kind").selectOption(kind);
      await page.getByRole("button", { name: "Create link" }).click();
      await expect.poll(() => page.getByRole("heading", { name: community, level: 3 }).isVisible()).toBe(true);
    };
    await create("r/userexperience", "reddit");
    await create("LinkedIn: my network", "linkedin");
    const links: string[] = [];
    for (const community of ["r/userexperience", "LinkedIn: my network"]) {
      const link = await page.getByLabel(`Short link for ${community}`).inputValue();
      expect(link).toMatch(new RegExp(`^${server.url}/c/[a-z0-9-]{3,32}$`));
      links.push(link);
    }
    expect(new Set(links).size).toBe(2);
    // Each link leads to the survey and names its channel.
    const response = await page.request.get(links[0]!, { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toMatch(/^\/s\/[a-z0-9-]+\?c=/);
    // A QR code and a ready-to-paste post for each kind.
    const reddit = page.locator(".channel-card").filter({ hasText: "r/userexperience" });
    expect(await reddit.locator("svg.qr-code path").count()).toBe(1);
    const redditPost = await reddit.getByRole("textbox", { name: "Body", exact: true }).inputValue();
    expect(redditPost).toContain(links[0]);
    expect(await reddit.getByLabel("Post title").inputValue()).toMatch(/^\[Research\]/);
    const linkedin = page.locator(".channel-card").filter({ hasText: "LinkedIn: my network" });
    expect(await linkedin.getByRole("textbox", { name: "Post", exact: true }).inputValue()).toContain(links[1]);
    await screenshot(page, "builder-3-share");
  });

  it("exports the draft as JSON and imports it as a new survey, with clear errors for a bad file", async () => {
    await page.goto(editorUrl);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
    expect(download.suggestedFilename()).toBe("how-does-your-team-choose-and-use-its-work-management-tools.sieve.json");
    const exported = JSON.parse(readFileSync((await download.path())!, "utf8")) as SurveyDefinition;
    expect(exported.segments.map((s) => s.name)).toContain("Recommenders");

    await page.getByRole("link", { name: "Surveys" }).first().click();
    await page.waitForURL(/\/app$/);
    const picker = page.getByLabel("Import JSON");
    await picker.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...exported, title: "", estimatedMinutes: 500 })) });
    const problem = page.getByRole("alert").filter({ hasText: "“broken.json” could not be imported" });
    await expect.poll(() => problem.textContent()).toContain("This can’t be empty");
    expect(await problem.textContent()).toContain("Use 120 or less");
    await picker.setInputFiles({ name: "copy.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...exported, title: "Imported screener" })) });
    await page.waitForURL((url) => /\/app\/surveys\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== editorUrl);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Imported screener");
  });

  it("has no serious or critical axe violations on the survey list, editor and share tab", async () => {
    const audit = await browser.newContext({ bypassCSP: true, viewport: { width: 1360, height: 900 } });
    await audit.addCookies(await context.cookies());
    const auditPage = await audit.newPage();
    const check = async (url: string, ready: () => Promise<unknown>) => {
      await auditPage.goto(url);
      await ready();
      return { url, violations: await seriousViolations(auditPage) };
    };
    const results = [
      await check(`${server.url}/app`, () => auditPage.getByRole("table").waitFor()),
      await check(editorUrl, async () => {
        await auditPage.locator("#toggle-q-usage-frequency").click();
        await auditPage.locator("#toggle-q-company-size").click();
        await auditPage.getByRole("group", { name: "Condition 1" }).first().waitFor();
      }),
      await check(`${editorUrl}/logic`, () => auditPage.locator(".segment-item").first().waitFor()),
      await check(`${editorUrl}/share`, () => auditPage.locator(".channel-card").first().waitFor()),
    ];
    await audit.close();
    expect(results.filter((r) => r.violations.length > 0)).toEqual([]);
  });

  it("ran without console errors or Content-Security-Policy violations", () => {
    // Expected: the draft's link-preview image is not rendered (the card falls back), and
    // the staged save conflict answers 409.
    expect(errors.filter((e) => !/status of (404|409)/.test(e))).toEqual([]);
  });
});
