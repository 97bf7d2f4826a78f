import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startTestSmtpServer, type TestSmtpServer } from "@sieve/server/testing";
import { launchBrowser, screenshot, watchPageErrors } from "../support/browser.js";
import { removeDir, startServer, tempDataDir, type ServerProcess } from "../support/server-process.js";
import { count, definition, inPool, outcomeOf, personas, respond, segmentsOf, type ChannelKey, type Persona } from "../support/full-journey.js";

/**
 * Issue 7's whole journey in real Chromium against one real `sieve serve` process with a real
 * SMTP server: the printed setup link creates the owner, who builds a screener from the
 * "Customers vs users" template, publishes it and makes two tracked links. Thirty people
 * answer on phones through those links (most qualify, several are screened out, two fall for
 * the trap, one leaves half-way). The researcher reads the dashboard — totals, split by
 * segment and by channel, channel yield — offers a slot, invites a qualified person (the
 * flagged one is skipped), and the invitee books from the emailed link. Every figure is
 * counted from what the respondents did. Screenshots: tests/artifacts/full-journey-*.png.
 */
describe("the whole journey: setup link to booked interview", () => {
  let dataDir: string;
  let smtp: TestSmtpServer;
  let server: ServerProcess;
  let browser: Browser;
  let researcherContext: BrowserContext;
  let page: Page;
  let errors: string[];
  const failed: string[] = [];
  let surveyId: string;
  const links = {} as Record<ChannelKey, string>;
  const channelNames: Record<ChannelKey, { name: string; kind: string }> = {
    reddit: { name: "r/projectmanagement", kind: "reddit" },
    facebook: { name: "Agile Coaches (Facebook group)", kind: "facebook" },
  };
  const title = "Who chooses and who uses work-management tools";
  let bookingLink: string;

  beforeAll(async () => {
    dataDir = tempDataDir();
    smtp = await startTestSmtpServer();
    server = await startServer({
      DATA_DIR: dataDir,
      SCRYPT_LOG_N: "14",
      SMTP_URL: smtp.url,
      MAIL_POLL_MS: "200",
      MAIL_FROM: "research@example.com",
      LIVE_POLL_MS: "250",
      // Thirty "phones" share 127.0.0.1 here, and the save limit is per network.
      PUBLIC_RATE_LIMIT: "1000",
    });
    browser = await launchBrowser();
    researcherContext = await browser.newContext({ viewport: { width: 1360, height: 900 }, timezoneId: "Europe/Berlin", locale: "en-GB" });
    page = await researcherContext.newPage();
    errors = watchPageErrors(page);
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.stop();
    removeDir(dataDir);
  });

  const shot = (name: string) => screenshot(page, `full-journey-${name}`);
  const results = () =>
    page.evaluate(async (id) => {
      // The same call the dashboard makes for its default view.
      const res = await fetch(`/api/surveys/${id}/results`);
      return (await res.json()) as {
        totals: Record<string, number>;
        funnel: { channel: { name: string }; clicks: number; views: number; starts: number; completes: number; qualified: number }[];
        segments: { id: string; count: number }[];
      };
    }, surveyId);

  it("1. the setup link printed at first start creates the owner account", async () => {
    expect(server.setupUrl).toMatch(/\/setup\/[A-Za-z0-9_-]{40,}$/);
    await page.goto(server.setupUrl!);
    await page.getByLabel("Your name").fill("Rae Researcher");
    await page.getByLabel("Email").fill("rae@example.com");
    await page.getByLabel("Password").fill("a very good password");
    await page.getByLabel("Workspace name").fill("Acme Research");
    await page.getByRole("button", { name: "Create account and workspace" }).click();
    await page.waitForURL(/\/app$/);
    await expect.poll(() => page.getByRole("heading", { name: "Surveys", exact: true }).isVisible()).toBe(true);
  });

  it("2. creates a survey from the Customers vs users template and publishes it", async () => {
    await page.getByRole("button", { name: "Create your first survey" }).click();
    await page.getByRole("radio", { name: /Customers vs users/ }).check();
    await page.getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Create survey" }).click();
    await page.waitForURL(/\/app\/surveys\/[0-9a-f-]{36}$/);
    surveyId = new URL(page.url()).pathname.split("/")[3]!;
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect.poll(() => page.locator(".live-status").textContent()).toContain("Published version 1");
    await shot("01-published");
  });

  it("3. makes two tracked links on the Share tab and reads them", async () => {
    await page.getByRole("link", { name: "Share" }).click();
    await page.waitForURL(/\/share$/);
    for (const key of ["reddit", "facebook"] as const) {
      const { name, kind } = channelNames[key];
      await page.getByLabel("Community").fill(name);
      await page.getByLabel("Kind").selectOption(kind);
      await page.getByRole("button", { name: "Create link" }).click();
      await expect.poll(() => page.getByRole("heading", { name, level: 3 }).isVisible()).toBe(true);
    }
    for (const key of ["reddit", "facebook"] as const) {
      links[key] = await page.getByLabel(`Short link for ${channelNames[key].name}`).inputValue();
      expect(links[key]).toMatch(new RegExp(`^${server.url}/c/[a-z0-9-]{3,32}$`));
    }
    expect(links.reddit).not.toBe(links.facebook);
    await shot("02-share");
  });

  it("4. thirty people answer on phones through the two links", async () => {
    expect(personas).toHaveLength(30);
    const shotsFor = new Map<number, string>();
    // One screenshot set per plan: the first person of each.
    for (const plan of ["qualify", "trap", "screened-out", "abandons", "declines-call"] as const) {
      const first = personas.find((p) => p.plan === plan)!;
      shotsFor.set(first.n, `full-journey-respondent-${plan}`);
    }
    const runs = await inPool(personas, 6, (p) => respond(browser, links[p.channel], p, shotsFor.get(p.n)));
    for (const run of runs) {
      // Each arrived through its own community's link…
      expect(run.url).toMatch(new RegExp(`/s/[^/?]+\\?c=${links[run.persona.channel].split("/c/")[1]}$`));
      // …and the page ran clean.
      expect({ n: run.persona.n, errors: run.errors }).toEqual({ n: run.persona.n, errors: [] });
    }
  });

  // ---- what the dashboard must show, counted from the thirty ------------------------------
  const finished = () => personas.filter((p) => outcomeOf(p) !== null);
  const expected = {
    started: 30,
    complete: count((p) => outcomeOf(p) !== null),
    qualified: count((p) => outcomeOf(p) === "qualified"),
    disqualified: count((p) => outcomeOf(p) === "disqualified"),
    flagged: count((p) => outcomeOf(p) === "flagged"),
    partial: count((p) => outcomeOf(p) === null),
  };
  const perChannel = (key: ChannelKey) => {
    const of = personas.filter((p) => p.channel === key);
    return {
      arrived: of.length,
      completes: of.filter((p) => outcomeOf(p) !== null).length,
      qualified: of.filter((p) => outcomeOf(p) === "qualified").length,
    };
  };
  const inSegment = (id: string, list: Persona[] = finished()) => list.filter((p) => segmentsOf(p).includes(id)).length;

  it("the plan adds up as intended (a guard on the fixture itself)", () => {
    expect(expected).toEqual({ started: 30, complete: 29, qualified: 18, disqualified: 9, flagged: 2, partial: 1 });
    expect(perChannel("reddit")).toEqual({ arrived: 18, completes: 17, qualified: 11 });
    expect(perChannel("facebook")).toEqual({ arrived: 12, completes: 12, qualified: 7 });
    const qualified = personas.filter((p) => outcomeOf(p) === "qualified");
    expect([inSegment("seg-customers", qualified), inSegment("seg-users", qualified)]).toEqual([9, 9]);
  });

  const tile = (label: string) =>
    page.locator(".tile", { has: page.locator(".tile-label", { hasText: new RegExp(`^${label}$`) }) });
  const tileNumber = async (label: string) => Number((await tile(label).locator(".tile-value").textContent())!.replace(/\D/g, ""));
  const yieldRow = (name: string) => page.locator(".yield-table tbody tr", { has: page.locator("th", { hasText: name }) });
  const yieldCells = async (name: string) => (await yieldRow(name).locator("td.numeric").allTextContents()).map(Number);

  it("5a. the results dashboard shows the exact totals and each channel's yield", async () => {
    await page.getByRole("link", { name: "Results", exact: true }).click();
    await page.waitForURL(/\/results$/);
    await expect.poll(() => tileNumber("Complete"), { timeout: 10_000 }).toBe(expected.complete);
    expect(await tile("Complete").locator(".tile-note").textContent()).toBe(`of ${expected.started} started`);
    expect(await tileNumber("Qualified")).toBe(expected.qualified);
    expect(await tileNumber("Disqualified")).toBe(expected.disqualified);
    expect(await tileNumber("Over quota")).toBe(0);
    expect(await tileNumber("Flagged")).toBe(expected.flagged);
    expect(await tileNumber("Dropped off")).toBe(expected.partial);

    // Which community yields: clicks, views, starts, completes, qualified — one row per link, nothing else.
    expect(await page.locator(".yield-table tbody tr").count()).toBe(2);
    for (const key of ["reddit", "facebook"] as const) {
      const c = perChannel(key);
      expect({ key, cells: await yieldCells(channelNames[key].name) }).toEqual({
        key,
        cells: [c.arrived, c.arrived, c.arrived, c.completes, c.qualified],
      });
    }
    // Reddit's 11 of 17 ranks above Facebook's 7 of 12 (by the interval's lower bound).
    expect(await page.locator(".yield-table tbody tr th").first().textContent()).toContain(channelNames.reddit.name);

    // The same figures from the call the page makes, with the segment sizes.
    const body = await results();
    expect(body.totals).toEqual({
      responses: expected.started,
      complete: expected.complete,
      partial: expected.partial,
      qualified: expected.qualified,
      disqualified: expected.disqualified,
      overQuota: 0,
      flagged: expected.flagged,
    });
    expect(Object.fromEntries(body.funnel.map((f) => [f.channel.name, [f.clicks, f.views, f.starts, f.completes, f.qualified]]))).toEqual(
      Object.fromEntries(
        (["reddit", "facebook"] as const).map((key) => {
          const c = perChannel(key);
          return [channelNames[key].name, [c.arrived, c.arrived, c.arrived, c.completes, c.qualified]];
        }),
      ),
    );
    expect(Object.fromEntries(body.segments.map((s) => [s.id, s.count]))).toEqual(
      Object.fromEntries(definition.segments.map((s) => [s.id, inSegment(s.id)])),
    );
    // Nobody was flagged for speeding or anything else: they read each page like people do.
    const list = await page.evaluate(async (id) => {
      const res = await fetch(`/api/surveys/${id}/responses?status=all&page=1&pageSize=100`);
      return (await res.json()) as { total: number; responses: { flags: string[] }[] };
    }, surveyId);
    expect(list.total).toBe(expected.started);
    expect(list.responses.flatMap((r) => r.flags)).toEqual([]);
    await expect.poll(chartsDrawn, { timeout: 10_000 }).toBeGreaterThan(8);
    expect(await sideways()).toBe(0);
    await shot("03-results");
  });

  const legend = () => page.locator(".split-legend").textContent();
  const chartsDrawn = () => page.locator(".chart-figure .chart-box:not(.chart-loading) canvas").count();
  /** How far the page reaches past the window sideways (0 when nothing makes it scroll horizontally). */
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it("5b. split by segment: one column per segment, each with its count", async () => {
    await page.getByLabel("Split by").selectOption("segment");
    await page.waitForURL(/split=segment/);
    await expect.poll(legend).toMatch(/^Split by segment:/);
    const text = (await legend())!;
    for (const segment of definition.segments) expect(text).toContain(`${segment.name} (n = ${inSegment(segment.id)})`);
    expect(await page.locator(".stat-line").count()).toBeGreaterThan(3);
    // The template's segments overlap (a customer may also be in "Company of 51+"), and the test says so.
    const overlap = /Some respondents are in more than one segment, so they are counted in several columns/;
    await expect.poll(() => page.locator(".stat-line").first().locator(".stat-warning").textContent()).toMatch(overlap);
    expect(await page.locator(".stat-line", { hasNotText: overlap }).count()).toBe(0);
    await expect.poll(chartsDrawn, { timeout: 10_000 }).toBeGreaterThan(8);
    // One column per segment must not widen the page (the charts' hidden data tables once did).
    expect(await sideways()).toBe(0);
    await shot("04-split-by-segment");
  });

  it("5c. split by channel: the two communities become the columns", async () => {
    await page.getByLabel("Split by").selectOption("channel");
    await page.waitForURL(/split=channel/);
    await expect.poll(legend).toMatch(/^Split by channel:/);
    const text = (await legend())!;
    for (const key of ["reddit", "facebook"] as const) expect(text).toContain(`${channelNames[key].name} (n = ${perChannel(key).completes})`);
    // Every response has one channel: no overlap caveat here.
    expect(await page.locator(".stat-line", { hasText: "more than one" }).count()).toBe(0);
    // The totals and the yield table do not change with the split.
    expect(await tileNumber("Qualified")).toBe(expected.qualified);
    expect(await yieldCells(channelNames.facebook.name)).toEqual([12, 12, 12, 12, 7]);
    await expect.poll(chartsDrawn, { timeout: 10_000 }).toBeGreaterThan(8);
    expect(await sideways()).toBe(0);
    await shot("05-split-by-channel");
  });

  const slotDate = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

  it("6a. offers an interview slot for this survey on the Slots page", async () => {
    await page.goto(`${server.url}/app/surveys/${surveyId}/people`);
    await page.getByRole("link", { name: "Interview slots" }).click();
    await page.waitForURL(/\/app\/slots\?survey=/);
    // Coming from the survey's People page, the slot is for this survey's invitees.
    await expect.poll(() => page.getByLabel("For", { exact: true }).inputValue()).toBe(surveyId);
    await page.getByLabel("One slot").check();
    await page.getByLabel("Date").fill(slotDate);
    await page.getByLabel("Start time").fill("15:00");
    await page.getByLabel("Duration (minutes)").fill("30");
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Europe/Berlin");
    await page.getByLabel("Meeting link").fill("https://meet.example.com/sieve-journey");
    await page.getByRole("button", { name: "Create slot" }).click();
    await expect.poll(() => page.getByText(`Created 1 slot for “${title}”.`).isVisible()).toBe(true);
    await shot("06-slots");
  });

  const qualifiedPerson = () => personas.find((p) => p.plan === "qualify")!;
  const trapPerson = () => personas.find((p) => p.plan === "trap")!;
  const respondentRows = () => page.locator("table", { has: page.locator("caption", { hasText: /^Respondents$/ }) }).locator("tbody tr");

  it("6b. People lists who left an email, leaves the flagged out by default, and invites only the qualified", async () => {
    await page.goto(`${server.url}/app/surveys/${surveyId}/people`);
    const withEmail = finished().filter((p) => p.email !== null);
    const notFlagged = withEmail.filter((p) => outcomeOf(p) !== "flagged");
    const shown = () => page.getByText(/^Showing .* respondents?\.$/).textContent();
    await expect.poll(shown).toBe(`Showing 1–${notFlagged.length} of ${notFlagged.length} respondents.`);
    expect(await respondentRows().count()).toBe(notFlagged.length);
    for (const p of personas.filter((x) => x.plan === "trap")) expect(await page.getByText(p.email!).count()).toBe(0);
    await shot("07-people");

    // Asked for, the flagged appear — marked as such.
    await page.getByLabel("Flags", { exact: true }).selectOption("include");
    await expect.poll(shown).toBe(`Showing 1–${withEmail.length} of ${withEmail.length} respondents.`);
    const trapRow = respondentRows().filter({ hasText: trapPerson().email! });
    expect(await trapRow.locator("td").nth(2).textContent()).toBe("Flagged");

    // Select a qualified person and the trap; without the override only the qualified one is invited.
    await page.getByRole("checkbox", { name: `Select ${qualifiedPerson().email}` }).check();
    await page.getByRole("checkbox", { name: `Select ${trapPerson().email}` }).check();
    await page.getByRole("button", { name: /^Invite 2/ }).click();
    const dialog = page.getByRole("dialog", { name: "Invite to an interview" });
    expect(await dialog.getByRole("checkbox", { name: /Send by email/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole("checkbox", { name: "Invite flagged respondents too" }).isChecked()).toBe(false);
    await dialog.getByRole("button", { name: "Send invitations" }).click();
    const outcome = dialog.getByRole("status");
    await expect.poll(() => outcome.textContent()).toContain("1 invitation created and queued for email.");
    expect(await outcome.getByRole("heading", { name: "Skipped (1)" }).isVisible()).toBe(true);
    expect(await outcome.getByRole("listitem").allTextContents()).toEqual([`${trapPerson().email}: response was flagged (tick “Invite flagged respondents too” to include)`]);
    await shot("08-invited");
    await dialog.getByRole("button", { name: "Done" }).click();

    // Exactly one email, to the qualified person, with their booking link.
    await expect.poll(() => smtp.messages.length, { timeout: 15_000 }).toBe(1);
    const mail = smtp.messages[0]!;
    expect(mail.envelope.to).toEqual([qualifiedPerson().email]);
    expect(mail.parsed.subject).toContain(title);
    const link = /https?:\/\/[^\s"<>]+\/b\/[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? "");
    expect(link).not.toBeNull();
    bookingLink = link![0];
  });

  it("6c. the invitee opens the emailed link on a phone and books the slot", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      timezoneId: "America/New_York",
      locale: "en-US",
    });
    const phone = await context.newPage();
    const phoneErrors = watchPageErrors(phone);
    await phone.goto(bookingLink);
    await expect.poll(() => phone.getByRole("heading", { level: 1 }).textContent()).toMatch(/find a time/);
    const startsAt = zonedTime(slotDate, "15:00", "Europe/Berlin");
    const newYork = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric", minute: "2-digit" }).format(startsAt);
    const time = phone.getByRole("button", { name: new RegExp(`^${newYork}`) });
    await expect.poll(() => time.isVisible()).toBe(true);
    await screenshot(phone, "full-journey-09-booking");
    await time.tap();
    await expect.poll(() => phone.getByRole("status").textContent()).toMatch(/You're booked/);
    await expect.poll(() => phone.getByRole("link", { name: "Join the call" }).getAttribute("href")).toBe("https://meet.example.com/sieve-journey");
    await screenshot(phone, "full-journey-10-booked");
    expect(phoneErrors).toEqual([]);
    await context.close();
    // The confirmation with its calendar invite follows the invitation.
    await expect.poll(() => smtp.messages.length, { timeout: 15_000 }).toBe(2);
    const confirmation = smtp.messages[1]!;
    expect(confirmation.envelope.to).toEqual([qualifiedPerson().email]);
    expect(confirmation.parsed.attachments.some((a) => a.contentType.includes("calendar"))).toBe(true);
  });

  it("6d. the researcher's pipeline shows the booking", async () => {
    await page.reload();
    const booked = page.locator('section[aria-labelledby="pipeline-booked"]');
    await expect.poll(async () => (await booked.textContent()) ?? "").toContain(qualifiedPerson().email!);
    expect(await booked.locator(".pipeline-card").count()).toBe(1);
    const invited = page.locator('section[aria-labelledby="pipeline-invited"]');
    if ((await invited.count()) > 0) expect(await invited.textContent()).not.toContain(qualifiedPerson().email!);
    // The slot reads on the researcher's own clock: 15:00 Berlin.
    expect(await booked.textContent()).toMatch(/15:00|3:00\s?PM/);
    const row = respondentRows().filter({ hasText: qualifiedPerson().email! });
    expect(await row.locator("td").last().textContent()).toBe("Booked");
    await shot("11-pipeline");
  });

  it("ran without console errors, CSP violations or failed requests in the researcher's app", () => {
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** The instant a wall-clock time in a time zone names (for the slot the researcher offered). */
function zonedTime(date: string, time: string, timeZone: string): Date {
  const asUtc = new Date(`${date}T${time}:00Z`);
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(asUtc);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const shown = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return new Date(asUtc.getTime() - (shown - asUtc.getTime()));
}
