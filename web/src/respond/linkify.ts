/** A run of end-screen text: plain, or an http(s) URL to render as a link. */
export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// Trailing punctuation usually ends the sentence, not the URL ("see https://x.org.").
const URL_PATTERN = /https?:\/\/[^\s<>"]+/gi;
const TRAILING = /[.,;:!?)\]}'"»”’]+$/;

/**
 * Splits plain text into text and link parts; only http(s) URLs become links, so the
 * result can be rendered as text nodes and <a> elements without any HTML parsing.
 * @example linkify("See https://a.org.") → [text "See ", link "https://a.org", text "."]
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    let url = match[0];
    const trailing = TRAILING.exec(url)?.[0] ?? "";
    url = url.slice(0, url.length - trailing.length);
    const href = safeHref(url);
    if (href === undefined) continue;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push({ kind: "link", text: url, href });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

function safeHref(candidate: string): string | undefined {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
