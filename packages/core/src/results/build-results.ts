/**
 * Turns the few aggregate rows the server computes in SQL into the results a researcher
 * reads: per question counts with column percentages, 95% Wilson intervals, and a
 * chi-square test of independence when the results are split — with a warning when the
 * sample is too small for the test to mean much.
 */
import type { Question, SurveyDefinition } from "../survey/definition-schema";
import { allQuestions } from "../survey/all-questions";
import { choiceOptions, isChoiceQuestion } from "../survey/question-kinds";
import { wilsonInterval } from "../stats/wilson-interval";
import { chiSquareTest } from "../stats/chi-square";
import { histogramSummary, npsSummary } from "../stats/nps";
import type { Split } from "./results-filter";

/** Aggregates as SQL returns them; `key` is the split column ('' when unsplit). */
export type ResultsAggregates = {
  /** Respondents per split column. */
  columns: { key: string; n: number }[];
  /** Respondents who answered each question, per column and overall (key null). */
  answered: { questionId: string; key: string | null; n: number }[];
  /** Choice answers: option per question (and matrix row), per column and overall (key null). */
  choices: { questionId: string; optionId: string; row: string | null; key: string | null; count: number }[];
  /** Numeric answers (number, rating, NPS) per value, per column and overall (key null). */
  numbers: { questionId: string; value: number; key: string | null; count: number }[];
};

function sumBy<T>(items: T[], key: (t: T) => string, count: (t: T) => number, make: (t: T, total: number) => T): T[] {
  const sums = new Map<string, { item: T; total: number }>();
  for (const item of items) {
    const k = key(item);
    const seen = sums.get(k);
    sums.set(k, { item: seen?.item ?? item, total: (seen?.total ?? 0) + count(item) });
  }
  return [...sums.values()].map(({ item, total }) => make(item, total));
}

const cellKey = (...parts: (string | number | null)[]) => parts.map((p) => (p === null ? "\u0001" : String(p))).join("\u0000");

/** Aggregates of disjoint sets of responses added up (rows with the same key are summed). Example: `addAggregates([fromRollups, fromPartials])`. */
export function addAggregates(parts: ResultsAggregates[]): ResultsAggregates {
  return {
    columns: sumBy(parts.flatMap((p) => p.columns), (c) => c.key, (c) => c.n, (c, n) => ({ ...c, n })),
    answered: sumBy(parts.flatMap((p) => p.answered), (a) => cellKey(a.questionId, a.key), (a) => a.n, (a, n) => ({ ...a, n })),
    choices: sumBy(parts.flatMap((p) => p.choices), (c) => cellKey(c.questionId, c.optionId, c.row, c.key), (c) => c.count, (c, count) => ({ ...c, count })),
    numbers: sumBy(parts.flatMap((p) => p.numbers), (x) => cellKey(x.questionId, x.value, x.key), (x) => x.count, (x, count) => ({ ...x, count })),
  };
}

export type ColumnMeta = { key: string; label: string; color?: string };
export type Interval = { estimate: number; lower: number; upper: number };
export type Cell = { count: number; pct: number; interval: Interval };
export type OptionResult = { id: string; label: string; overall: Cell; columns: Cell[] };
export type ChiSquare = ReturnType<typeof chiSquareTest>;

export type QuestionResult =
  | { id: string; type: Question["type"]; title: string; kind: "choice"; n: number; columnN: number[]; options: OptionResult[]; test: ChiSquare | null }
  | { id: string; type: Question["type"]; title: string; kind: "matrix"; n: number; rows: { id: string; label: string; options: OptionResult[] }[] }
  | { id: string; type: Question["type"]; title: string; kind: "numeric"; n: number; histogram: { value: number; count: number }[]; summary: ReturnType<typeof histogramSummary>; columns: ReturnType<typeof histogramSummary>[] }
  | { id: string; type: Question["type"]; title: string; kind: "nps"; n: number; histogram: { value: number; count: number }[]; nps: ReturnType<typeof npsSummary>; columns: ReturnType<typeof npsSummary>[] }
  | { id: string; type: Question["type"]; title: string; kind: "text"; n: number };

export type BuiltResults = { split: Split | null; columns: (ColumnMeta & { n: number })[]; questions: QuestionResult[] };

const cell = (count: number, n: number): Cell => ({ count, pct: n > 0 ? count / n : 0, interval: wilsonInterval(count, n) });

/** Build per-question results. Example: `buildResults(def, aggregates, split, [{ key: "buyers", label: "Buyers" }])`. */
export function buildResults(def: SurveyDefinition, agg: ResultsAggregates, split: Split | null, columnMeta: ColumnMeta[]): BuiltResults {
  const columnN = new Map(agg.columns.map((c) => [c.key, c.n]));
  // Columns in the researcher's order (segments, channels as defined), then any others seen, e.g. removed ones.
  const keys = split === null ? [] : [...columnMeta.map((c) => c.key), ...agg.columns.map((c) => c.key).filter((k) => !columnMeta.some((m) => m.key === k))];
  const columns = keys.map((key) => ({ ...(columnMeta.find((m) => m.key === key) ?? { key, label: key || "(none)" }), n: columnN.get(key) ?? 0 }));

  const answered = new Map(agg.answered.map((a) => [`${a.questionId}|${a.key ?? "*"}`, a.n]));
  const choiceCount = new Map(agg.choices.map((c) => [`${c.questionId}|${c.row ?? ""}|${c.optionId}|${c.key ?? "*"}`, c.count]));
  const nAnswered = (q: string, key: string | null) => answered.get(`${q}|${key ?? "*"}`) ?? 0;

  const optionResults = (q: Question, options: { id: string; label: string }[], row: string | null, base: (key: string | null) => number) =>
    options.map((o) => ({
      id: o.id,
      label: o.label,
      overall: cell(choiceCount.get(`${q.id}|${row ?? ""}|${o.id}|*`) ?? 0, base(null)),
      columns: keys.map((k) => cell(choiceCount.get(`${q.id}|${row ?? ""}|${o.id}|${k}`) ?? 0, base(k))),
    }));

  const numbersOf = (q: string, key: string | null) =>
    agg.numbers.filter((x) => x.questionId === q && x.key === key).map((x) => ({ value: x.value, count: x.count })).sort((a, b) => a.value - b.value);

  const questions: QuestionResult[] = [];
  for (const { question: q } of allQuestions(def)) {
    const base = { id: q.id, type: q.type, title: q.title };
    const n = nAnswered(q.id, null);
    if (q.type === "statement") continue;
    if (isChoiceQuestion(q)) {
      const options = [...choiceOptions(q).map((o) => ({ id: o.id, label: o.label })), ...("allowOther" in q && q.allowOther ? [{ id: "__other__", label: "Other" }] : [])];
      const results = optionResults(q, options, null, (k) => nAnswered(q.id, k));
      const test = keys.length >= 2 ? chiSquareTest(results.map((o) => o.columns.map((c) => c.count))) : null;
      questions.push({ ...base, kind: "choice", n, columnN: keys.map((k) => nAnswered(q.id, k)), options: results, test });
    } else if (q.type === "matrix") {
      const rows = q.rows.map((r) => ({ id: r.id, label: r.label, options: optionResults(q, q.columns, r.id, (k) => nAnswered(q.id, k)) }));
      questions.push({ ...base, kind: "matrix", n, rows });
    } else if (q.type === "nps") {
      const histogram = numbersOf(q.id, null);
      const counts = (list: { value: number; count: number }[]) => Array.from({ length: 11 }, (_, v) => list.find((x) => x.value === v)?.count ?? 0);
      questions.push({ ...base, kind: "nps", n, histogram, nps: npsSummary(counts(histogram)), columns: keys.map((k) => npsSummary(counts(numbersOf(q.id, k)))) });
    } else if (q.type === "number" || q.type === "rating") {
      const histogram = numbersOf(q.id, null);
      const summary = (list: { value: number; count: number }[]) => histogramSummary(list.map((x) => [x.value, x.count] as [number, number]));
      questions.push({ ...base, kind: "numeric", n, histogram, summary: summary(histogram), columns: keys.map((k) => summary(numbersOf(q.id, k))) });
    } else {
      questions.push({ ...base, kind: "text", n });
    }
  }
  return { split, columns, questions };
}
