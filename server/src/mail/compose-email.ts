/**
 * Every email Sieve sends is written as plain text; the HTML part is derived from it
 * (escaped, paragraphs, links made clickable), so the two never disagree. Each ends with
 * why the person gets it and a one-click unsubscribe link.
 */

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const URL_RE = /https?:\/\/[^\s<>"']+/g;

function paragraphsToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(URL_RE, (u) => `<a href="${u}">${u}</a>`).replace(/\n/g, "<br>\n")}</p>`)
    .join("\n");
}

export type ComposedEmail = { text: string; html: string };

/** Body text plus footer → text and HTML parts. */
export function composeEmail(input: { subject: string; body: string; reason: string; unsubscribeUrl: string }): ComposedEmail {
  const body = input.body.replace(/\r\n?/g, "\n").trim();
  const footer = `${input.reason}\nUnsubscribe with one click: ${input.unsubscribeUrl}`;
  const text = `${body}\n\n-- \n${footer}\n`;
  const html = [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36em">',
    paragraphsToHtml(body),
    `<hr><p style="color:#555;font-size:0.85em">${escapeHtml(input.reason)}<br>\n<a href="${escapeHtml(input.unsubscribeUrl)}">Unsubscribe</a></p>`,
    "</body></html>",
  ].join("\n");
  return { text, html };
}

export { escapeHtml };
