import { afterEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { migrateToLatest } from "./migrate.js";
import { createEmptyTestDb, testDialects, type TestDb } from "../testing/test-db.js";

describe.each(testDialects)("migrations on %s", (dialect) => {
  let t: TestDb;
  afterEach(async () => t?.cleanup());

  it("creates every table from an empty database", async () => {
    t = await createEmptyTestDb(dialect);
    const result = await migrateToLatest(t.db);
    expect(result).toMatchObject({ ok: true, applied: ["2026-11-22T1000-foundation", "2026-11-22T1100-responses", "2026-11-22T1200-result-links", "2026-11-22T1300-interviews"] });
    const tables = (await t.db.introspection.getTables()).map((x) => x.name).sort();
    expect(tables).toEqual(
      expect.arrayContaining([
        "answers", "api_tokens", "audit_log", "channels", "emails", "instance", "invitations", "mail_suppressions", "memberships",
        "rate_limits", "respondents", "responses", "sessions", "slots", "survey_versions", "surveys", "users", "workspace_invites", "workspaces",
      ]),
    );
  });

  it("is a no-op when already at the latest migration", async () => {
    t = await createEmptyTestDb(dialect);
    await migrateToLatest(t.db);
    expect(await migrateToLatest(t.db)).toEqual({ ok: true, applied: [] });
  });

  it("enforces foreign keys", async () => {
    t = await createEmptyTestDb(dialect);
    await migrateToLatest(t.db);
    await expect(
      t.db.insertInto("memberships").values({ workspace_id: "nope", user_id: "nope", role: "owner", created_at: "x" }).execute(),
    ).rejects.toThrow();
  });

  it("generates answer ids on insert", async () => {
    t = await createEmptyTestDb(dialect);
    await migrateToLatest(t.db);
    await sql`insert into workspaces (id, name, created_at) values ('w', 'W', 'now')`.execute(t.db);
    await sql`insert into surveys (id, workspace_id, title, slug, status, draft_definition, revision, created_at, updated_at)
      values ('s', 'w', 'S', 'slug', 'draft', '{}', 1, 'now', 'now')`.execute(t.db);
    await sql`insert into responses (id, survey_id, version, status, segments, flags, meta, started_at, updated_at)
      values ('r', 's', 1, 'partial', '[]', '[]', '{}', 'now', 'now')`.execute(t.db);
    const inserted = await t.db
      .insertInto("answers")
      .values([
        { response_id: "r", survey_id: "s", question_id: "q", option_id: "a", value_text: null, value_number: null },
        { response_id: "r", survey_id: "s", question_id: "q", option_id: "b", value_text: null, value_number: 2.5 },
      ])
      .returning(["id", "value_number"])
      .execute();
    expect(inserted).toHaveLength(2);
    expect(inserted[0]!.id).not.toEqual(inserted[1]!.id);
    expect(inserted[1]!.value_number).toBe(2.5);
  });
});
