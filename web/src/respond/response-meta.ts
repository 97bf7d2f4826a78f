import type { ResponseMeta } from "./submit";

const UTM = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;

/**
 * Where this visit came from: UTM parameters of the page URL (the /c/:code redirect
 * keeps them), the referring site's origin only, and the browser's language.
 */
export function captureMeta(): ResponseMeta {
  const meta: ResponseMeta = {};
  const params = new URLSearchParams(window.location.search);
  for (const key of UTM) {
    const value = params.get(key);
    if (value) meta[key] = value.slice(0, 200);
  }
  try {
    const origin = new URL(document.referrer).origin;
    if (origin !== "null") meta.referrer = origin.slice(0, 200);
  } catch {
    // No referrer (typed address, app, privacy settings).
  }
  // A BCP 47 tag; the server accepts up to 35 characters.
  if (navigator.language) meta.language = navigator.language.slice(0, 35);
  return meta;
}
