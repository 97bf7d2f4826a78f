import type { PublicDefinition } from "@sieve/core";
import { endScreenFrom, field } from "./submit";

export interface PublicSurvey {
  slug: string;
  title: string;
  description: string;
  estimatedMinutes: number;
  definition: PublicDefinition;
}

export type LoadOutcome =
  | { kind: "ready"; survey: PublicSurvey }
  | { kind: "not_found" }
  | { kind: "closed"; endScreen: { title: string; body: string } | undefined }
  | { kind: "failed" };

/** The slug from `/s/:slug`, or undefined on any other path. */
export function slugFromPath(pathname: string): string | undefined {
  const match = /^\/s\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/** GET /api/public/surveys/:slug; never throws. */
export async function loadSurvey(slug: string): Promise<LoadOutcome> {
  let res: Response;
  try {
    res = await fetch(`/api/public/surveys/${encodeURIComponent(slug)}`, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
  } catch {
    return { kind: "failed" };
  }
  let payload: unknown;
  try {
    payload = await res.json();
  } catch {
    payload = undefined;
  }
  if (res.ok) {
    const survey = field(payload, "survey");
    const definition = field(survey, "definition");
    // Same-origin JSON from our own server: a light shape check, not a full parse
    // (the schema library would multiply this page's size).
    if (!Array.isArray(field(definition, "pages"))) return { kind: "failed" };
    return { kind: "ready", survey: survey as PublicSurvey };
  }
  if (res.status === 404) return { kind: "not_found" };
  const error = field(payload, "error");
  if (res.status === 410 || field(error, "code") === "survey_closed") {
    return { kind: "closed", endScreen: endScreenFrom(field(field(error, "details"), "endScreen")) };
  }
  return { kind: "failed" };
}
