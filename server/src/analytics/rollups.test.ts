import { afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { evaluateScreener, evaluateSegments, generateDemoResponses, parseResultsFilter, surveyTemplates, type ResultsAggregates } from "@sieve/core";
import { createTestApp, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { writeTransaction } from "../db/transactions.js";
import { insertResponse } from "../responses/response-repository.js";
import { backfillResultRollups } from "../db/migrations/2026-11-22T1400-result-rollups.js";
import { surveyResults, type SurveyResults } from "./results-repository.js";

/** Results in a canonical order, so two sources can be compared with toEqual. */
function canonical(r: SurveyResults) {
  const sortBy = <T>(xs: T[]) => [...xs].map((x) => JSON.stringify(x)).sort();
  const a: ResultsAggregates = r.aggregates;
  return {
    columns: sortBy(a.columns),
    answered: sortBy(a.answered),
    choices: sortBy(a.choices),
    numbers: sortBy(a.numbers),
    totals: sortBy(r.overview.totals.map((t) => ({ ...t, outcome: t.outcome || null }))),
    overTime: r.overview.overTime,
    byChannel: sortBy(r.overview.byChannel.map((t) => ({ ...t, outcome: t.outcome || null }))),
    segmentSizes: sortBy(r.overview.segmentSizes),
  };
}

describe.each(testDialects)("results rollups on %s", (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.cleanup());

  /** A published survey from a template, three channels and `count` generated responses stored the way the product stores them. */
  async function seeded(templateId: string, count: number) {
    t = await createTestApp({ dialect });
    const { agent: owner } = await t.setupOwner();
    const created = await owner.json("POST", "/api/surveys", { body: { templateId } });
    const survey = created.body.survey as { id: string; slug: string };
    await owner.json("POST", `/api/surveys/${survey.id}/publish`);
    const definition = (await owner.json("GET", `/api/surveys/${survey.id}`)).body.survey.definition;
    const channels: { id: string; code: string; kind: string }[] = [];
    for (const [i, kind] of ["reddit", "facebook", "newsletter"].entries()) {
      const res = await owner.json("POST", `/api/surveys/${survey.id}/channels`, { body: { name: `${kind} ${i}`, kind, code: `code${i}x` } });
      channels.push({ id: res.body.channel.id, code: res.body.channel.code, kind });
    }
    const generated = generateDemoResponses(definition, {
      count,
      seed: templateId,
      channels: channels.map((c) => ({ code: c.code, kind: c.kind as "reddit", weight: 1 })),
      start: new Date("2026-11-01T00:00:00Z"),
      end: new Date("2026-11-08T00:00:00Z"),
    });
    await writeTransaction(t.db, async (trx) => {
      for (const [i, r] of generated.entries()) {
        // Every seventh response came through a direct link.
        const channel = i % 7 === 0 ? null : (channels.find((c) => c.code === r.channelCode) ?? null);
        const ctx = { channel: channel ? { code: channel.code, kind: channel.kind as "reddit" } : null };
        const screener = evaluateScreener(definition, r.answers, ctx, { complete: r.complete });
        const outcome = !r.complete || screener.outcome === "undecided" ? null : screener.outcome;
        await insertResponse(
          trx,
          definition,
          {
            id: randomUUID(),
            surveyId: survey.id,
            version: 1,
            channelId: channel?.id ?? null,
            status: r.complete ? "complete" : "partial",
            outcome,
            reason: null,
            segments: r.complete ? evaluateSegments(definition, r.answers, ctx) : [],
            flags: [],
            meta: {},
            respondentId: null,
            dedupeHash: null,
            startedAt: r.startedAt,
            updatedAt: r.startedAt,
            completedAt: r.complete ? new Date(r.startedAt.getTime() + r.durationMs) : null,
          },
          r.answers,
        );
      }
    });
    return { owner, survey, definition, channels, generated };
  }

  const filters = (segments: string[], channels: string[]) => [
    "",
    "split=segment",
    "split=channel",
    "split=outcome",
    "status=all&split=segment",
    "status=partial",
    "status=all&split=channel",
    "from=2026-11-03&to=2026-11-05&split=segment",
    `channel=${channels[0]}&channel=direct&split=outcome`,
    `channel=${channels[1]}&status=all`,
    "outcome=qualified&outcome=flagged&split=channel",
    ...segments.map((s) => `segment=${s}&split=channel`),
    `segment=${segments.join(",")}&from=2026-11-02&split=segment`,
  ];

  it.each(surveyTemplates.map((x) => x.id))("match the answers, filter by filter, for the %s template", async (templateId) => {
    const { survey, definition, channels, generated, owner } = await seeded(templateId, dialect === "sqlite" ? 240 : 120);
    expect(generated.some((r) => !r.complete)).toBe(true);
    const ids = channels.map((c) => c.id);
    const segments = (definition.segments as { id: string }[]).map((s) => s.id);
    const check = async (qs: string, known: string[]) => {
      const parsed = parseResultsFilter(new URLSearchParams(qs));
      if (!parsed.ok) throw new Error(qs);
      const [fromRollups, fromAnswers] = await Promise.all([
        surveyResults(t.db, survey.id, parsed.value, known, "auto"),
        surveyResults(t.db, survey.id, parsed.value, known, "answers"),
      ]);
      expect(canonical(fromRollups), qs).toEqual(canonical(fromAnswers));
      return fromRollups;
    };
    const all = await check("split=segment", ids);
    expect(all.aggregates.columns.reduce((s, c) => s + c.n, 0)).toBeGreaterThan(0);
    for (const qs of filters(segments, ids)) await check(qs, ids);

    // A deleted channel's responses become direct ones in both sources.
    expect((await owner.json("DELETE", `/api/surveys/${survey.id}/channels/${ids[0]}`)).status).toBeLessThan(300);
    for (const qs of [...filters(segments, ids), `channel=${ids[0]}`, "channel=direct&split=channel"]) await check(qs, ids.slice(1));
  });

  it("counts completions through the public API, and a rebuild reproduces the same rollups", async () => {
    const { survey, owner, definition, channels } = await seeded("customer-vs-user", 60);
    const more = generateDemoResponses(definition, {
      count: 40,
      seed: "public",
      channels: [{ code: channels[1]!.code, kind: "facebook", weight: 1 }],
      start: new Date("2026-11-05T00:00:00Z"),
      end: new Date("2026-11-06T00:00:00Z"),
    }).filter((r) => r.complete);
    expect(more.length).toBeGreaterThan(5);
    for (const [i, r] of more.entries()) {
      // Each from their own browser: the survey takes one response per person.
      const res = await t.agent().json("PUT", `/api/public/responses/${randomUUID()}`, {
        headers: { "user-agent": `respondent ${i}` },
        body: { survey: survey.slug, channel: channels[1]!.code, answers: r.answers, complete: true },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    // Rollup rows named by their profile's key (ids differ between a rebuild and the original).
    const snapshot = async () => {
      const profiles = await t.db.selectFrom("result_profiles").selectAll().where("survey_id", "=", survey.id).execute();
      const keyOf = new Map(profiles.map((p) => [p.id, `${p.day}|${p.channel_id}|${p.outcome}|${p.segments}`]));
      const counts = await t.db
        .selectFrom("result_counts as c")
        .innerJoin("result_profiles as p", "p.id", "c.profile_id")
        .select(["c.profile_id", "c.question_id", "c.kind", "c.option_id", "c.row_id", "c.value", "c.n"])
        .where("p.survey_id", "=", survey.id)
        .execute();
      const segments = await t.db
        .selectFrom("result_profile_segments as s")
        .innerJoin("result_profiles as p", "p.id", "s.profile_id")
        .select(["s.profile_id", "s.segment_id"])
        .where("p.survey_id", "=", survey.id)
        .execute();
      return {
        profiles: profiles.map((p) => `${keyOf.get(p.id)}=${Number(p.responses)}`).sort(),
        counts: counts.map((c) => `${keyOf.get(c.profile_id)}|${c.question_id}|${c.kind}|${c.option_id}|${c.row_id}|${Number(c.value)}=${Number(c.n)}`).sort(),
        segments: segments.map((x) => `${keyOf.get(x.profile_id)}|${x.segment_id}`).sort(),
      };
    };
    const before = await owner.json("GET", `/api/surveys/${survey.id}/results`);
    const incremental = await snapshot();
    expect(incremental.counts.length).toBeGreaterThan(50);
    await t.db.deleteFrom("result_profiles").where("survey_id", "=", survey.id).execute();
    await backfillResultRollups(t.db, survey.id);
    const rebuilt = await snapshot();
    expect(rebuilt).toEqual(incremental);
    expect((await owner.json("GET", `/api/surveys/${survey.id}/results`)).body).toEqual(before.body);
    expect(before.body.totals.complete).toBe(more.length + 60 - (await t.db.selectFrom("responses").select("id").where("status", "=", "partial").execute()).length);
  });
});
