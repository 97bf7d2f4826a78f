// Saving a response: PUT /api/public/responses/:id after each page and at the end.
// The id is generated in the browser and the body is built once and stored, so every
// retry of one save is byte-for-byte the same request (the server is idempotent on it).
import type { Answers, Issue } from "@sieve/core";

/** Which end screen the server chose. */
export type EndKey = "qualified" | "disqualified" | "over_quota" | "closed";

export interface SubmitReply {
  status: string;
  next: "continue" | "end";
  end?: EndKey;
}

/** Where the respondent came from; the same values on every save. Strings ≤ 200 chars. */
export type ResponseMeta = Partial<
  Record<"utm_source" | "utm_medium" | "utm_campaign" | "utm_term" | "utm_content" | "referrer" | "language", string>
>;

export interface SaveInput {
  slug: string;
  channel: string | null;
  answers: Answers;
  complete: boolean;
  /** Index (in the definition's pages) of the page just submitted. */
  page: number;
  meta: ResponseMeta;
  /** The honeypot's value: empty for people, filled by form-filling bots. */
  hp: string;
}

/** The JSON body of one save; stored as is so retries are identical. */
export function saveBody(input: SaveInput): string {
  return JSON.stringify({
    survey: input.slug,
    ...(input.channel ? { channel: input.channel } : {}),
    answers: input.answers,
    complete: input.complete,
    page: input.page,
    meta: input.meta,
    hp: input.hp,
  });
}

export type SaveOutcome =
  | { kind: "saved"; reply: SubmitReply }
  /** Network failure, timeout, 5xx, 429: nothing lost, send the same body again later. */
  | { kind: "retry"; afterSeconds: number }
  | { kind: "invalid"; issues: Issue[] }
  | { kind: "closed"; endScreen: EndScreenText | undefined }
  /** 409 already_responded: one response per person, and this person has one. */
  | { kind: "already"; endScreen: EndScreenText | undefined }
  /** 409 response_completed: this response was completed by an earlier request. */
  | { kind: "completed" }
  | { kind: "not_found" }
  /** 413 or another refusal a retry cannot fix. */
  | { kind: "failed" };

export type EndScreenText = { title: string; body: string };

/** Sends one save; never throws, every way it can end is a value. */
export async function sendSave(responseId: string, body: string, keepalive = false): Promise<SaveOutcome> {
  let res: Response;
  try {
    res = await fetch(`/api/public/responses/${encodeURIComponent(responseId)}`, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body,
      keepalive,
      // A hung connection must not hold the queue forever; a retry is idempotent.
      signal: AbortSignal.timeout?.(20_000),
    });
  } catch {
    return { kind: "retry", afterSeconds: 0 };
  }
  const payload = await readJson(res);
  const error = field(payload, "error");
  const code = field(error, "code");
  const details = field(error, "details");
  if (res.ok) {
    const reply = replyFrom(payload);
    return reply ? { kind: "saved", reply } : { kind: "retry", afterSeconds: 0 };
  }
  if (code === "survey_closed" || res.status === 410) return { kind: "closed", endScreen: endScreenFrom(field(details, "endScreen")) };
  if (code === "already_responded") return { kind: "already", endScreen: endScreenFrom(field(details, "endScreen")) };
  if (code === "response_completed") return { kind: "completed" };
  if (res.status === 404) return { kind: "not_found" };
  if (res.status === 400 || res.status === 422) {
    const issues = issuesFrom(field(details, "issues"));
    if (issues.length > 0) return { kind: "invalid", issues };
  }
  if (res.status === 408 || res.status === 429 || res.status >= 500) {
    const after = field(details, "retryAfterSeconds") ?? res.headers.get("Retry-After");
    return { kind: "retry", afterSeconds: Number(after) || 0 };
  }
  return { kind: "failed" };
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
export function endScreenFrom(value: unknown): EndScreenText | undefined {
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
