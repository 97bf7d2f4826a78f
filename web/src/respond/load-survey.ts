import type { PublicDefinition } from "@sieve/core";
import { endScreenFrom, field } from "./submit";

/** The tracked link this visit came through, as the server resolved it. */
export type PublicChannel = { code: string; kind: string };

export interface PublicSurvey {
  slug: string;
  version: number;
  title: string;
  description: string;
  estimatedMinutes: number;
  definition: PublicDefinition;
  channel: PublicChannel | null;
  /** One response per person, and this person has one already. */
  alreadyResponded: boolean;
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

/** GET /api/public/surveys/:slug?c=<channel> (counts a page view); never throws. */
export async function loadSurvey(slug: string, channel: string | null): Promise<LoadOutcome> {
  let res: Response;
  const query = channel ? `?c=${encodeURIComponent(channel)}` : "";
  try {
    res = await fetch(`/api/public/surveys/${encodeURIComponent(slug)}${query}`, {
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
    const channel = field(survey, "channel");
    const code = field(channel, "code");
    const kind = field(channel, "kind");
    return {
      kind: "ready",
      survey: {
        ...(survey as PublicSurvey),
        channel: typeof code === "string" ? { code, kind: typeof kind === "string" ? kind : "" } : null,
        alreadyResponded: field(survey, "alreadyResponded") === true,
      },
    };
  }
  if (res.status === 404) return { kind: "not_found" };
  const error = field(payload, "error");
  if (res.status === 410 || field(error, "code") === "survey_closed") {
    return { kind: "closed", endScreen: endScreenFrom(field(field(error, "details"), "endScreen")) };
  }
  return { kind: "failed" };
}
