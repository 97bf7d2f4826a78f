/**
 * HTTP code throws a few typed AppErrors; one onError handler renders
 * `{ error: { code, message, details? } }`. Anything else is a bug: it is logged
 * with the request id and answered with a generic 500 that leaks nothing.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "./ops/logger.js";

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
export const notFound = (what = "Resource") => new AppError(404, "not_found", `${what} not found`);
export const forbidden = (message = "You do not have permission to do this") =>
  new AppError(403, "forbidden", message);
export const unauthenticated = () => new AppError(401, "unauthenticated", "Sign in to continue");
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(409, code, message, details);

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function createErrorHandler(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof AppError) {
      return c.json(errorBody(err.code, err.message, err.details), err.status);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      const code = status === 413 ? "payload_too_large" : status === 401 ? "unauthenticated" : "http_error";
      return c.json(errorBody(code, err.message || "Request failed"), status as ContentfulStatusCode);
    }
    logger.error("unhandled error", {
      requestId: c.get("requestId" as never),
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    return c.json(errorBody("internal", "Something went wrong on our side"), 500);
  };
}
