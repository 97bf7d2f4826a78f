import { describe, expect, it } from "vitest";
import { isPermanentMailError, smtpOptionsFromUrl } from "./mailer.js";
import { retryDelayMs } from "./backoff.js";
import { composeEmail } from "./compose-email.js";

describe("SMTP settings from SMTP_URL", () => {
  it("uses TLS from the first byte for smtps:// (port 465 by default)", () => {
    expect(smtpOptionsFromUrl("smtps://user%40example.com:p%3Ass@mail.example.org")).toMatchObject({
      host: "mail.example.org",
      port: 465,
      secure: true,
      requireTLS: false,
      auth: { user: "user@example.com", pass: "p:ss" },
    });
  });

  it("uses STARTTLS for smtp:// (port 587), required whenever credentials leave the machine", () => {
    expect(smtpOptionsFromUrl("smtp://u:p@mail.example.org")).toMatchObject({ port: 587, secure: false, requireTLS: true });
    expect(smtpOptionsFromUrl("smtp://mail.example.org:25")).toMatchObject({ port: 25, secure: false, requireTLS: false });
    expect(smtpOptionsFromUrl("smtp://u:p@127.0.0.1:2525")).toMatchObject({ port: 2525, requireTLS: false });
  });

  it("refuses other schemes", () => {
    expect(() => smtpOptionsFromUrl("http://mail.example.org")).toThrow(/smtp:\/\//);
  });
});

describe("delivery failures", () => {
  it("treats 5xx replies and refused envelopes as permanent, everything else as worth a retry", () => {
    expect(isPermanentMailError(Object.assign(new Error("x"), { responseCode: 550 }))).toBe(true);
    expect(isPermanentMailError(Object.assign(new Error("x"), { code: "EENVELOPE" }))).toBe(true);
    expect(isPermanentMailError(Object.assign(new Error("x"), { responseCode: 451 }))).toBe(false);
    expect(isPermanentMailError(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe(false);
  });

  it("backs off exponentially from 30 s up to 2 h", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30)).toBe(2 * 60 * 60_000);
  });
});

describe("composed emails", () => {
  it("derives escaped HTML with clickable links from the text, and ends both with the unsubscribe link", () => {
    const mail = composeEmail({ subject: "Hi <you>", body: "Hello & welcome\nline two\n\nBook: https://x.test/b/t?a=1&b=2", reason: "Because.", unsubscribeUrl: "https://x.test/u/abc" });
    expect(mail.text).toBe("Hello & welcome\nline two\n\nBook: https://x.test/b/t?a=1&b=2\n\n-- \nBecause.\nUnsubscribe with one click: https://x.test/u/abc\n");
    expect(mail.html).toContain("<title>Hi &lt;you&gt;</title>");
    expect(mail.html).toContain("<p>Hello &amp; welcome<br>\nline two</p>");
    expect(mail.html).toContain('<a href="https://x.test/b/t?a=1&amp;b=2">https://x.test/b/t?a=1&amp;b=2</a>');
    expect(mail.html).toContain('<a href="https://x.test/u/abc">Unsubscribe</a>');
  });
});
