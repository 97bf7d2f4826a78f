/**
 * Setting up surveys the way an integrator does: `pnpm sieve user:create` and
 * `token:create` on the data directory, then the HTTP API with the Bearer token.
 */
import type { SurveyDefinitionInput } from "@sieve/core";
import { runCli } from "./server-process.js";

/** Creates a user (and workspace) and prints a personal API token for them. Run before or while serving. */
export function createApiToken(env: Record<string, string>, email = "researcher@example.com"): string {
  const user = runCli(["user:create", "--email", email, "--password", "a long password", "--workspace", "Research"], env);
  if (user.status !== 0) throw new Error(`user:create failed: ${user.stderr}`);
  const token = runCli(["token:create", "--email", email, "--name", "tests"], env);
  if (token.status !== 0) throw new Error(`token:create failed: ${token.stderr}`);
  return token.stdout.trim();
}

export type Api = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;

export function apiClient(baseUrl: string, token: string): Api {
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : ({} as never) };
  };
}

/** Creates and publishes a survey; returns its id and public slug. */
export async function publishSurvey(api: Api, definition: SurveyDefinitionInput): Promise<{ id: string; slug: string }> {
  const created = await api<{ survey: { id: string; slug: string } }>("POST", "/api/surveys", { definition });
  if (created.status !== 201) throw new Error(`create survey: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await api("POST", `/api/surveys/${created.body.survey.id}/publish`);
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return created.body.survey;
}

/**
 * A three-page screener that exercises the respondent page's main controls: radios,
 * checkboxes, a rating scale, text, email and a consent checkbox. Choosing "I do" qualifies.
 */
export function threePageScreener(title = "How your team takes notes"): SurveyDefinitionInput {
  return {
    schemaVersion: 1,
    title,
    description: "Three short pages about note-taking at work.",
    estimatedMinutes: 2,
    pages: [
      {
        id: "p1",
        title: "Your role",
        questions: [
          {
            id: "role",
            type: "single_choice",
            title: "Who decides which note-taking tool your team buys?",
            required: true,
            options: [
              { id: "me", label: "I do", effect: "qualify" },
              { id: "boss", label: "My manager", effect: null },
              { id: "nobody", label: "We don't use one", effect: "disqualify" },
            ],
          },
          {
            id: "tools",
            type: "multiple_choice",
            title: "Which tools have you used in the last month?",
            options: [
              { id: "notion", label: "Notion", effect: null },
              { id: "obsidian", label: "Obsidian", effect: null },
              { id: "onenote", label: "OneNote", effect: null },
            ],
          },
        ],
      },
      {
        id: "p2",
        title: "Your habits",
        questions: [
          { id: "happy", type: "rating", title: "How happy are you with your current tool?", required: true, scale: 5, lowLabel: "Not at all", highLabel: "Very" },
          { id: "why", type: "short_text", title: "What would you change about it?" },
        ],
      },
      {
        id: "p3",
        title: "Stay in touch",
        questions: [
          { id: "email", type: "email", title: "Your email, so we can invite you", required: true },
          { id: "ok", type: "consent", title: "Consent", text: "I agree to be contacted about this study.", required: true },
        ],
      },
    ],
    settings: { collectEmail: true, consentText: "I agree to be contacted about this study." },
  };
}
