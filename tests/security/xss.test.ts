import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { SurveyDefinitionInput } from "@sieve/core";
import { createTestApp, type Agent, type TestApp } from "@sieve/server/testing";
import { launchBrowser } from "../support/browser.js";
import { repoRoot } from "../support/server-process.js";

/**
 * Stored XSS: a corpus of payloads goes into every text a researcher (or an invited
 * member) can type — survey title and description, page titles, question titles, help,
 * options, matrix rows and columns, scale labels, statements, consent text, end screens,
 * link previews, segment and quota names, channel names, workspace names and user names —
 * and real Chromium renders the survey list, members, every editor tab (with its phone
 * preview), the share tab and the respondent page through to the end screen.
 *
 * Each payload would set `window.__xss = true` (or open a dialog) and carries a `data-xss`
 * attribute, so it is caught both when it runs and when it merely becomes markup. Pages
 * are checked twice: with our Content-Security-Policy, and in a context that bypasses CSP
 * — escaping must hold on its own, not only behind the policy.
 */

const PAYLOADS = [
  `<script>window.__xss=true</script>`,
  `<img src=x data-xss onerror="window.__xss=true">`,
  `"><svg data-xss onload="window.__xss=true">`,
  `' autofocus onfocus='window.__xss=true' data-xss='`,
  `" autofocus onfocus="window.__xss=true" data-xss="`,
  `javascript:window.__xss=true//`,
  `\${(window.__xss=true)}`,
  `{{constructor.constructor('window.__xss=true')()}}`,
  "$` $& $' $$ $1 $<x>",
  `</title><script>window.__xss=true</script>`,
  `</textarea><img src=x data-xss onerror=window.__xss=true>`,
  `<a href="javascript:window.__xss=true" data-xss>x</a>`,
  `<iframe data-xss srcdoc="<script>parent.__xss=true</script>">`,
  `<svg><animate data-xss onbegin=window.__xss=true attributeName=x>`,
  `"><img src=x data-xss onerror=alert(document.domain)>`,
  `<style data-xss>*{background:url(//evil.example/x)}</style>`,
];

/** Payloads packed into at most `max` characters, starting at payload `start` (so fields rotate through the corpus). */
function pack(start: number, max: number, prefix = ""): string {
  let out = prefix;
  for (let i = 0; i < PAYLOADS.length; i++) {
    const p = PAYLOADS[(start + i) % PAYLOADS.length]!;
    if ((out + p).length > max) break;
    out += p;
  }
  return out;
}

function xssDefinition(variant: number): SurveyDefinitionInput {
  let field = variant * 5;
  const t = (max: number) => pack(field++, max);
  const opts = (n: number, firstEffect: "qualify" | null) =>
    Array.from({ length: n }, (_, i) => ({ id: `o${i}`, label: t(300), effect: i === 0 ? firstEffect : null }));
  return {
    schemaVersion: 1,
    title: pack(variant, 200, `XSS ${variant} `),
    description: t(2000),
    estimatedMinutes: 2,
    pages: [
      {
        id: "p1",
        title: t(200),
        questions: [
          { id: "role", type: "single_choice", title: t(500), help: t(1000), required: true, options: opts(PAYLOADS.length, "qualify"), allowOther: true },
          { id: "tools", type: "multiple_choice", title: t(500), help: t(1000), options: opts(4, null) },
          { id: "pick", type: "dropdown", title: t(500), options: opts(3, null) },
          { id: "note", type: "statement", title: t(500), body: t(5000) },
          { id: "why", type: "short_text", title: t(500), help: t(1000) },
          { id: "happy", type: "rating", title: t(500), scale: 5, lowLabel: t(100), highLabel: t(100) },
          { id: "count", type: "number", title: t(500), unit: "<b>u</b>" },
          {
            id: "grid",
            type: "matrix",
            title: t(500),
            rows: [{ id: "r1", label: t(300) }, { id: "r2", label: t(300) }],
            columns: [{ id: "c1", label: t(300) }, { id: "c2", label: t(300) }],
          },
        ],
      },
      {
        id: "p2",
        title: t(200),
        questions: [
          { id: "long", type: "long_text", title: t(500), help: t(1000) },
          { id: "ok", type: "consent", title: t(500), text: t(5000) },
          { id: "email", type: "email", title: t(500), help: t(1000) },
        ],
      },
    ],
    segments: PAYLOADS.map((_, i) => ({
      id: `s${i}`,
      name: pack(i + variant, 80),
      color: "#2563eb",
      when: { op: "and", conditions: [{ source: "answer", questionId: "role", operator: "equals", value: "o0" }] },
    })),
    quotas: PAYLOADS.slice(0, 4).map((_, i) => ({ id: `q${i}`, name: pack(i + 7 + variant, 80), segmentId: `s${i}`, cap: 1000 })),
    endScreens: {
      qualified: { title: t(200), body: `${t(4000)} https://example.com/"><img src=x data-xss onerror=window.__xss=true> javascript:window.__xss=true` },
      disqualified: { title: t(200), body: t(5000) },
      over_quota: { title: t(200), body: t(5000), redirectUrl: `https://example.com/done?x="><script>window.__xss=true</script>` },
      closed: { title: t(200), body: t(5000) },
    },
    settings: {
      collectEmail: true,
      consentText: t(5000),
      linkPreview: { title: pack(variant + 3, 200), description: pack(variant + 9, 500) },
    },
  };
}

const HTML_PAGES = ["/app", "/login", "/app/surveys/x", "/setup/x", "/join/x", "/r/x"];

type Finding = string;

/** Everything in the page (and its frames) that shows a payload turned into code or markup. */
async function findings(page: Page): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const frame of page.frames()) {
    const found = await frame
      .evaluate(() => {
        const problems: string[] = [];
        if ((window as unknown as { __xss?: boolean }).__xss === true) problems.push("window.__xss became true");
        for (const el of Array.from(document.querySelectorAll("*"))) {
          for (const attr of Array.from(el.attributes)) {
            const name = attr.name.toLowerCase();
            const value = attr.value.trim().toLowerCase();
            if (name === "data-xss") problems.push(`payload element <${el.tagName.toLowerCase()} data-xss>`);
            if (name.startsWith("on")) problems.push(`event handler attribute ${name}="${attr.value.slice(0, 60)}" on <${el.tagName.toLowerCase()}>`);
            if (["href", "src", "action", "formaction", "xlink:href", "srcdoc"].includes(name) && (value.startsWith("javascript:") || name === "srcdoc")) {
              problems.push(`${name}="${attr.value.slice(0, 60)}" on <${el.tagName.toLowerCase()}>`);
            }
          }
        }
        for (const s of Array.from(document.scripts)) if (s.textContent?.includes("__xss")) problems.push("an inline <script> with a payload");
        return problems;
      })
      .catch(() => [] as string[]);
    out.push(...found.map((f) => `${frame === page.mainFrame() ? "page" : `frame ${frame.name() || frame.url()}`}: ${f}`));
  }
  return out;
}

/** The page shows at least one payload as data (text or a form value): the check above is not vacuous. */
async function showsPayloadAsData(page: Page): Promise<boolean> {
  for (const frame of page.frames()) {
    const shown = await frame
      .evaluate(() => {
        const values = Array.from(document.querySelectorAll("input, textarea, select")).map((e) => (e as HTMLInputElement).value);
        return [document.body?.innerText ?? "", ...values].some((t) => t.includes("__xss=true"));
      })
      .catch(() => false);
    if (shown) return true;
  }
  return false;
}

describe("stored XSS in real Chromium", () => {
  let t: TestApp;
  let server: ServerType;
  let base: string;
  let browser: Browser;
  let owner: Agent;
  const surveys: { id: string; slug: string; title: string; description: string; preview: { title: string; description: string } }[] = [];
  const contexts: { name: string; context: BrowserContext; dialogs: string[]; cspViolations: string[] }[] = [];
  const bookingTokens: string[] = [];

  const ok = async (p: Promise<{ status: number; body: any }>, status: number, what: string) => {
    const r = await p;
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    return r.body;
  };

  beforeAll(async () => {
    t = await createTestApp({ webDist: join(repoRoot, "web", "dist"), config: { publicRateLimit: 1_000_000 } });
    const setup = await t.setupOwner({ name: pack(0, 120), workspaceName: pack(1, 120), email: "owner@xss.example" });
    owner = setup.agent;
    // More names: members (user names) and workspaces the owner can switch to.
    for (let i = 0; i < 6; i++) {
      const invite = await ok(owner.json("POST", "/api/workspace/members", { body: { email: `m${i}@xss.example`, role: "editor" } }), 201, "invite");
      const token = String(invite.invite.url).split("/join/")[1];
      await ok(t.agent().json("POST", `/api/invites/${token}/accept`, { body: { name: pack(i * 3 + 2, 120), password: "member password 1" } }), 201, "accept");
    }
    for (let i = 0; i < 4; i++) await ok(owner.json("POST", "/api/workspaces", { body: { name: pack(i * 4 + 3, 120) } }), 201, "workspace");
    await ok(owner.json("POST", "/api/auth/workspace", { body: { workspaceId: setup.workspaceId } }), 200, "switch back");

    for (const variant of [0, 1]) {
      const created = await ok(owner.json("POST", "/api/surveys", { body: { definition: xssDefinition(variant) } }), 201, "create");
      const s = created.survey;
      await ok(owner.json("POST", `/api/surveys/${s.id}/publish`), 200, "publish");
      for (let i = 0; i < PAYLOADS.length; i++) {
        await ok(owner.json("POST", `/api/surveys/${s.id}/channels`, { body: { name: pack(i + variant, 80), kind: "other" } }), 201, "channel");
      }
      await ok(owner.json("POST", `/api/surveys/${s.id}/result-links`, { body: { hideText: false } }), 201, "results link");
      // Respondents with payload answers and names, invited with payload messages, and slots with payload places:
      // the results, people, slots and outbox pages and the booking page show them.
      for (let r = 0; r < 3; r++) {
        const answers = { role: { other: pack(r + 2, 300) }, why: pack(r + 4, 300), long: pack(r, 2000), email: `r${variant}-${r}@xss.example` };
        await ok(t.agent().json("PUT", `/api/public/responses/${crypto.randomUUID()}`, { body: { survey: s.slug, answers, complete: true } }), 200, "response");
      }
      const people = await ok(owner.json("GET", `/api/surveys/${s.id}/respondents`), 200, "respondents");
      for (const [r, person] of (people.respondents as { id: string }[]).entries()) {
        await ok(owner.json("PATCH", `/api/respondents/${person.id}`, { body: { name: pack(r * 5 + variant, 200) } }), 200, "respondent name");
      }
      const invited = await ok(
        owner.json("POST", `/api/surveys/${s.id}/invitations`, {
          body: { respondentIds: people.respondents.map((x: { id: string }) => x.id), subject: pack(variant + 6, 200), body: `${pack(variant, 3000)}\n{{booking_link}}\n${pack(variant + 8, 3000)}` },
        }),
        201,
        "invitations",
      );
      bookingTokens.push(...invited.invitations.map((x: { link: string }) => x.link.split("/b/")[1]!));
      await ok(
        owner.json("POST", "/api/slots", {
          body: { kind: "single", date: `2030-03-1${variant}`, time: "10:00", timeZone: "UTC", durationMinutes: 30, surveyId: s.id, location: pack(variant + 2, 300), meetingUrl: `https://example.com/?q="><script>window.__xss=true</script>` },
        }),
        201,
        "slot",
      );
      surveys.push({ id: s.id, slug: s.slug, title: s.definition.title, description: s.definition.description, preview: s.definition.settings.linkPreview });
    }

    server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    const session = owner.cookie!.split("=")[1]!;
    for (const [name, bypassCSP] of [["with CSP", false], ["without CSP", true]] as const) {
      const context = await browser.newContext({ bypassCSP, viewport: { width: 1360, height: 900 } });
      await context.addCookies([{ name: "sieve_session", value: session, domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax" }]);
      // Nothing may leave the machine (payload URLs, the test redirect target).
      await context.route((url) => url.hostname !== "127.0.0.1", (route) => route.abort());
      contexts.push({ name, context, dialogs: [], cspViolations: [] });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await t?.cleanup();
  });

  const visit = async (
    ctx: (typeof contexts)[number],
    path: string,
    ready: (page: Page) => Promise<unknown>,
    act?: (page: Page) => Promise<void>,
    options: { idle?: boolean } = {},
  ) => {
    const page = await ctx.context.newPage();
    page.on("dialog", (d) => {
      ctx.dialogs.push(`${path}: ${d.message()}`);
      void d.dismiss();
    });
    page.on("console", (m) => {
      if (/Content.Security.Policy/i.test(m.text())) ctx.cspViolations.push(`${path}: ${m.text()}`);
    });
    await page.goto(base + path);
    await ready(page);
    // Pages with a live view keep a connection open: "network idle" never comes.
    if (options.idle !== false) await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
    else await page.waitForTimeout(1000);
    const problems = await findings(page);
    const shown = await showsPayloadAsData(page);
    if (act) await act(page);
    await page.close();
    return { problems, shown };
  };

  const h1 = (page: Page) => expect.poll(() => page.getByRole("heading", { level: 1 }).first().textContent(), { timeout: 10_000 }).toBeTruthy();

  for (const which of ["with CSP", "without CSP"]) {
    describe(which, () => {
      const ctx = () => contexts.find((c) => c.name === which)!;
      const expectClean = (label: string, r: { problems: Finding[]; shown: boolean }) => {
        expect(r.problems, label).toEqual([]);
        expect(r.shown, `${label}: no payload rendered as data — the page did not show our content`).toBe(true);
      };

      it("the survey list and the members page", async () => {
        expectClean("survey list", await visit(ctx(), "/app", (p) => expect.poll(() => p.getByText("XSS 0").first().isVisible(), { timeout: 10_000 }).toBe(true)));
        expectClean("members", await visit(ctx(), "/app/members", h1));
        expectClean("tokens", await visit(ctx(), "/app/settings/tokens", h1));
      });

      it("every editor tab with its phone preview, and the share tab", async () => {
        for (const s of surveys) {
          for (const tab of ["", "/logic", "/end-screens", "/settings", "/share"]) {
            const r = await visit(ctx(), `/app/surveys/${s.id}${tab}`, async (p) => {
              await h1(p);
              if (tab === "/share") await expect.poll(() => p.locator(".channel-card").count(), { timeout: 10_000 }).toBe(PAYLOADS.length);
            });
            expectClean(`editor ${tab || "/questions"} of ${s.slug}`, r);
          }
        }
      });

      it("the respondent page, from the first page to the end screen", async () => {
        for (const s of surveys) {
          const first = await visit(ctx(), `/s/${s.slug}`, h1, async (page) => {
            await page.getByRole("radio").first().check();
            await page.getByRole("button", { name: "Next" }).click();
            await expect.poll(() => page.getByRole("button", { name: "Submit" }).isVisible(), { timeout: 10_000 }).toBe(true);
            const second = await findings(page);
            expect(second, "respondent page 2").toEqual([]);
            await page.getByRole("button", { name: "Submit" }).click();
            await expect.poll(() => page.locator(".end-screen").count(), { timeout: 10_000 }).toBe(1);
            expect(await findings(page), "end screen").toEqual([]);
            expect(await showsPayloadAsData(page), "end screen shows the payload text").toBe(true);
            const links = await page.locator(".end-screen a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
            for (const href of links) expect(href).toMatch(/^https?:\/\//);
          });
          expectClean(`respondent page ${s.slug}`, first);
        }
      });

      it("results, people, slots and outbox pages", async () => {
        for (const s of surveys) {
          expectClean(`results of ${s.slug}`, await visit(ctx(), `/app/surveys/${s.id}/results`, h1, undefined, { idle: false }));
          expectClean(`responses of ${s.slug}`, await visit(ctx(), `/app/surveys/${s.id}/results?view=responses`, h1, undefined, { idle: false }));
          expectClean(`people of ${s.slug}`, await visit(ctx(), `/app/surveys/${s.id}/people`, h1));
        }
        expectClean("slots", await visit(ctx(), "/app/slots", h1));
        expectClean("outbox", await visit(ctx(), "/app/outbox", h1));
      });

      it("the booking page a respondent gets", async () => {
        for (const token of bookingTokens.slice(0, 2)) {
          expectClean(`booking ${token.slice(0, 6)}`, await visit(ctx(), `/b/${token}`, h1));
        }
      });

      it("a shared results link", async () => {
        // The link's URL is shown once; read one from a fresh creation.
        const link = await ok(owner.json("POST", `/api/surveys/${surveys[0]!.id}/result-links`, { body: { hideText: false } }), 201, "link");
        const path = new URL(link.link.url).pathname;
        const r = await visit(ctx(), path, (p) => p.waitForLoadState("networkidle").catch(() => undefined));
        expect(r.problems, "shared results").toEqual([]);
      });

      it("no dialog opened and (with CSP) nothing was refused by the policy", () => {
        expect(ctx().dialogs).toEqual([]);
        expect(ctx().cspViolations).toEqual([]);
      });
    });
  }

  it("the respondent page's server-rendered title and link-preview tags carry the text exactly, and nothing else", async () => {
    for (const s of surveys) {
      const res = await fetch(`${base}/s/${s.slug}`);
      const html = await res.text();
      const page = await contexts[0]!.context.newPage();
      await page.goto(`${base}/app`);
      const parsed = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, "text/html");
        const meta = (sel: string) => doc.querySelector(sel)?.getAttribute("content") ?? null;
        return {
          titles: doc.querySelectorAll("title").length,
          title: doc.querySelector("title")?.textContent ?? null,
          ogTitle: meta('meta[property="og:title"]'),
          twitterTitle: meta('meta[name="twitter:title"]'),
          description: meta('meta[name="description"]'),
          ogDescription: meta('meta[property="og:description"]'),
          charsets: doc.querySelectorAll("meta[charset]").length,
          scripts: Array.from(doc.querySelectorAll("script")).map((x) => x.getAttribute("src")),
          dataXss: doc.querySelectorAll("[data-xss]").length,
        };
      }, html);
      await page.close();
      const title = s.preview.title || s.title;
      const description = s.preview.description || s.description;
      expect(parsed).toEqual({
        titles: 1,
        title,
        ogTitle: title,
        twitterTitle: title,
        description,
        ogDescription: description,
        charsets: 1,
        scripts: [expect.stringMatching(/^\/assets\/[\w.-]+\.js$/)],
        dataXss: 0,
      });
    }
  });

  it("end-screen redirects accept only http(s) URLs", async () => {
    const s = surveys[0]!;
    const current = (await owner.json("GET", `/api/surveys/${s.id}`)).body.survey;
    const attempts = [
      "javascript:window.__xss=true",
      "JAVASCRIPT:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "//evil.example/",
      "/relative/path",
      "file:///etc/passwd",
    ];
    for (const redirectUrl of attempts) {
      const definition = { ...current.definition, endScreens: { ...current.definition.endScreens, qualified: { title: "Done", body: "", redirectUrl } } };
      const res = await owner.json("PUT", `/api/surveys/${s.id}/definition`, { body: { revision: current.revision, definition } });
      expect(res.status, redirectUrl).toBe(400);
    }
    expect((await owner.json("GET", `/api/surveys/${s.id}`)).body.survey.revision).toBe(current.revision);
  });

  it("HTML pages carry a strict Content-Security-Policy", async () => {
    for (const path of [...HTML_PAGES, `/s/${surveys[0]!.slug}`, "/s/no-such-survey", "/no-such-page", "/api/docs"]) {
      const res = await fetch(base + path, { redirect: "manual" });
      await res.arrayBuffer();
      const policy = res.headers.get("content-security-policy");
      expect(policy, path).toBeTruthy();
      const directives = new Map(
        policy!.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!.toLowerCase(), values.map((v) => v.toLowerCase())]),
      );
      const scriptSrc = directives.get("script-src") ?? directives.get("default-src");
      expect(scriptSrc, `${path}: script-src`).toBeDefined();
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:", "blob:"]) expect(scriptSrc, `${path}: script-src ${bad}`).not.toContain(bad);
      expect(directives.get("object-src"), `${path}: object-src`).toEqual(["'none'"]);
      expect(["'none'", "'self'"]).toContain(directives.get("base-uri")?.join(" "));
      expect(directives.get("frame-ancestors"), `${path}: frame-ancestors`).toEqual(["'none'"]);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });
});

describe("CSV export neutralises spreadsheet formulas", () => {
  const FORMULAS = [
    `=HYPERLINK("https://evil.example","click")`,
    `=cmd|' /C calc'!A0`,
    `+1+1`,
    `-2+3`,
    `@SUM(1+1)`,
    `\t=1+1`,
    `\r=1+1`,
    `=1+1\n=2+2`,
  ];

  /** RFC 4180 parsing: quoted fields with doubled quotes and embedded newlines. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") {
        row.push(cell);
        cell = "";
      } else if (ch === "\r" && text[i + 1] === "\n") {
        row.push(cell);
        rows.push(row);
        row = [];
        cell = "";
        i++;
      } else cell += ch;
    }
    if (cell !== "" || row.length > 0) rows.push([...row, cell]);
    return rows;
  }

  it("prefixes every cell a spreadsheet would run — answers, headers, channel and segment names — and keeps numbers", async () => {
    const t = await createTestApp({ config: { publicRateLimit: 1_000_000 } });
    try {
      const { agent } = await t.setupOwner();
      const definition: SurveyDefinitionInput = {
        schemaVersion: 1,
        title: "=Formula survey",
        pages: [
          {
            id: "p1",
            questions: [
              { id: "role", type: "single_choice", title: "+Role", required: true, options: [{ id: "a", label: "=A", effect: "qualify" }, { id: "b", label: "@B", effect: null }], allowOther: true },
              { id: "tools", type: "multiple_choice", title: "-Tools", options: [{ id: "x", label: "=X", effect: null }], allowOther: true },
              { id: "why", type: "short_text", title: "=Why" },
              { id: "long", type: "long_text", title: "@Long" },
              { id: "n", type: "number", title: "=N" },
              { id: "grid", type: "matrix", title: "=Grid", rows: [{ id: "r1", label: "+Row" }], columns: [{ id: "c1", label: "=C1" }, { id: "c2", label: "-C2" }] },
              { id: "email", type: "email", title: "=Email" },
            ],
          },
        ],
        segments: [{ id: "seg", name: "@Segment", color: "#2563eb", when: { op: "and", conditions: [{ source: "answer", questionId: "role", operator: "answered" }] } }],
        settings: { consentText: "I agree to be contacted about this study." },
      };
      const survey = (await agent.json("POST", "/api/surveys", { body: { definition } })).body.survey;
      const published = await agent.json("POST", `/api/surveys/${survey.id}/publish`);
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      const channel = (await agent.json("POST", `/api/surveys/${survey.id}/channels`, { body: { name: "=Channel()", kind: "reddit" } })).body.channel;
      for (const [i, f] of FORMULAS.entries()) {
        const res = await t.agent().json("PUT", `/api/public/responses/${crypto.randomUUID()}`, {
          body: {
            survey: survey.slug,
            channel: channel.code,
            answers: { role: { other: f }, tools: ["x", { other: f }], why: f, long: f, n: -5 - i, grid: { r1: "c2" }, email: `f${i}@example.com` },
            complete: true,
          },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
      const res = await agent.request("GET", `/api/surveys/${survey.id}/export.csv?include_emails=1`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
      const rows = parseCsv(new TextDecoder().decode(bytes));
      expect(rows.length).toBe(1 + FORMULAS.length);
      const dangerous = rows.flatMap((row, r) => row.map((cell, c) => ({ r, c, cell }))).filter(({ cell }) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));
      expect(dangerous).toEqual([]);
      // Not vacuous: the formulas are there, neutralised, in answers, headers and names.
      // (Answers are stored trimmed, so "\t=1+1" arrives as "=1+1" — and is still neutralised.)
      for (const f of FORMULAS) expect(rows.some((row) => row.includes(`'${f.trim()}`) || row.includes(`'${f}`)), f).toBe(true);
      expect(rows[0]).toEqual(expect.arrayContaining(["'=Why", "'@Long", "'=N", "'=Email"]));
      expect(rows[1]).toEqual(expect.arrayContaining(["'=Channel()", "'@Segment"]));
      const numbers = rows.slice(1).map((row) => row[rows[0]!.indexOf("'=N")]);
      expect(numbers.sort()).toEqual(FORMULAS.map((_, i) => String(-5 - i)).sort());
    } finally {
      await t.cleanup();
    }
  });
});
