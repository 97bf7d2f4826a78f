// Saving a response: PUT /api/public/responses/:id after each page and at the end.
// The id is generated in the browser, so every retry of the same save is idempotent.
import type { Answers, Issue } from "@sieve/core";

/** Which end screen the server chose. */
export type EndKey = "qualified" | "disqualified" | "over_quota" | "closed";

export interface SubmitReply {
  status: string;
  next: "continue" | "end";
  end?: EndKey;
}

export interface SubmitInput {
  responseId: string;
  slug: string;
  channel: string | null;
  answers: Answers;
  complete: boolean;
}

export type SubmitOutcome =
  | { kind: "saved"; reply: SubmitReply }
  /** The endpoint does not exist on this server (404/405): nothing was recorded. */
  | { kind: "unavailable" }
  | { kind: "invalid"; issues: Issue[] }
  | { kind: "closed"; endScreen: { title: string; body: string } | undefined }
  | { kind: "failed"; reason: "network" | "server" };

/** Sends the answers so far; never throws, every way it can end is a value. */
export async function submitResponse(input: SubmitInput): Promise<SubmitOutcome> {
  const body: Record<string, unknown> = { survey: input.slug, answers: input.answers, complete: input.complete };
  if (input.channel) body.channel = input.channel;
  let res: Response;
  try {
    res = await fetch(`/api/public/responses/${encodeURIComponent(input.responseId)}`, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: "failed", reason: "network" };
  }
  const payload = await readJson(res);
  if (res.ok) {
    const reply = replyFrom(payload);
    return reply ? { kind: "saved", reply } : { kind: "failed", reason: "server" };
  }
  const error = field(payload, "error");
  const code = field(error, "code");
  const details = field(error, "details");
  if (code === "survey_closed") return { kind: "closed", endScreen: endScreenFrom(field(details, "endScreen")) };
  if (res.status === 404 || res.status === 405) return { kind: "unavailable" };
  if (res.status === 400 || res.status === 422) {
    const issues = issuesFrom(field(details, "issues"));
    if (issues.length > 0) return { kind: "invalid", issues };
  }
  return { kind: "failed", reason: "server" };
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}

/** An own property of a JSON value, or undefined. */
export function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && Object.hasOwn(value, key)
    ? (Reflect.get(value, key) as unknown)
    : undefined;
}

const END_KEYS: readonly EndKey[] = ["qualified", "disqualified", "over_quota", "closed"];

function replyFrom(payload: unknown): SubmitReply | undefined {
  const next = field(payload, "next");
  if (next !== "continue" && next !== "end") return undefined;
  const status = field(payload, "status");
  const end = END_KEYS.find((key) => key === field(payload, "end"));
  return { status: typeof status === "string" ? status : "", next, ...(end ? { end } : {}) };
}

/** The `{ title, body }` of a closed-survey error, when the server sent one. */
export function endScreenFrom(value: unknown): { title: string; body: string } | undefined {
  const title = field(value, "title");
  const body = field(value, "body");
  return typeof title === "string" ? { title, body: typeof body === "string" ? body : "" } : undefined;
}

function issuesFrom(value: unknown): Issue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): Issue[] => {
    const path = field(item, "path");
    const code = field(item, "code");
    const message = field(item, "message");
    if (!Array.isArray(path) || typeof code !== "string" || typeof message !== "string") return [];
    return [{ path: path.filter((p) => typeof p === "string" || typeof p === "number"), code, message }];
  });
}
