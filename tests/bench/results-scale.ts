/**
 * Results and export at scale (issue 5): a 20-question survey with N complete responses
 * (100k and 1M in full mode, 10k in CI), results split by a segment timed as server time
 * through the app, against the raw SQL GROUP BY floor on the same data; the CSV and JSON
 * exports timed end to end from a real server process on the same file, with that process's RSS.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import SQLite from "better-sqlite3";
import { SurveyDefinitionSchema, type SurveyDefinitionInput } from "@sieve/core";
import { backfillResultRollups, createTestApp } from "@sieve/server/testing";
import { measureServerExport } from "./export-process.js";

export type ScaleRow = { name: string; value: string; note?: string };

function definition(): SurveyDefinitionInput {
  const questions: SurveyDefinitionInput["pages"][number]["questions"] = [];
  for (let i = 0; i < 10; i++) {
    questions.push({ id: `s${i}`, type: "single_choice", title: `Single ${i}`, options: ["a", "b", "c", "d"].map((id) => ({ id, label: id.toUpperCase(), effect: null })) });
  }
  for (let i = 0; i < 4; i++) {
    questions.push({ id: `m${i}`, type: "multiple_choice", title: `Multi ${i}`, options: ["a", "b", "c", "d", "e"].map((id) => ({ id, label: id.toUpperCase(), effect: null })) });
  }
  for (let i = 0; i < 3; i++) questions.push({ id: `r${i}`, type: "rating", title: `Rating ${i}` });
  questions.push({ id: "nps", type: "nps", title: "NPS" });
  for (let i = 0; i < 2; i++) questions.push({ id: `t${i}`, type: "short_text", title: `Text ${i}` });
  return {
    schemaVersion: 1,
    title: "Scale test",
    pages: [{ id: "p1", questions }],
    segments: [
      { id: "seg-a", name: "A", color: "#2563eb", when: { op: "and", conditions: [{ source: "answer", questionId: "s0", operator: "equals", value: "a" }] } },
      { id: "seg-b", name: "B", color: "#dc2626", when: { op: "and", conditions: [{ source: "answer", questionId: "s1", operator: "equals", value: "b" }] } },
    ],
  };
}

/**
 * Insert N complete responses straight into SQLite (the fast path for test data, not the
 * product path), spread over 30 days and three channels plus direct links.
 */
function seed(file: string, surveyId: string, channelIds: string[], n: number) {
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const insR = db.prepare(
    `insert into responses (id, survey_id, version, channel_id, status, outcome, reason, segments, flags, meta, respondent_id, dedupe_hash, started_at, updated_at, completed_at, duration_ms)
     values (?, ?, 1, ?, 'complete', ?, null, ?, '[]', '{}', null, null, ?, ?, ?, 60000)`,
  );
  const insA = db.prepare("insert into answers (response_id, survey_id, question_id, option_id, value_text, value_number) values (?, ?, ?, ?, ?, ?)");
  const insS = db.prepare("insert into response_segments (response_id, survey_id, segment_id) values (?, ?, ?)");
  let seedState = 42;
  const rnd = () => ((seedState = (seedState * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = randomUUID();
      const at = new Date(Date.UTC(2026, 9, 1) + Math.floor((i * 30 * 86_400_000) / n)).toISOString();
      const channel = pick([...channelIds, null]);
      const s0 = pick(["a", "b", "c", "d"]);
      const s1 = pick(["a", "b", "c", "d"]);
      const segments = [...(s0 === "a" ? ["seg-a"] : []), ...(s1 === "b" ? ["seg-b"] : [])];
      insR.run(id, surveyId, channel, rnd() < 0.4 ? "qualified" : "disqualified", JSON.stringify(segments), at, at, at);
      insA.run(id, surveyId, "s0", s0, null, null);
      insA.run(id, surveyId, "s1", s1, null, null);
      for (let q = 2; q < 10; q++) insA.run(id, surveyId, `s${q}`, pick(["a", "b", "c", "d"]), null, null);
      for (let q = 0; q < 4; q++) for (const o of ["a", "b", "c", "d", "e"]) if (rnd() < 0.4) insA.run(id, surveyId, `m${q}`, o, null, null);
      for (let q = 0; q < 3; q++) insA.run(id, surveyId, `r${q}`, null, null, 1 + Math.floor(rnd() * 5));
      insA.run(id, surveyId, "nps", null, null, Math.floor(rnd() * 11));
      for (let q = 0; q < 2; q++) insA.run(id, surveyId, `t${q}`, null, `answer ${i % 97}`, null);
      for (const s of segments) insS.run(id, surveyId, s);
    }
  });
  for (let i = 0; i < n; i += 10_000) batch(i, Math.min(n, i + 10_000));
  db.exec("analyze");
  const floor = () => {
    const t0 = performance.now();
    db.prepare(
      `select a.question_id, a.option_id, s.segment_id, count(*) from answers a
       join response_segments s on s.response_id = a.response_id where a.survey_id = ? and a.option_id is not null
       group by a.question_id, a.option_id, s.segment_id`,
    ).all(surveyId);
    return performance.now() - t0;
  };
  return { floor, close: () => db.close() };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function resultsScaleBench(sizes: number[]): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), "sieve-scale-"));
    const file = join(dir, "sieve.db"); // where `sieve serve` with DATA_DIR=dir looks
    let closed = false;
    const t = await createTestApp({ sqliteFile: file, config: { publicRateLimit: 1_000_000 } });
    try {
      const { agent } = await t.setupOwner();
      const created = await agent.json("POST", "/api/surveys", { body: { definition: SurveyDefinitionSchema.parse(definition()) } });
      const surveyId = created.body.survey.id as string;
      await agent.json("POST", `/api/surveys/${surveyId}/publish`);
      const channelIds: string[] = [];
      for (const kind of ["reddit", "facebook", "linkedin"]) {
        channelIds.push((await agent.json("POST", `/api/surveys/${surveyId}/channels`, { body: { name: kind, kind, code: `${kind}x` } })).body.channel.id);
      }
      const seedStart = performance.now();
      const data = seed(file, surveyId, channelIds, n);
      const seeded = performance.now() - seedStart;
      // The product counts each response into the rollups as it completes; data loaded around it is counted once here.
      const rollupStart = performance.now();
      await backfillResultRollups(t.db, surveyId);
      const rolledUp = performance.now() - rollupStart;
      const timeResults = async (qs = "split=segment") => {
        const t0 = performance.now();
        const res = await agent.request("GET", `/api/surveys/${surveyId}/results?${qs}`);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`results: ${res.status}`);
        return performance.now() - t0;
      };
      await timeResults(); // warm the page cache
      const results = median([await timeResults(), await timeResults(), await timeResults()]);
      const byChannel = median([await timeResults("split=channel&from=2026-10-10"), await timeResults("split=channel&from=2026-10-10"), await timeResults("split=channel&from=2026-10-10")]);
      // An answer filter needs answers that came together, so it reads the answers themselves.
      const answerFiltered = n > 100_000 ? null : median([await timeResults("split=segment&answer=s2:a"), await timeResults("split=segment&answer=s2:a")]);
      // So does a split by a question, over every response.
      const questionSplit = n > 100_000 ? null : median([await timeResults("split=question:s0"), await timeResults("split=question:s0")]);
      const floor = median([data.floor(), data.floor(), data.floor()]);
      data.close();
      const label = n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
      rows.push(
        { name: `results split by segment, ${label} responses (20 questions)`, value: `${results.toFixed(0)} ms`, note: `raw GROUP BY floor ${floor.toFixed(0)} ms, ratio ${(results / floor).toFixed(3)} (seeded in ${(seeded / 1000).toFixed(0)} s, rollups rebuilt in ${(rolledUp / 1000).toFixed(1)} s)` },
        { name: `results split by channel from a date, ${label}`, value: `${byChannel.toFixed(0)} ms` },
        ...(answerFiltered === null ? [] : [{ name: `results with an answer filter (reads answers), ${label}`, value: `${answerFiltered.toFixed(0)} ms` }]),
        ...(questionSplit === null ? [] : [{ name: `results split by a question (reads answers), ${label}`, value: `${questionSplit.toFixed(0)} ms` }]),
      );
      // The exports run in a real server process on the same file, so the RSS is the server's alone.
      const { secret } = (await agent.json("POST", "/api/tokens", { body: { name: "bench" } })).body as { secret: string };
      await t.cleanup();
      closed = true;
      if (process.env.BENCH_KEEP_DB) console.log(`survey ${surveyId}, token ${secret}`);
      for (const kind of ["csv", "json"]) {
        const e = await measureServerExport(dir, secret, `/api/surveys/${surveyId}/export.${kind}`, `/api/surveys/${surveyId}`);
        if (e.rows !== n) throw new Error(`${kind} export: ${e.rows} rows, expected ${n}`);
        const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
        rows.push({
          name: `${kind.toUpperCase()} export, ${label} responses (server process)`,
          value: `${(e.ms / 1000).toFixed(1)} s`,
          note: `${mb(e.bytes)}, ${Math.round(n / (e.ms / 1000)).toLocaleString("en")} rows/s, first byte ${e.firstByteMs.toFixed(0)} ms; server RSS ${mb(e.baselineRss)} before, peak ${mb(e.peakRss)} (start-up peak ${mb(e.hwmBefore)})`,
        });
      }
    } finally {
      if (!closed) await t.cleanup();
      if (process.env.BENCH_KEEP_DB) console.log(`kept ${file}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
