/**
 * The work behind `pnpm sieve <command>`. Each command takes its dependencies and
 * returns what to print, so tests run them against a real database without a shell.
 */
import type { Kysely } from "kysely";
import {
  evaluateScreener,
  evaluateSegments,
  findTemplate,
  generateDemoResponses,
  type SurveyDefinition,
} from "@sieve/core";
import type { Database } from "../db/database.js";
import type { Clock, IdGenerator } from "../ops/clock.js";
import type { PasswordHasher } from "../auth/passwords.js";
import { EmailSchema, PasswordSchema } from "../auth/auth-schemas.js";
import { countUsers, createApiToken, findUserByEmail } from "../auth/auth-repository.js";
import { createAccountWithWorkspace } from "../auth/create-account.js";
import { addMembership, findMembership, insertWorkspace, listWorkspacesForUser } from "../workspaces/workspace-repository.js";
import { writeTransaction } from "../db/transactions.js";
import { insertSurvey, insertVersion } from "../surveys/survey-repository.js";
import { insertChannel } from "../channels/channel-repository.js";
import { insertResponse, touchSurveyActivity } from "../responses/response-repository.js";
import { newSlug, randomCode } from "../lib/slug.js";
import { randomToken } from "../auth/secrets.js";

export type CliDeps = { db: Kysely<Database>; ids: IdGenerator; clock: Clock; passwords: PasswordHasher };

export class CliError extends Error {}

async function workspaceFor(db: Kysely<Database>, userId: string, workspace: string | undefined) {
  const all = await listWorkspacesForUser(db, userId);
  if (workspace === undefined) {
    const first = all[0];
    if (!first) throw new CliError("That user is not a member of any workspace");
    return first;
  }
  const match = all.find((w) => w.id === workspace || w.name === workspace);
  if (!match) throw new CliError(`That user is not a member of a workspace named or with id "${workspace}"`);
  return match;
}

/** `user:create`: a new user; with --workspace, joins (as owner) or creates that workspace. */
export async function userCreate(
  deps: CliDeps,
  args: { email: string; password: string; name?: string; workspace?: string },
): Promise<string> {
  const email = EmailSchema.safeParse(args.email);
  if (!email.success) throw new CliError("--email must be a valid email address");
  const password = PasswordSchema.safeParse(args.password);
  if (!password.success) throw new CliError(`--password: ${password.error.issues[0]?.message ?? "invalid"}`);
  if (await findUserByEmail(deps.db, email.data)) throw new CliError(`A user with email ${email.data} already exists`);
  const name = args.name?.trim() || email.data.split("@")[0]!;
  const passwordHash = await deps.passwords.hash(password.data);
  const now = deps.clock.now();
  return writeTransaction(deps.db, async (trx) => {
    const existing = args.workspace
      ? await trx.selectFrom("workspaces").select(["id", "name"]).where((eb) => eb.or([eb("id", "=", args.workspace!), eb("name", "=", args.workspace!)])).executeTakeFirst()
      : undefined;
    if (existing) {
      const { user } = await createAccountWithWorkspace(trx, deps, { email: email.data, name, passwordHash, workspaceName: `${name}'s workspace` });
      await addMembership(trx, { workspaceId: existing.id, userId: user.id, role: "owner", now });
      return `Created user ${user.email} (${user.id}), owner of "${existing.name}" and of a personal workspace.`;
    }
    const { user, workspace } = await createAccountWithWorkspace(trx, deps, {
      email: email.data,
      name,
      passwordHash,
      workspaceName: args.workspace ?? `${name}'s workspace`,
    });
    return `Created user ${user.email} (${user.id}), owner of workspace "${workspace.name}" (${workspace.id}).`;
  });
}

/** `token:create`: prints a new personal API token once. */
export async function tokenCreate(deps: CliDeps, args: { email: string; name: string; workspace?: string }): Promise<string> {
  const user = await findUserByEmail(deps.db, args.email);
  if (!user) throw new CliError(`No user with email ${args.email}`);
  if (!args.name.trim()) throw new CliError("--name must not be empty");
  const workspace = await workspaceFor(deps.db, user.id, args.workspace);
  const { secret } = await createApiToken(deps.db, {
    id: deps.ids.newId(),
    userId: user.id,
    workspaceId: workspace.id,
    name: args.name.trim().slice(0, 80),
    now: deps.clock.now(),
  });
  return secret;
}

const DEMO_CHANNELS = [
  { name: "r/SaaS", kind: "reddit", weight: 4 },
  { name: "Indie Founders (Facebook group)", kind: "facebook", weight: 3 },
  { name: "LinkedIn post", kind: "linkedin", weight: 2 },
  { name: "Product newsletter", kind: "newsletter", weight: 1 },
] as const;

/**
 * `seed:demo`: a demo workspace with a published screener, four community links and
 * `count` generated responses, so a newcomer sees real charts at once.
 */
export async function seedDemo(deps: CliDeps, args: { email?: string; count: number }): Promise<string> {
  const template = findTemplate("customer-vs-user");
  if (!template) throw new CliError("The customer-vs-user template is missing");
  let lines: string[] = [];
  let user = args.email ? await findUserByEmail(deps.db, args.email) : undefined;
  if (args.email && !user) throw new CliError(`No user with email ${args.email}`);
  if (!user && (await countUsers(deps.db)) > 0) {
    user = await deps.db.selectFrom("users").selectAll().orderBy("created_at").limit(1).executeTakeFirst();
  }
  if (!user) {
    const password = randomToken(12);
    await userCreate(deps, { email: "demo@example.com", password, name: "Demo Researcher", workspace: "Personal" });
    user = await findUserByEmail(deps.db, "demo@example.com");
    lines.push(`Created demo@example.com with password ${password} (shown once).`);
  }
  const owner = user!;
  const now = deps.clock.now();
  const definition: SurveyDefinition = structuredClone(template.definition);
  const workspaceId = deps.ids.newId();
  const surveyId = deps.ids.newId();
  const channels = DEMO_CHANNELS.map((c) => ({ ...c, id: deps.ids.newId(), code: randomCode(7) }));
  const start = new Date(now.getTime() - 14 * 86_400_000);
  const generated = generateDemoResponses(definition, {
    count: args.count,
    seed: `sieve-demo-${args.count}`,
    channels: channels.map((c) => ({ code: c.code, kind: c.kind, weight: c.weight })),
    start,
    end: now,
  });
  await writeTransaction(deps.db, async (trx) => {
    await insertWorkspace(trx, { id: workspaceId, name: "Sieve demo", now });
    if (!(await findMembership(trx, workspaceId, owner.id))) {
      await addMembership(trx, { workspaceId, userId: owner.id, role: "owner", now });
    }
    await insertSurvey(trx, { id: surveyId, workspaceId, slug: newSlug(), definition, createdBy: owner.id, now: start });
    await insertVersion(trx, { surveyId, workspaceId, version: 1, revision: 1, definition, status: "open", publishedBy: owner.id, now: start });
    for (const c of channels) {
      await insertChannel(trx, { id: c.id, workspaceId, surveyId, name: c.name, kind: c.kind, code: c.code, now: start });
    }
    const byCode = new Map(channels.map((c) => [c.code, c]));
    let last = start;
    for (const r of generated) {
      const channel = r.channelCode ? byCode.get(r.channelCode) ?? null : null;
      const ctx = { channel: channel ? { code: channel.code, kind: channel.kind } : null };
      const screener = evaluateScreener(definition, r.answers, ctx, { complete: r.complete });
      const completedAt = r.complete ? new Date(r.startedAt.getTime() + r.durationMs) : null;
      const outcome = !r.complete || screener.outcome === "undecided" ? null : screener.outcome;
      await insertResponse(
        trx,
        definition,
        {
          id: deps.ids.newId(),
          surveyId,
          version: 1,
          channelId: channel?.id ?? null,
          status: r.complete ? "complete" : "partial",
          outcome,
          reason: screener.reason ? screener.reason.rule : null,
          segments: r.complete ? evaluateSegments(definition, r.answers, ctx) : [],
          flags: outcome === "flagged" ? ["trap"] : [],
          meta: {},
          respondentId: null,
          dedupeHash: null,
          startedAt: r.startedAt,
          updatedAt: completedAt ?? r.startedAt,
          completedAt,
        },
        r.answers,
      );
      if ((completedAt ?? r.startedAt) > last) last = completedAt ?? r.startedAt;
    }
    await touchSurveyActivity(trx, surveyId, last);
    // The funnel above the responses: more people click than view, more view than start.
    const funnel = new Map<string, { survey_id: string; channel_id: string; day: string; clicks: number; views: number; starts: number; completes: number }>();
    generated.forEach((r, i) => {
      const channelId = (r.channelCode ? byCode.get(r.channelCode)?.id : undefined) ?? "";
      const day = r.startedAt.toISOString().slice(0, 10);
      const key = `${channelId}|${day}`;
      const row = funnel.get(key) ?? { survey_id: surveyId, channel_id: channelId, day, clicks: 0, views: 0, starts: 0, completes: 0 };
      row.starts += 1;
      row.completes += r.complete ? 1 : 0;
      // Deterministic drop-off before the first answer: about 1 in 3 viewers never start.
      row.views += 1 + (i % 2);
      row.clicks += channelId ? 1 + (i % 2) + (i % 5 === 0 ? 1 : 0) : 0;
      funnel.set(key, row);
    });
    const rows = [...funnel.values()];
    for (let i = 0; i < rows.length; i += 100) await trx.insertInto("funnel_counts").values(rows.slice(i, i + 100)).execute();
  });
  lines = [
    ...lines,
    `Seeded workspace "Sieve demo" for ${owner.email}: survey "${definition.title}" with ${channels.length} channels and ${generated.length} responses.`,
  ];
  return lines.join("\n");
}
