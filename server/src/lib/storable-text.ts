/**
 * Text every database can store. SQLite keeps a NUL character (U+0000) and turns a lone
 * surrogate into U+FFFD without a word; Postgres refuses NUL outright (`invalid byte
 * sequence for encoding "UTF8": 0x00`), which used to surface as a 500 on Postgres only.
 * Neither is ever part of real input, so both are refused at the boundary, the same way
 * on every database: in JSON bodies (validate.ts), and in the URL (path parameters and
 * query values) by `rejectUnstorableUrl` below, before any route runs.
 */
import type { MiddlewareHandler } from "hono";
import { errorBody } from "../errors.js";

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored, or null when it can. */
export function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "Text may not contain a NUL character (\\u0000)";
  if (LONE_SURROGATE.test(text)) return "Text may not contain an unpaired surrogate (it is not valid Unicode)";
  return null;
}

export type TextIssue = { path: (string | number)[]; message: string };

/**
 * The first string — value or property name — in a parsed JSON value that cannot be
 * stored, with its path. Iterative, and each node keeps only a link to its parent (the
 * path is built for the one bad string), so it is linear at any depth and width.
 */
export function findUnstorableText(value: unknown): TextIssue | null {
  type Node = { value: unknown; key: string | number | null; parent: Node | null };
  const pathOf = (node: Node | null, last?: string) => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let n = node; n && n.key !== null; n = n.parent) path.push(n.key);
    return path.reverse();
  };
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === "string") {
      const message = textProblem(v);
      if (message) return { path: pathOf(node), message };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: node });
    } else if (v !== null && typeof v === "object") {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const message = textProblem(key);
        if (message) return { path: pathOf(node, key), message: `${message} (in a property name)` };
        stack.push({ value: (v as Record<string, unknown>)[key], key, parent: node });
      }
    }
  }
  return null;
}

/**
 * A JSON text can only carry NUL or a lone surrogate as a `\u` escape: raw control
 * characters are not valid JSON, and decoding the body as UTF-8 never yields a lone
 * surrogate. Without any escape, the walk is skipped.
 */
export function mayHoldUnstorableText(jsonText: string): boolean {
  return jsonText.includes("\\u");
}

/**
 * 400 for a URL whose path or query string decodes to a NUL character (`%00`). Lone
 * surrogates cannot come out of a URL: their percent-encoded bytes are not valid UTF-8,
 * so the router leaves them undecoded. Answers `{ error }` under /api, a plain page elsewhere.
 */
export const rejectUnstorableUrl: MiddlewareHandler = async (c, next) => {
  const url = c.req.url;
  const rest = url.slice(url.indexOf("/", url.indexOf("//") + 2));
  if (!/%00/i.test(rest)) return next();
  const message = "The URL may not contain a NUL character (%00)";
  if (c.req.path === "/api" || c.req.path.startsWith("/api/")) {
    return c.json(errorBody("invalid_request", message, { issues: [{ path: [], code: "invalid_text", message }] }), 400);
  }
  return c.html(`<!doctype html><title>Bad request</title><p>${message}. <a href="/app">Go to Sieve</a></p>`, 400);
};
