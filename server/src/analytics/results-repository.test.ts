import { afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import {
  allQuestions,
  evaluateScreener,
  evaluateSegments,
  generateDemoResponses,
  parseResultsFilter,
  SurveyDefinitionSchema,
  type Answers,
  type ResultsFilter,
  type SurveyDefinition,
  type SurveyDefinitionInput,
} from "@sieve/core";
import { createTestApp, type Agent, type TestApp } from "../testing/create-test-app.js";
import { testDialects } from "../testing/test-db.js";
import { writeTransaction } from "../db/transactions.js";
import { insertResponse } from "../responses/response-repository.js";
import { surveyResults, type SurveyResults } from "./results-repository.js";

const filterOf = (qs: string): ResultsFilter => {
  const parsed = parseResultsFilter(new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(`bad filter ${qs}`);
  return parsed.value;
};

/** Results in a canonical order (the funnel comes from funnel counters, not from answers). */
function canonical(r: Pick<SurveyResults, "aggregates"> & { overview: Omit<SurveyResults["overview"], "funnel"> }) {
  const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    columns: sorted(r.aggregates.columns),
    answered: sorted(r.aggregates.answered),
    choices: sorted(r.aggregates.choices),
    numbers: sorted(r.aggregates.numbers),
    totals: sorted(r.overview.totals),
    overTime: sorted(r.overview.overTime),
    byChannel: sorted(r.overview.byChannel),
    segmentSizes: sorted(r.overview.segmentSizes),
  };
}

type StoredResponse = {
  id: string;
  status: "complete" | "partial";
  outcome: string | null;
  channelId: string | null;
  startedAt: string;
  segments: string[];
  answers: { question_id: string; option_id: string | null; value_text: string | null; value_number: number | null }[];
};

/**
 * What the results say, counted here response by response from the stored rows: an independent
 * statement of the semantics that the SQL must reproduce (respondents per question, options per
 * matrix row, split columns as sets, totals over both statuses, channels of complete responses).
 */
function countedInCode(responses: StoredResponse[], f: ResultsFilter) {
  const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00.000Z`) + 86_400_000).toISOString();
  const matches = (r: StoredResponse) =>
    (!f.from || r.startedAt >= `${f.from}T00:00:00.000Z`) &&
    (!f.to || r.startedAt < dayAfter(f.to)) &&
    (f.channels.length === 0 || f.channels.some((c) => (c === "direct" ? r.channelId === null : r.channelId === c))) &&
    (f.outcomes.length === 0 || (r.outcome !== null && (f.outcomes as string[]).includes(r.outcome))) &&
    (f.segments.length === 0 || r.segments.some((s) => f.segments.includes(s))) &&
    f.answers.every((a) => r.answers.some((x) => x.question_id === a.questionId && x.option_id !== null && a.optionIds.includes(x.option_id)));
  const inStatus = (r: StoredResponse) => f.status === "all" || r.status === f.status;
  const split = f.split;
  const keysOf = (r: StoredResponse): string[] => {
    if (split === null) return [""];
    if (split.by === "channel") return [r.channelId ?? ""];
    if (split.by === "outcome") return [r.outcome ?? ""];
    if (split.by === "segment") return r.segments;
    return [...new Set(r.answers.filter((x) => x.question_id === split.questionId && x.option_id !== null).map((x) => x.option_id!))];
  };
  type Counted<T> = Map<string, { item: T; n: number }>;
  const count = <T>(into: Counted<T>, item: T) => {
    const k = JSON.stringify(item);
    into.set(k, { item, n: (into.get(k)?.n ?? 0) + 1 });
  };
  const selected = responses.filter((r) => matches(r) && inStatus(r));
  const columns: Counted<{ key: string }> = new Map();
  const answered: Counted<{ questionId: string; key: string | null }> = new Map();
  const choices: Counted<{ questionId: string; optionId: string; row: string | null; key: string | null }> = new Map();
  const numbers: Counted<{ questionId: string; value: number; key: string | null }> = new Map();
  for (const r of selected) {
    const keys = split === null ? [] : keysOf(r);
    for (const key of split === null ? [""] : keys) count(columns, { key });
    for (const key of [null, ...keys]) {
      for (const questionId of new Set(r.answers.map((x) => x.question_id))) count(answered, { questionId, key });
      for (const x of r.answers) {
        if (x.option_id !== null) count(choices, { questionId: x.question_id, optionId: x.option_id, row: x.option_id === "__other__" ? null : x.value_text, key });
        if (x.value_number !== null) count(numbers, { questionId: x.question_id, value: x.value_number, key });
      }
    }
  }
  const totals: Counted<{ status: "complete" | "partial"; outcome: string | null }> = new Map();
  const byChannel: Counted<{ channelId: string; outcome: string | null }> = new Map();
  const overTime: Counted<{ day: string }> = new Map();
  const segmentSizes: Counted<{ segmentId: string }> = new Map();
  for (const r of responses.filter(matches)) {
    count(totals, { status: r.status, outcome: r.outcome });
    if (r.status === "complete") count(byChannel, { channelId: r.channelId ?? "", outcome: r.outcome });
  }
  for (const r of selected) {
    count(overTime, { day: r.startedAt.slice(0, 10) });
    for (const segmentId of r.segments) count(segmentSizes, { segmentId });
  }
  const withN = <T>(m: Counted<T>) => [...m.values()].map(({ item, n }) => ({ ...item, n }));
  const withCount = <T>(m: Counted<T>) => [...m.values()].map(({ item, n }) => ({ ...item, count: n }));
  return canonical({
    aggregates: { columns: withN(columns), answered: withN(answered), choices: withCount(choices), numbers: withCount(numbers) },
    overview: { totals: withCount(totals), overTime: withCount(overTime), byChannel: withCount(byChannel), segmentSizes: withCount(segmentSizes) },
  });
}

describe.each(testDialects)("results read from answers on %s", (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.cleanup());

  async function publishedSurvey(owner: Agent, body: { templateId: string } | { definition: SurveyDefinitionInput }) {
    const created = await owner.json("POST", "/api/surveys", { body });
    const survey = created.body.survey as { id: string; slug: string };
    await owner.json("POST", `/api/surveys/${survey.id}/publish`);
    const definition = (await owner.json("GET", `/api/surveys/${survey.id}`)).body.survey.definition as SurveyDefinition;
    return { survey, definition };
  }

  /** Store a response the way the product does: answer rows, segments, rollups. */
  const store = (definition: SurveyDefinition, surveyId: string, r: { status: "complete" | "partial"; version?: number; channelId?: string | null; startedAt?: Date; outcome?: "qualified" | "disqualified" | null; segments?: string[] }, answers: Answers) =>
    writeTransaction(t.db, (trx) =>
      insertResponse(
        trx,
        definition,
        {
          id: randomUUID(),
          surveyId,
          version: r.version ?? 1,
          channelId: r.channelId ?? null,
          status: r.status,
          outcome: r.status === "complete" ? (r.outcome ?? "qualified") : null,
          reason: null,
          segments: r.segments ?? [],
          flags: [],
          meta: {},
          respondentId: null,
          dedupeHash: null,
          startedAt: r.startedAt ?? new Date("2026-11-02T10:00:00Z"),
          updatedAt: r.startedAt ?? new Date("2026-11-02T10:00:00Z"),
          completedAt: r.status === "complete" ? new Date("2026-11-02T10:05:00Z") : null,
        },
        answers,
      ),
    );

  async function storedResponses(surveyId: string): Promise<StoredResponse[]> {
    const [responses, answers, segments] = await Promise.all([
      t.db.selectFrom("responses").select(["id", "status", "outcome", "channel_id", "started_at"]).where("survey_id", "=", surveyId).execute(),
      t.db.selectFrom("answers").select(["response_id", "question_id", "option_id", "value_text", "value_number"]).where("survey_id", "=", surveyId).execute(),
      t.db.selectFrom("response_segments").select(["response_id", "segment_id"]).where("survey_id", "=", surveyId).execute(),
    ]);
    return responses.map((r) => ({
      id: r.id,
      status: r.status,
      outcome: r.outcome,
      channelId: r.channel_id,
      startedAt: r.started_at,
      segments: segments.filter((s) => s.response_id === r.id).map((s) => s.segment_id),
      answers: answers.filter((a) => a.response_id === r.id).map((a) => ({ ...a, value_number: a.value_number === null ? null : Number(a.value_number) })),
    }));
  }

  it.each(["product-feedback-nps", "customer-vs-user", "persona-validation"])(
    "count what a response-by-response count gives, for answer filters and question splits, for the %s template",
    async (templateId) => {
      t = await createTestApp({ dialect });
      const { agent: owner } = await t.setupOwner();
      const { survey, definition } = await publishedSurvey(owner, { templateId });
      const channels: { id: string; code: string }[] = [];
      for (const [i, kind] of ["reddit", "newsletter"].entries()) {
        const res = await owner.json("POST", `/api/surveys/${survey.id}/channels`, { body: { name: kind, kind, code: `code${i}x` } });
        channels.push({ id: res.body.channel.id, code: res.body.channel.code });
      }
      const generated = generateDemoResponses(definition, {
        count: dialect === "sqlite" ? 160 : 80,
        seed: `answers:${templateId}`,
        channels: channels.map((c) => ({ code: c.code, kind: "reddit" as const, weight: 1 })),
        start: new Date("2026-11-01T00:00:00Z"),
        end: new Date("2026-11-05T00:00:00Z"),
      });
      for (const [i, r] of generated.entries()) {
        const channel = i % 5 === 0 ? null : (channels.find((c) => c.code === r.channelCode) ?? null);
        const ctx = { channel: channel ? { code: channel.code, kind: "reddit" as const } : null };
        const outcome = evaluateScreener(definition, r.answers, ctx, { complete: r.complete }).outcome;
        await store(
          definition,
          survey.id,
          {
            status: r.complete ? "complete" : "partial",
            channelId: channel?.id ?? null,
            startedAt: r.startedAt,
            outcome: outcome === "qualified" || outcome === "disqualified" ? outcome : null,
            segments: r.complete ? evaluateSegments(definition, r.answers, ctx) : [],
          },
          r.answers,
        );
      }
      const stored = await storedResponses(survey.id);
      expect(stored.some((r) => r.status === "partial")).toBe(true);

      // Every choice question split by, and filtered on its first two options; a matrix filtered on a column.
      const questions = allQuestions(definition).map((p) => p.question);
      const choice = questions.flatMap((q) => ("options" in q && q.options.length >= 2 ? [q] : []));
      const matrix = questions.flatMap((q) => (q.type === "matrix" ? [q] : []));
      const multi = choice.find((q) => q.type === "multiple_choice");
      expect(multi).toBeDefined();
      const answerFilters = [
        ...choice.map((q) => `answer=${q.id}:${q.options[0]!.id},${q.options[1]!.id}`),
        ...matrix.map((q) => `answer=${q.id}:${q.columns[0]!.id}`),
      ];
      const segments = definition.segments.map((s) => s.id);
      const filters = [
        "",
        "split=segment",
        "status=all&split=channel",
        ...choice.map((q) => `split=question:${q.id}`),
        ...choice.map((q) => `status=all&split=question:${q.id}`),
        ...answerFilters,
        ...answerFilters.map((a) => `${a}&split=question:${multi!.id}&status=all`),
        ...answerFilters.map((a) => `${a}&split=segment`),
        `${answerFilters[0]}&${answerFilters.at(-1)}&split=outcome`,
        `${answerFilters[0]}&status=partial&split=question:${choice[0]!.id}`,
        `${answerFilters.at(-1)}&channel=${channels[0]!.id}&channel=direct&from=2026-11-02&to=2026-11-03&split=channel`,
        ...(segments.length ? [`segment=${segments.join(",")}&split=question:${multi!.id}`] : []),
      ];
      for (const qs of filters) {
        const f = filterOf(qs);
        const expected = countedInCode(stored, f);
        expect(canonical(await surveyResults(t.db, survey.id, f, channels.map((c) => c.id), "answers")), qs).toEqual(expected);
      }
    },
  );

  it("counts multiple choice and matrix answers with an answer filter and a question split (hand-computed)", async () => {
    t = await createTestApp({ dialect });
    const { agent: owner } = await t.setupOwner();
    const option = (id: string) => ({ id, label: id, effect: null });
    const input: SurveyDefinitionInput = {
      schemaVersion: 1,
      title: "Tools",
      pages: [
        {
          id: "p",
          questions: [
            { id: "role", type: "single_choice", title: "Role", options: ["me", "boss"].map(option) },
            { id: "tools", type: "multiple_choice", title: "Tools", options: ["notion", "obsidian"].map(option) },
            { id: "grid", type: "matrix", title: "Rate", rows: [{ id: "speed", label: "Speed" }, { id: "price", label: "Price" }], columns: ["bad", "ok", "good"].map((id) => ({ id, label: id })) },
          ],
        },
      ],
    };
    const { survey, definition } = await publishedSurvey(owner, { definition: SurveyDefinitionSchema.parse(input) });
    const put = (status: "complete" | "partial", answers: Answers) => store(definition, survey.id, { status }, answers);
    await put("complete", { role: "me", tools: ["notion", "obsidian"], grid: { speed: "good", price: "ok" } }); // r1
    await put("complete", { role: "me", tools: ["notion"], grid: { speed: "good" } }); // r2
    await put("complete", { role: "boss", tools: ["obsidian"], grid: { price: "bad" } }); // r3
    await put("complete", { role: "boss", grid: { speed: "ok", price: "ok" } }); // r4
    await put("partial", { role: "me", tools: ["notion"] }); // r5

    const results = async (qs: string) => (await surveyResults(t.db, survey.id, filterOf(qs), [], "auto")).aggregates;
    const answered = (a: Awaited<ReturnType<typeof results>>, q: string, key: string | null) => a.answered.find((x) => x.questionId === q && x.key === key)?.n ?? 0;
    const chose = (a: Awaited<ReturnType<typeof results>>, q: string, o: string, row: string | null, key: string | null) =>
      a.choices.find((x) => x.questionId === q && x.optionId === o && x.row === row && x.key === key)?.count ?? 0;

    // Who uses Notion (r1, r2), by role: both "me".
    const notion = await results("answer=tools:notion&split=question:role");
    expect(notion.columns).toEqual([{ key: "me", n: 2 }]);
    expect([answered(notion, "tools", null), answered(notion, "tools", "me"), answered(notion, "grid", null)]).toEqual([2, 2, 2]);
    expect([chose(notion, "tools", "notion", null, null), chose(notion, "tools", "obsidian", null, "me")]).toEqual([2, 1]);
    expect([chose(notion, "grid", "good", "speed", "me"), chose(notion, "grid", "ok", "price", null), chose(notion, "grid", "bad", "price", null)]).toEqual([2, 1, 0]);

    // Who rated anything "ok" (r1, r4), by tool: r1 uses both, r4 none — counted overall, in no column.
    const ok = await results("answer=grid:ok&split=question:tools");
    expect(ok.columns).toEqual([{ key: "notion", n: 1 }, { key: "obsidian", n: 1 }]);
    expect([answered(ok, "grid", null), answered(ok, "grid", "notion"), answered(ok, "tools", null), answered(ok, "role", null)]).toEqual([2, 1, 1, 2]);
    expect([chose(ok, "grid", "ok", "price", null), chose(ok, "grid", "ok", "price", "obsidian"), chose(ok, "grid", "ok", "speed", null), chose(ok, "grid", "ok", "speed", "notion")]).toEqual([2, 1, 1, 0]);

    // With the partial response (r5): three Notion users, one of them also on Obsidian.
    const all = await results("status=all&answer=tools:notion&split=question:tools");
    expect(all.columns).toEqual([{ key: "notion", n: 3 }, { key: "obsidian", n: 1 }]);
    expect([answered(all, "tools", null), answered(all, "tools", "notion"), answered(all, "tools", "obsidian"), answered(all, "grid", "notion")]).toEqual([3, 3, 1, 2]);
    expect([chose(all, "tools", "obsidian", null, "notion"), chose(all, "tools", "notion", null, "obsidian"), chose(all, "role", "me", null, "notion")]).toEqual([1, 1, 3]);
  });

  it("counts respondents to every question of a survey with more than a hundred multiple-choice questions", async () => {
    t = await createTestApp({ dialect });
    const { agent: owner } = await t.setupOwner();
    const multi = (i: number) => ({ id: `m${i}`, type: "multiple_choice" as const, title: `M${i}`, options: ["a", "b"].map((id) => ({ id, label: id, effect: null })) });
    const input: SurveyDefinitionInput = {
      schemaVersion: 1,
      title: "Many",
      pages: [
        { id: "p1", questions: Array.from({ length: 60 }, (_, i) => multi(i)) },
        { id: "p2", questions: Array.from({ length: 60 }, (_, i) => multi(60 + i)) },
      ],
    };
    const { survey, definition } = await publishedSurvey(owner, { definition: SurveyDefinitionSchema.parse(input) });
    const everything = (choice: (i: number) => string[]) => Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`m${i}`, choice(i)]));
    await store(definition, survey.id, { status: "complete" }, everything(() => ["a", "b"]));
    await store(definition, survey.id, { status: "complete" }, everything((i) => (i % 2 ? ["a"] : ["a", "b"])));
    await store(definition, survey.id, { status: "partial" }, everything(() => ["b"]));
    const f = filterOf("status=all&answer=m0:a&split=question:m1");
    const { aggregates } = await surveyResults(t.db, survey.id, f, [], "auto");
    expect(canonical({ aggregates, overview: { totals: [], overTime: [], byChannel: [], segmentSizes: [] } }).answered).toEqual(
      countedInCode(await storedResponses(survey.id), f).answered,
    );
    expect(aggregates.answered.filter((a) => a.key === null).map((a) => a.n)).toEqual(Array.from({ length: 120 }, () => 2));
  });

  it("counts respondents once where an earlier version let a response give several answers to a question", async () => {
    t = await createTestApp({ dialect });
    const { agent: owner } = await t.setupOwner();
    const question = (type: "multiple_choice" | "single_choice") => ({ id: "tool", type, title: "Tool", options: ["notion", "obsidian"].map((id) => ({ id, label: id, effect: null })) });
    const v1 = SurveyDefinitionSchema.parse({ schemaVersion: 1, title: "Tools", pages: [{ id: "p", questions: [question("multiple_choice")] }] } satisfies SurveyDefinitionInput);
    const { survey, definition } = await publishedSurvey(owner, { definition: v1 });
    await store(definition, survey.id, { status: "complete", version: 1 }, { tool: ["notion", "obsidian"] });
    // Version 2 asks for one tool only.
    const v2 = SurveyDefinitionSchema.parse({ ...v1, pages: [{ id: "p", questions: [question("single_choice")] }] });
    const revision = (await owner.json("GET", `/api/surveys/${survey.id}`)).body.survey.revision as number;
    expect((await owner.json("PUT", `/api/surveys/${survey.id}/definition`, { body: { revision, definition: v2 } })).status).toBe(200);
    expect((await owner.json("POST", `/api/surveys/${survey.id}/publish`)).status).toBe(200);
    await store(v2, survey.id, { status: "complete", version: 2 }, { tool: "notion" });

    const { aggregates } = await surveyResults(t.db, survey.id, filterOf("answer=tool:notion&split=question:tool"), [], "auto");
    expect(aggregates.answered.filter((a) => a.questionId === "tool").map((a) => [a.key, a.n]).sort()).toEqual([["notion", 2], ["obsidian", 1], [null, 2]].sort());
    expect(aggregates.choices.filter((c) => c.key === null).map((c) => [c.optionId, c.count]).sort()).toEqual([["notion", 2], ["obsidian", 1]]);
  });
});
