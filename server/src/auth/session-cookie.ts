import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Config } from "../config.js";

export const SESSION_COOKIE = "sieve_session";

function isHttps(c: Context, config: Config): boolean {
  if (config.publicUrl) return config.publicUrl.startsWith("https://");
  if (config.trustProxy && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https") return true;
  return new URL(c.req.url).protocol === "https:";
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context, config: Config, token: string, expiresAt: Date, now: Date) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c, config),
    path: "/",
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(c: Context, config: Config) {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c, config), httpOnly: true, sameSite: "Lax" });
}

/** The origin this request was addressed to, as the browser saw it. */
export function requestOrigin(c: Context, config: Config): string {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  const url = new URL(c.req.url);
  if (config.trustProxy) {
    const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
    const host = c.req.header("x-forwarded-host")?.split(",")[0]?.trim();
    return `${proto ?? url.protocol.replace(":", "")}://${host ?? url.host}`;
  }
  return url.origin;
}
