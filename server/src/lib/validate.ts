/**
 * Validate once at the boundary with a zod schema, then trust the types.
 * Failures become 400 `invalid_request` with every issue and its path. A JSON body
 * holding text no database can store (NUL, a lone surrogate: storable-text.ts) is
 * refused the same way, before any schema sees it.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import { validator } from "hono/validator";
import type { z } from "zod";
import { AppError } from "../errors.js";
import { readBodyText } from "./request-body.js";
import { findUnstorableText, mayHoldUnstorableText } from "./storable-text.js";

export type FieldIssue = { path: (string | number)[]; code: string; message: string };

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    code: i.code,
    message: i.message,
  }));
}

export function invalid(where: string, issues: FieldIssue[]): AppError {
  const first = issues[0];
  const hint = first ? ` (${first.path.join(".") || where}: ${first.message})` : "";
  return new AppError(400, "invalid_request", `The request ${where} is not valid${hint}`, { issues });
}

/** Parse with a schema or throw a 400 listing every issue. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where = "body"): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(where, zodIssues(parsed.error));
  return parsed.data;
}

/** Deeper than any valid body; recursive schemas (condition groups) would overflow the stack long before 1 MiB. */
export const MAX_JSON_DEPTH = 64;

/** The deepest [ / { nesting in a JSON text, strings skipped; one linear pass, no recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \\ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) max = Math.max(max, ++depth);
    else if (ch === 93 || ch === 125) depth--;
  }
  return max;
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/(.+\+)?json(\s*;.*)?$/i.test(type.trim())) {
    throw new AppError(415, "unsupported_media_type", "Send the body as application/json");
  }
  const text = await readBodyText(c);
  if (text.trim() === "") throw new AppError(400, "invalid_json", "The request body is empty");
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw new AppError(400, "invalid_json", `The request body is nested more than ${MAX_JSON_DEPTH} levels deep`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError(400, "invalid_json", "The request body is not valid JSON");
  }
  const bad = mayHoldUnstorableText(text) ? findUnstorableText(value) : null;
  if (bad) throw invalid("body", [{ path: bad.path, code: "invalid_text", message: bad.message }]);
  return value;
}

/**
 * JSON body validator middleware. Unlike hono's `validator("json")` it owns the parsing,
 * so a malformed or empty body is our 400 `invalid_json` and a non-JSON type a 415.
 */
export const jsonBody =
  <S extends z.ZodType>(schema: S): MiddlewareHandler<AppEnv, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> =>
  async (c, next) => {
    const data = parseOrThrow(schema, await readJson(c), "body");
    c.req.addValidatedData("json", data as object);
    await next();
  };

/** Query string validator middleware. */
export const queryParams = <S extends z.ZodType>(schema: S) =>
  validator("query", (value) => parseOrThrow(schema, value, "query") as z.output<S>);
