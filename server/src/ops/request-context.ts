import type { MiddlewareHandler } from "hono";
import { randomUUID } from "node:crypto";
import type { AppEnv } from "../app-env.js";
import type { Logger } from "./logger.js";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * A request id (the proxy's X-Request-Id if well-formed, else a new one), echoed back
 * and put on the access log line. The log names the matched route pattern, never the
 * raw path or query, because paths carry tokens (/join/:token) and slugs.
 */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set("requestId", requestId);
    c.header("X-Request-Id", requestId);
    const started = performance.now();
    await next();
    logger.info("request", {
      requestId,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * A strict Content-Security-Policy and the usual hardening headers on every response. They are
 * set before the route runs, so the response is built with them; setting a header on a finished
 * response would make @hono/node-server rebuild it as a full web Response. A route that returns
 * a Response of its own gets them after the fact.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
  await next();
  if (c.res.headers.get("content-security-policy") === null) for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
};

const SECURITY_HEADERS: [string, string][] = [
  ["Content-Security-Policy", CSP],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Frame-Options", "DENY"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
];
