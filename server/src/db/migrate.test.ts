import { afterEach, describe, expect, it } from "vitest";
import { Migrator, sql } from "kysely";
import { migrations } from "./migrations/index.js";
import { migrateToLatest } from "./migrate.js";
import { createEmptyTestDb, testDialects, type TestDb } from "../testing/test-db.js";

describe.each(testDialects)("migrations on %s", (dialect) => {
  let t: TestDb;
  afterEach(async () => t?.cleanup());

  it("creates every table from an empty database", async () => {
    t = await createEmptyTestDb(dialect);
    const result = await migrateToLatest(t.db);
    expect(result).toMatchObject({ ok: true, applied: ["2026-11-22T1000-foundation", "2026-11-22T1100-responses", "2026-11-22T1200-result-links", "2026-11-22T1300-interviews", "2026-11-22T1400-result-rollups", "2026-11-22T1500-booking-offers", "2026-11-22T1600-answer-indexes", "2026-11-22T1700-email-send-before"] });
    const tables = (await t.db.introspection.getTables()).map((x) => x.name).sort();
    expect(tables).toEqual(
      expect.arrayContaining([
        "answers", "api_tokens", "audit_log", "booking_offers", "channels", "emails", "instance", "invitations", "mail_suppressions", "memberships",
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

  it("counts responses stored before the results rollups existed", async () => {
    t = await createEmptyTestDb(dialect);
    const migrator = new Migrator({ db: t.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo("2026-11-22T1300-interviews")).error).toBeUndefined();
    await sql`insert into workspaces (id, name, created_at) values ('w', 'W', 'now')`.execute(t.db);
    await sql`insert into surveys (id, workspace_id, title, slug, status, draft_definition, revision, created_at, updated_at)
      values ('s', 'w', 'S', 'slug', 'open', '{}', 1, 'now', 'now')`.execute(t.db);
    for (const [id, status, outcome] of [["r1", "complete", "qualified"], ["r2", "complete", "qualified"], ["r3", "partial", null]] as const) {
      await sql`insert into responses (id, survey_id, version, status, outcome, segments, flags, meta, started_at, updated_at)
        values (${id}, 's', 1, ${status}, ${outcome}, '["buyers"]', '[]', '{}', '2026-11-20T10:00:00.000Z', 'now')`.execute(t.db);
      await sql`insert into answers (response_id, survey_id, question_id, option_id) values (${id}, 's', 'role', 'me')`.execute(t.db);
      await sql`insert into response_segments (response_id, survey_id, segment_id) values (${id}, 's', 'buyers')`.execute(t.db);
    }
    const result = await migrateToLatest(t.db);
    expect(result.ok && result.applied).toContain("2026-11-22T1400-result-rollups");
    const profiles = await t.db.selectFrom("result_profiles").select(["day", "outcome", "segments", "responses"]).execute();
    expect(profiles.map((p) => ({ ...p, responses: Number(p.responses) }))).toEqual([{ day: "2026-11-20", outcome: "qualified", segments: '["buyers"]', responses: 2 }]);
    const counts = await t.db.selectFrom("result_counts").select(["kind", "option_id", "n"]).orderBy("kind").execute();
    expect(counts.map((c) => ({ ...c, n: Number(c.n) }))).toEqual([{ kind: "a", option_id: "", n: 2 }, { kind: "c", option_id: "me", n: 2 }]);
    expect(await t.db.selectFrom("result_profile_segments").select("segment_id").execute()).toEqual([{ segment_id: "buyers" }]);
  });

  it.runIf(dialect === "postgres")("introspects only its own schema, so other schemas coming and going cannot fail a migration", async () => {
    t = await createEmptyTestDb(dialect);
    await migrateToLatest(t.db);
    const other = `other_${Date.now().toString(36)}`;
    await sql.raw(`create schema ${other}; create table ${other}.stranger (id int)`).execute(t.db);
    try {
      const names = (await t.db.introspection.getTables()).map((x) => x.name);
      expect(names).toContain("responses");
      expect(names).not.toContain("stranger");
      expect(names).not.toContain("kysely_migration");
      expect((await t.db.introspection.getTables({ withInternalKyselyTables: true })).map((x) => x.name)).toContain("kysely_migration");
      // Schemas dropped while this one migrates and introspects do not disturb it.
      const churn = Array.from({ length: 20 }, (_, i) => sql.raw(`create schema ${other}_${i}; drop schema ${other}_${i}`).execute(t.db));
      await Promise.all([...churn, ...Array.from({ length: 20 }, () => t.db.introspection.getTables())]);
    } finally {
      await sql.raw(`drop schema ${other} cascade`).execute(t.db);
    }
  });
});
