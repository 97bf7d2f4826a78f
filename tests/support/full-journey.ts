/**
 * The respondents of the full journey (tests/journeys/full-journey.test.ts): thirty people
 * with a plan each — qualify, fall for the trap, get screened out, decline the call, or leave
 * half-way — who answer the "Customers vs users" template on a phone, through the page's
 * own controls. The expected figures on the dashboard are counted from this list.
 */
import type { Browser, Page } from "playwright-core";
import { choiceOptions, customerVsUserTemplate, minimumPageMs, type Question } from "@sieve/core";
import { screenshot, watchPageErrors } from "./browser.js";

export type ChannelKey = "reddit" | "facebook";

/** What the person sets out to do; the outcome the server should record follows from it. */
export type Plan = "qualify" | "trap" | "screened-out" | "declines-call" | "abandons";

/** Answers by option id (labels come from the template, so a reworded option needs no test change). */
export type PersonaAnswers = {
  role: string;
  usage: string;
  size: string;
  vendor: "yes" | "no";
  tools?: string[];
  pays?: string;
  criteria?: string[];
  frustration?: string;
  available?: "yes" | "no";
};

export type Persona = { n: number; channel: ChannelKey; plan: Plan; email: string | null; answers: PersonaAnswers };

const DECIDES = ["opt-decides", "opt-recommends"];
const HANDS_ON = ["opt-use-several-daily", "opt-use-daily", "opt-use-weekly"];
const LARGER = ["opt-size-51-200", "opt-size-201-1000", "opt-size-1000-plus"];

export const definition = customerVsUserTemplate.definition;
const [aboutYou, tools, contact] = definition.pages;
export const pageTitles = { aboutYou: aboutYou!.title, tools: tools!.title, contact: contact!.title };

const question = (id: string): Question => {
  const found = definition.pages.flatMap((p) => p.questions).find((q) => q.id === id);
  if (!found) throw new Error(`the template has no question ${id}`);
  return found;
};
/** The label a respondent sees for an option of a question. */
export function labelOf(questionId: string, optionId: string): string {
  const option = choiceOptions(question(questionId)).find((o) => o.id === optionId);
  if (!option) throw new Error(`${questionId} has no option ${optionId}`);
  return option.label;
}

// ---- the thirty ------------------------------------------------------------------------

const people: Omit<Persona, "n" | "email">[] = [];
const add = (count: number, channel: ChannelKey, plan: Plan, answers: (i: number) => PersonaAnswers) => {
  for (let i = 0; i < count; i++) people.push({ channel, plan, answers: answers(i) });
};
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** Decides or recommends the purchase, rarely in the tool: segment "Customers". */
const customer = (i: number): PersonaAnswers => ({
  role: pick(DECIDES, i),
  usage: pick(["opt-use-monthly", "opt-use-rarely"], i + 1),
  size: pick(["opt-size-11-50", "opt-size-51-200", "opt-size-201-1000", "opt-size-2-10"], i),
  vendor: "no",
  tools: pick([["opt-asana", "opt-jira"], ["opt-monday"], ["opt-jira", "opt-spreadsheets"]], i),
  pays: pick(["opt-pays-it", "opt-pays-my-team", "opt-pays-other-dept"], i),
  criteria: pick([["opt-crit-price", "opt-crit-security"], ["opt-crit-reporting"], ["opt-crit-integrations", "opt-crit-price", "opt-crit-support"]], i),
  available: "yes",
});
/** In the tool every week, does not decide: segment "Users". */
const user = (i: number): PersonaAnswers => {
  const role = pick(["opt-consulted", "opt-not-involved"], i);
  return {
    role,
    usage: pick(HANDS_ON, i),
    size: pick(["opt-size-2-10", "opt-size-11-50", "opt-size-1000-plus"], i),
    vendor: "no",
    tools: pick([["opt-trello"], ["opt-notion", "opt-clickup"], ["opt-jira"]], i),
    ...(role === "opt-consulted" ? { criteria: pick([["opt-crit-ease"], ["opt-crit-familiar", "opt-crit-ease"]], i) } : {}),
    ...(i % 2 === 0 ? { frustration: pick(["Too many clicks to move a card.", "Notifications I can't tune.", "Search never finds the ticket."], i) } : {}),
    available: "yes",
  };
};
/** Answers page 1 so that one option ends the screener there. */
const screenedOut = (i: number): PersonaAnswers =>
  pick<PersonaAnswers>(
    [
      { role: "opt-no-tool", usage: "opt-use-rarely", size: "opt-size-11-50", vendor: "no" },
      { role: "opt-decides", usage: "opt-use-daily", size: "opt-size-1", vendor: "no" },
      { role: "opt-consulted", usage: "opt-use-weekly", size: "opt-size-51-200", vendor: "yes" },
    ],
    i,
  );

// Reddit: 7 customers + 4 users qualify, 1 trap, 3 screened out, 2 decline the call, 1 leaves.
add(7, "reddit", "qualify", customer);
add(4, "reddit", "qualify", user);
add(1, "reddit", "trap", (i) => ({ ...customer(i + 1), tools: ["opt-asana", "opt-trellisync"] }));
add(3, "reddit", "screened-out", screenedOut);
add(2, "reddit", "declines-call", (i) => ({ ...pick([customer, user], i)(i + 2), available: "no" }));
add(1, "reddit", "abandons", (i) => user(i));
// Facebook: 2 customers + 5 users qualify, 1 trap, 3 screened out, 1 declines the call.
add(2, "facebook", "qualify", (i) => customer(i + 3));
add(5, "facebook", "qualify", (i) => user(i + 1));
add(1, "facebook", "trap", (i) => ({ ...user(i), tools: ["opt-trellisync"] }));
add(3, "facebook", "screened-out", (i) => screenedOut(i + 1));
add(1, "facebook", "declines-call", (i) => ({ ...user(i + 1), available: "no" }));

/** Interleaved so both communities answer at the same time, as they would. */
export const personas: Persona[] = interleave(people).map((p, i) => ({
  ...p,
  n: i + 1,
  email: p.plan === "screened-out" || p.plan === "abandons" ? null : `${p.plan === "trap" ? "trap" : "person"}${String(i + 1).padStart(2, "0")}@example.com`,
}));

function interleave(list: Omit<Persona, "n" | "email">[]) {
  const a = list.filter((p) => p.channel === "reddit");
  const b = list.filter((p) => p.channel === "facebook");
  const out: typeof list = [];
  while (a.length + b.length > 0) {
    const next = a.shift();
    if (next) out.push(next);
    const other = b.shift();
    if (other) out.push(other);
  }
  return out;
}

// ---- what the dashboard should show --------------------------------------------------------

export type Outcome = "qualified" | "disqualified" | "flagged";
/** The outcome the plan leads to; null while the response is partial. */
export const outcomeOf = (p: Persona): Outcome | null =>
  p.plan === "qualify" ? "qualified" : p.plan === "trap" ? "flagged" : p.plan === "abandons" ? null : "disqualified";

/** The template's segments, restated from its definition: which ones a finished response falls in. */
export function segmentsOf(p: Persona): string[] {
  if (p.plan === "abandons") return [];
  const { role, usage, size } = p.answers;
  const decides = DECIDES.includes(role);
  const handsOn = HANDS_ON.includes(usage);
  return [
    ...(decides && !handsOn ? ["seg-customers"] : []),
    ...(handsOn && !decides ? ["seg-users"] : []),
    ...(decides && handsOn ? ["seg-both"] : []),
    ...(LARGER.includes(size) ? ["seg-larger-teams"] : []),
  ];
}

export const count = (pred: (p: Persona) => boolean) => personas.filter(pred).length;

// ---- one respondent on a phone ---------------------------------------------------------------

/** A distinct phone per person: the server tells people apart by network and browser, and here all share 127.0.0.1. */
export const phoneUserAgent = (n: number) =>
  `Mozilla/5.0 (Linux; Android 14; Pixel ${6 + (n % 3)} Build/UQ1A.${240000 + n}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36`;

const qualifiedTitle = definition.endScreens.qualified.title;
const notAMatchTitle = definition.endScreens.disqualified.title;

/**
 * A person reads a page before pressing Next. The server flags a page answered faster than
 * anyone can read it (speeding); this waits out that minimum from when the page appeared.
 */
async function readFor(page: Page, shownAt: number, pageIndex: number) {
  const wait = shownAt + minimumPageMs(definition.pages[pageIndex]!) + 400 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
}

async function tapOption(page: Page, role: "radio" | "checkbox", label: string) {
  const control = page.getByRole(role, { name: label, exact: true });
  await control.tap();
  if (!(await control.isChecked())) throw new Error(`tapping “${label}” did not select it`);
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

const heading = (page: Page, level: 1 | 2) => () => page.getByRole("heading", { level }).first().textContent();

/** Nothing on a phone page may make it scroll sideways. */
async function fitsTheScreen(page: Page, where: string) {
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (over > 0) throw new Error(`${where} is ${over}px wider than the phone`);
}

export type RespondentRun = { persona: Persona; endTitle: string | null; errors: string[]; url: string };

/**
 * One person on a 390×844 touch phone: opens their community's tracked link, taps through
 * the pages, and stops where their plan says. Screenshots go to tests/artifacts when `shots` is set.
 */
export async function respond(browser: Browser, link: string, persona: Persona, shots?: string): Promise<RespondentRun> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: "en-US",
    userAgent: phoneUserAgent(persona.n),
  });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  const shot = async (name: string) => {
    if (shots) await screenshot(page, `${shots}-${name}`);
  };
  try {
    const { answers } = persona;
    await page.goto(link);
    await waitFor(heading(page, 2), (t) => t === pageTitles.aboutYou, "the first page");
    const url = page.url();
    await fitsTheScreen(page, "page 1");

    // Page 1: about you (every question required).
    await tapOption(page, "radio", labelOf("q-purchase-role", answers.role));
    await tapOption(page, "radio", labelOf("q-usage-frequency", answers.usage));
    await tapOption(page, "radio", labelOf("q-company-size", answers.size));
    await tapOption(page, "radio", labelOf("q-works-for-vendor", answers.vendor));
    await shot("1-about-you");
    await page.getByRole("button", { name: "Next" }).tap();

    if (persona.plan === "screened-out") {
      const title = await waitFor(heading(page, 1), (t) => t === notAMatchTitle, "the end screen after page 1");
      await shot("end-screened-out");
      return { persona, endTitle: title, errors, url };
    }
    await waitFor(heading(page, 2), (t) => t === pageTitles.tools, "the second page");
    const toolsShownAt = Date.now();
    await fitsTheScreen(page, "page 2");
    await waitFor(() => page.locator(".save-status").textContent(), (t) => t === "Answers saved", "page 1 to be saved");
    if (persona.plan === "abandons") {
      // Closes the tab half-way: page 1 is on the server, the rest never comes.
      return { persona, endTitle: null, errors, url };
    }

    // Page 2: tools, and what the first answers made visible.
    for (const tool of answers.tools ?? []) await tapOption(page, "checkbox", labelOf("q-tools", tool));
    if (answers.pays) await tapOption(page, "radio", labelOf("q-who-pays", answers.pays));
    for (const c of answers.criteria ?? []) await tapOption(page, "checkbox", labelOf("q-decision-criteria", c));
    if (answers.frustration) {
      const box = page.getByRole("textbox", { name: /What slows you down most/ });
      await box.tap();
      await box.pressSequentially(answers.frustration);
    }
    await shot("2-tools");
    await readFor(page, toolsShownAt, 1);
    await page.getByRole("button", { name: "Next" }).tap();

    // Page 3: the call, an email, consent.
    await waitFor(heading(page, 2), (t) => t === pageTitles.contact, "the third page");
    const contactShownAt = Date.now();
    await fitsTheScreen(page, "page 3");
    await tapOption(page, "radio", labelOf("q-available", answers.available ?? "yes"));
    const email = page.getByRole("textbox", { name: /What email should we use/ });
    await email.tap();
    await email.pressSequentially(persona.email!);
    await tapOption(page, "checkbox", "I agree");
    await shot("3-contact");
    await readFor(page, contactShownAt, 2);
    await page.getByRole("button", { name: "Submit" }).tap();

    const expected = persona.plan === "qualify" ? qualifiedTitle : notAMatchTitle;
    const title = await waitFor(heading(page, 1), (t) => t === expected, `the end screen “${expected}”`);
    await shot(`end-${persona.plan}`);
    return { persona, endTitle: title, errors, url };
  } finally {
    await context.close();
  }
}

/** Runs `task` over `items`, at most `width` at a time, in order of start. */
export async function inPool<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
