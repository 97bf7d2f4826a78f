// One question's results: the chart that fits its kind, its numbers as a table, and —
// when the results are split — the chi-square line with a plain-language reading.
import { For, Match, Show, Switch, createMemo, type JSX } from "solid-js";
import type { QuestionResult } from "@sieve/core";
import type { ResultsColumn } from "../../lib/results-api";
import { ChartFigure, fileSlug } from "../../charts/chart-figure";
import type { Palette } from "../../charts/palette";
import {
  choiceSpec,
  histogramSpec,
  matrixSpec,
  npsHistogramSpec,
  npsStackSpec,
  type ChoiceResult,
  type MatrixResult,
  type NpsResult,
  type NumericResult,
} from "../../charts/results-charts";
import { describeTest, formatScore, formatStat } from "./readings";

const countFormat = new Intl.NumberFormat();

const TYPE_LABELS: Record<string, string> = {
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  dropdown: "Dropdown",
  yes_no: "Yes / no",
  matrix: "Matrix",
  number: "Number",
  rating: "Rating",
  nps: "Net Promoter Score",
  short_text: "Short text",
  long_text: "Long text",
  email: "Email",
  date: "Date",
  consent: "Consent",
};

export type QuestionCardProps = {
  question: QuestionResult;
  index: number;
  columns: readonly ResultsColumn[];
  /** What the columns are, in words ("segment"), or "" when not split. */
  splitNoun: string;
  palette: Palette;
  filePrefix: string;
  /** Free-text answers (the researcher's dashboard reads them; a shared link cannot). */
  textPanel?: (question: QuestionResult) => JSX.Element;
};

export function QuestionCard(props: QuestionCardProps) {
  const headingId = () => `q-${props.question.id}-title`;
  const fileName = () => `${props.filePrefix}-q${props.index}-${fileSlug(props.question.title)}`;
  return (
    <article class="result-card" id={`q-${props.question.id}`} aria-labelledby={headingId()}>
      <header class="result-card-head">
        <h3 id={headingId()}>
          <span class="result-number">{props.index}.</span> {props.question.title}
        </h3>
        <p class="result-meta">
          {TYPE_LABELS[props.question.type] ?? props.question.type} · {countFormat.format(props.question.n)} answered
        </p>
      </header>
      <Show when={props.question.n > 0 || props.question.kind === "text"} fallback={<p class="result-empty">No answers under these filters.</p>}>
        <Switch>
          <Match when={props.question.kind === "choice" && (props.question as ChoiceResult)}>
            {(q) => <ChoiceBody question={q()} columns={props.columns} splitNoun={props.splitNoun} palette={props.palette} fileName={fileName()} />}
          </Match>
          <Match when={props.question.kind === "matrix" && (props.question as MatrixResult)}>
            {(q) => <MatrixBody question={q()} palette={props.palette} fileName={fileName()} />}
          </Match>
          <Match when={props.question.kind === "numeric" && (props.question as NumericResult)}>
            {(q) => <NumericBody question={q()} columns={props.columns} palette={props.palette} fileName={fileName()} />}
          </Match>
          <Match when={props.question.kind === "nps" && (props.question as NpsResult)}>
            {(q) => <NpsBody question={q()} columns={props.columns} palette={props.palette} fileName={fileName()} />}
          </Match>
          <Match when={props.question.kind === "text"}>
            <TextBody question={props.question} textPanel={props.textPanel} />
          </Match>
        </Switch>
      </Show>
    </article>
  );
}

function ChoiceBody(props: { question: ChoiceResult; columns: readonly ResultsColumn[]; splitNoun: string; palette: Palette; fileName: string }) {
  const spec = createMemo(() => choiceSpec(props.question, props.columns, props.palette));
  return (
    <>
      <ChartFigure
        spec={spec()}
        palette={props.palette}
        what={`answers to “${props.question.title}”${props.splitNoun ? ` by ${props.splitNoun}` : ""}`}
        categoryHeading="Answer"
        fileName={props.fileName}
      />
      <p class="result-note">
        {props.question.type === "multiple_choice" ? "Respondents could choose several answers, so shares add up to more than 100%. " : ""}
        Whiskers show 95% confidence intervals.
      </p>
      <Show when={props.question.test}>
        {(test) => (
          <StatLine
            test={test()}
            noun={props.splitNoun}
            multi={props.question.type === "multiple_choice"}
            // More answers across the columns than in all: someone is in two columns (overlapping segments).
            overlap={props.question.columnN.reduce((sum, n) => sum + n, 0) > props.question.n}
          />
        )}
      </Show>
    </>
  );
}

/** "χ²(df) = x, p = y" with what it means, and the small-sample warning when it applies. */
export function StatLine(props: { test: NonNullable<ChoiceResult["test"]>; noun: string; multi: boolean; overlap?: boolean }) {
  const reading = () => describeTest(props.test, { noun: props.noun || "group", multi: props.multi, overlap: props.overlap ?? false });
  return (
    <div class="stat-line" classList={{ "stat-significant": reading().significant }}>
      <Show when={reading().line}>
        <p class="stat-formula">{reading().line}</p>
      </Show>
      <p>{reading().reading}</p>
      <Show when={reading().warning}>
        <p class="stat-warning">
          <span aria-hidden="true">⚠ </span>
          {reading().warning}
        </p>
      </Show>
    </div>
  );
}

function MatrixBody(props: { question: MatrixResult; palette: Palette; fileName: string }) {
  const spec = createMemo(() => matrixSpec(props.question, props.palette));
  return (
    <ChartFigure spec={spec()} palette={props.palette} what={`answers to “${props.question.title}” per row`} categoryHeading="Row" fileName={props.fileName} />
  );
}

function NumericBody(props: { question: NumericResult; columns: readonly ResultsColumn[]; palette: Palette; fileName: string }) {
  const spec = createMemo(() => histogramSpec(props.question, props.palette));
  return (
    <>
      <Show when={props.question.summary}>{(s) => <SummaryFacts summary={s()} />}</Show>
      <ChartFigure spec={spec()} palette={props.palette} what={`the distribution of answers to “${props.question.title}”`} categoryHeading="Answer" fileName={props.fileName} />
      <Show when={props.columns.length > 0}>
        <table class="data-table compact-table">
          <caption>By column</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" class="numeric">n</th>
              <th scope="col" class="numeric">Mean</th>
              <th scope="col" class="numeric">Median</th>
              <th scope="col" class="numeric">Range</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.columns}>
              {(col, i) => {
                const s = () => props.question.columns[i()] ?? null;
                return (
                  <tr>
                    <th scope="row">{col.label}</th>
                    <td class="numeric">{countFormat.format(s()?.n ?? 0)}</td>
                    <td class="numeric">{s() ? formatStat(s()!.mean) : "—"}</td>
                    <td class="numeric">{s() ? formatStat(s()!.median) : "—"}</td>
                    <td class="numeric">{s() ? `${formatStat(s()!.min)}–${formatStat(s()!.max)}` : "—"}</td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </Show>
    </>
  );
}

function SummaryFacts(props: { summary: NonNullable<NumericResult["summary"]> }) {
  return (
    <dl class="summary-facts">
      <div>
        <dt>Mean</dt>
        <dd>{formatStat(props.summary.mean)}</dd>
      </div>
      <div>
        <dt>Median</dt>
        <dd>{formatStat(props.summary.median)}</dd>
      </div>
      <div>
        <dt>Range</dt>
        <dd>
          {formatStat(props.summary.min)}–{formatStat(props.summary.max)}
        </dd>
      </div>
      <div>
        <dt>Answers</dt>
        <dd>{countFormat.format(props.summary.n)}</dd>
      </div>
    </dl>
  );
}

function NpsBody(props: { question: NpsResult; columns: readonly ResultsColumn[]; palette: Palette; fileName: string }) {
  const stack = createMemo(() => npsStackSpec(props.question, props.columns, props.palette));
  const histogram = createMemo(() => npsHistogramSpec(props.question, props.palette));
  return (
    <>
      <div class="nps-score">
        <p class="nps-value" aria-describedby={`nps-${props.question.id}-explain`}>
          <span class="nps-label">NPS</span> {formatScore(props.question.nps.score)}
        </p>
        <p id={`nps-${props.question.id}-explain`} class="result-note">
          % promoters (9–10) minus % detractors (0–6), from −100 to +100; n = {countFormat.format(props.question.nps.n)}.
          <Show when={props.question.nps.n < 30}> With so few answers the score moves a lot with each one.</Show>
        </p>
      </div>
      <ChartFigure
        spec={stack()}
        palette={props.palette}
        what={`promoters, passives and detractors for “${props.question.title}”`}
        categoryHeading="Group"
        fileName={`${props.fileName}-groups`}
      />
      <Show when={props.columns.length > 0}>
        <ul class="nps-columns">
          <For each={props.columns}>
            {(col, i) => (
              <li>
                {col.label}: <strong>{props.question.columns[i()]?.n ? formatScore(props.question.columns[i()]!.score) : "—"}</strong>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <ChartFigure
        spec={histogram()}
        palette={props.palette}
        what={`answers 0–10 to “${props.question.title}”`}
        categoryHeading="Score"
        fileName={`${props.fileName}-scores`}
      />
    </>
  );
}

function TextBody(props: { question: QuestionResult; textPanel: QuestionCardProps["textPanel"] }) {
  const readable = () => props.question.type === "short_text" || props.question.type === "long_text" || props.question.type === "date";
  return (
    <Switch>
      <Match when={props.question.type === "consent"}>
        <p class="result-count">
          <strong>{countFormat.format(props.question.n)}</strong> agreed.
        </p>
      </Match>
      <Match when={props.question.type === "email"}>
        <p class="result-count">
          <strong>{countFormat.format(props.question.n)}</strong> left an email address. Owners and editors can include addresses in the response table and exports.
        </p>
      </Match>
      <Match when={readable() && props.textPanel}>{(panel) => panel()(props.question)}</Match>
      <Match when={true}>
        <p class="result-count">
          <strong>{countFormat.format(props.question.n)}</strong> wrote an answer. Free-text answers are not shown here.
        </p>
      </Match>
    </Switch>
  );
}
