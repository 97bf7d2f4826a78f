/**
 * The post-login destination, only if it is a path on this site.
 * Rejects "//host", "/\host", schemes and control characters (browsers strip
 * tabs/newlines and treat "\" as "/", which would turn a path into another origin).
 * @example safeNext("/app/members") === "/app/members"; safeNext("//evil.example") === "/app"
 */
export function safeNext(value: string | null | undefined, fallback = "/app"): string {
  if (!value || value[0] !== "/" || value[1] === "/") return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const url = new URL(value, window.location.origin);
    // "/app/..//evil.com" resolves to the path "//evil.com": a protocol-relative URL.
    if (url.origin !== window.location.origin || url.pathname.startsWith("//")) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
