// The dashboard's summary: totals, funnel, responses over time, channel yield, segment
// sizes, then every question. Shared by the researcher's page and the read-only shared
// link; the route hands in the data and, where it can read them, a free-text panel.
import { For, Show, createMemo, type JSX } from "solid-js";
import type { QuestionResult, ResultsFilter } from "@sieve/core";
import type { FunnelRow, ResultsReply } from "../../lib/results-api";
import { ChartFigure } from "../../charts/chart-figure";
import type { Palette } from "../../charts/palette";
import { fillDays, funnelSpec, funnelSteps, overTimeSpec, segmentSpec } from "../../charts/results-charts";
import { splitNoun } from "./page-query";
import { formatInterval, formatPct } from "./readings";
import { QuestionCard } from "./question-card";

const countFormat = new Intl.NumberFormat();

/** How many responses the current view counts (its status filter applied to the totals). */
export function viewCount(results: ResultsReply): number {
  const { status } = results.filter;
  return status === "complete" ? results.totals.complete : status === "partial" ? results.totals.partial : results.totals.responses;
}

/** The funnel rows the channel filter keeps (the funnel's own counters only know dates). */
export function funnelRowsInView(rows: readonly FunnelRow[], filter: ResultsFilter): FunnelRow[] {
  if (filter.channels.length === 0) return [...rows];
  return rows.filter((r) => filter.channels.includes(r.channel.id === "" ? "direct" : r.channel.id));
}

export function ResultsOverview(props: {
  results: ResultsReply;
  palette: Palette;
  filePrefix: string;
  textPanel?: (question: QuestionResult) => JSX.Element;
  /** Shown above the questions when nothing matches (e.g. a "Clear filters" button). */
  emptyAction?: JSX.Element;
}) {
  const questionIds = createMemo(() => props.results.questions.map((q) => q.id), undefined, {
    equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
  });
  const byId = createMemo(() => new Map(props.results.questions.map((q) => [q.id, q])));
  const noun = () =>
    splitNoun(props.results.split, (id) => props.results.questions.find((q) => q.id === id)?.title);
  const steps = createMemo(() => funnelSteps(funnelRowsInView(props.results.funnel, props.results.filter)));
  const funnelChart = createMemo(() => funnelSpec(steps(), props.palette));
  const days = createMemo(() => fillDays(props.results.overTime, props.results.filter.from, props.results.filter.to));
  const daysChart = createMemo(() => overTimeSpec(days(), props.palette));
  const segmentsChart = createMemo(() => segmentSpec(props.results.segments, viewCount(props.results), props.palette));

  return (
    <div class="results-overview">
      <TotalsStrip results={props.results} />
      <Show
        when={viewCount(props.results) > 0}
        fallback={
          <section class="empty-state results-empty">
            <h2>No responses match these filters</h2>
            <p>Try a wider date range, another status, or fewer filters.</p>
            {props.emptyAction}
          </section>
        }
      >
        <div class="results-grid">
          <section class="card result-panel" aria-labelledby="funnel-title">
            <h2 id="funnel-title">Funnel</h2>
            <ChartFigure spec={funnelChart()} palette={props.palette} what="the funnel from link clicks to qualified" categoryHeading="Step" fileName={`${props.filePrefix}-funnel`} />
            <p class="result-note">
              Clicks count visits through tracked links only. Clicks, views and starts follow the date and channel filters; the other filters narrow
              completes and qualified.
            </p>
          </section>
          <section class="card result-panel" aria-labelledby="over-time-title">
            <h2 id="over-time-title">Responses over time</h2>
            <Show when={days().length > 0} fallback={<p class="result-empty">No responses in this period.</p>}>
              <ChartFigure spec={daysChart()} palette={props.palette} what="responses per day (by start date, UTC)" categoryHeading="Day" fileName={`${props.filePrefix}-over-time`} />
            </Show>
          </section>
        </div>

        <ChannelYield rows={funnelRowsInView(props.results.funnel, props.results.filter)} />

        <Show when={props.results.segments.length > 0}>
          <section class="card result-panel" aria-labelledby="segments-title">
            <h2 id="segments-title">Segment sizes</h2>
            <ChartFigure spec={segmentsChart()} palette={props.palette} what="responses per segment" categoryHeading="Segment" fileName={`${props.filePrefix}-segments`} />
            <p class="result-note">A response can belong to several segments, or to none.</p>
          </section>
        </Show>

        <section class="results-questions" aria-labelledby="questions-title">
          <div class="questions-head">
            <h2 id="questions-title">Questions</h2>
            <Show when={props.results.split && props.results.columns.length > 0}>
              <p class="split-legend">
                Split by {noun()}:{" "}
                <For each={props.results.columns}>
                  {(col, i) => (
                    <span class="split-column">
                      {col.label} <span class="muted">(n = {countFormat.format(col.n)})</span>
                      {i() < props.results.columns.length - 1 ? ", " : ""}
                    </span>
                  )}
                </For>
              </p>
            </Show>
          </div>
          <Show when={questionIds().length > 0} fallback={<p class="result-empty">This survey has no questions to chart.</p>}>
            <For each={questionIds()}>
              {(id, i) => (
                <Show when={byId().get(id)}>
                  {(question) => (
                    <QuestionCard
                      question={question()}
                      index={i() + 1}
                      columns={props.results.columns}
                      splitNoun={props.results.split ? noun() : ""}
                      palette={props.palette}
                      filePrefix={props.filePrefix}
                      textPanel={props.textPanel}
                    />
                  )}
                </Show>
              )}
            </For>
          </Show>
        </section>
      </Show>
    </div>
  );
}

export function TotalsStrip(props: { results: ResultsReply }) {
  const t = () => props.results.totals;
  const ofComplete = (count: number) => (t().complete > 0 ? `${formatPct(count / t().complete)} of completes` : "");
  return (
    <section class="totals" aria-label="Totals">
      <Tile label="Complete" value={t().complete} note={t().responses > 0 ? `of ${countFormat.format(t().responses)} started` : ""} />
      <Tile label="Qualified" value={t().qualified} note={ofComplete(t().qualified)} tone="good" />
      <Tile label="Disqualified" value={t().disqualified} note={ofComplete(t().disqualified)} />
      <Tile label="Over quota" value={t().overQuota} note={ofComplete(t().overQuota)} />
      <Tile label="Flagged" value={t().flagged} note={t().flagged > 0 ? "traps, speeders, duplicates" : ""} tone={t().flagged > 0 ? "warn" : undefined} />
      <Tile label="Dropped off" value={t().partial} note={t().responses > 0 ? `${formatPct(t().partial / t().responses)} of starts` : ""} />
    </section>
  );
}

function Tile(props: { label: string; value: number; note: string; tone?: "good" | "warn" | undefined }) {
  return (
    <div class="tile" classList={{ "tile-good": props.tone === "good", "tile-warn": props.tone === "warn" }}>
      <p class="tile-label">{props.label}</p>
      <p class="tile-value">{countFormat.format(props.value)}</p>
      <p class="tile-note">{props.note}</p>
    </div>
  );
}

const KIND_LABELS: Record<string, string> = {
  reddit: "Reddit",
  facebook: "Facebook",
  linkedin: "LinkedIn",
  x: "X",
  "google-group": "Google Group",
  newsletter: "Newsletter",
  email: "Email",
  other: "Link",
  direct: "Direct",
};

/** Which community yields qualified people: the server's ranking by the interval's lower bound. */
export function ChannelYield(props: { rows: FunnelRow[] }) {
  return (
    <section class="card result-panel" aria-labelledby="yield-title">
      <h2 id="yield-title">Which community yields qualified people?</h2>
      <Show when={props.rows.length > 0} fallback={<p class="result-empty">No tracked links or responses yet.</p>}>
        <div class="table-scroll">
          <table class="data-table yield-table">
            <caption class="visually-hidden">Channels ranked by qualified rate</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Channel</th>
                <th scope="col" class="numeric">Clicks</th>
                <th scope="col" class="numeric">Views</th>
                <th scope="col" class="numeric">Starts</th>
                <th scope="col" class="numeric">Completes</th>
                <th scope="col" class="numeric">Qualified</th>
                <th scope="col">Qualified rate (95% CI)</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.rows}>
                {(row, i) => (
                  <tr>
                    <td class="muted">{i() + 1}</td>
                    <th scope="row">
                      {row.channel.name} <span class="chip">{KIND_LABELS[row.channel.kind] ?? row.channel.kind}</span>
                    </th>
                    <td class="numeric">{countFormat.format(row.clicks)}</td>
                    <td class="numeric">{countFormat.format(row.views)}</td>
                    <td class="numeric">{countFormat.format(row.starts)}</td>
                    <td class="numeric">{countFormat.format(row.completes)}</td>
                    <td class="numeric">{countFormat.format(row.qualified)}</td>
                    <td class="rate-cell">
                      <Show when={row.completes > 0} fallback={<span class="muted">no completes</span>}>
                        <span class="rate-wrap">
                          <span class="rate-text">
                            <strong>{formatPct(row.qualifiedRate.estimate)}</strong> <span class="muted">{formatInterval(row.qualifiedRate)}</span>
                          </span>
                          <IntervalGlyph interval={row.qualifiedRate} />
                        </span>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <p class="result-note">Ranked by the lower end of the interval, so a lucky 2 of 2 does not top the list. Wide intervals mean too few completes to judge.</p>
    </section>
  );
}

/** A 0–100% track with the interval as a bar and the estimate as a dot (SVG attributes, no inline styles). */
export function IntervalGlyph(props: { interval: { estimate: number; lower: number; upper: number } }) {
  const x = (share: number) => 4 + share * 112;
  return (
    <svg class="interval-glyph" viewBox="0 0 120 14" width="120" height="14" aria-hidden="true">
      <line class="interval-track" x1="4" x2="116" y1="7" y2="7" />
      <rect class="interval-range" x={x(props.interval.lower)} width={Math.max(1, x(props.interval.upper) - x(props.interval.lower))} y="3" height="8" rx="2" />
      <circle class="interval-point" cx={x(props.interval.estimate)} cy="7" r="3.5" />
    </svg>
  );
}
