import { describe, expect, it, vi } from "vitest";
import { createSignal } from "solid-js";
import { fireEvent, render, screen, waitFor, within } from "@solidjs/testing-library";
import { LIGHT } from "../../charts/palette";
import { ResultsOverview } from "./results-overview";
import { QuestionCard } from "./question-card";
import { choiceQuestion, resultsReply, segmentColumns } from "./test-fixtures";

// chart.js needs a real canvas; the component's contract is the spec it hands over.
const created = vi.hoisted(() => [] as { spec: { labels: unknown[]; datasets: { label: string; errorBars?: unknown[] }[] } }[]);
vi.mock("../../charts/chart-runtime", () => ({
  createChart: (_canvas: HTMLCanvasElement, spec: (typeof created)[number]["spec"]) => {
    const entry = { spec };
    created.push(entry);
    return { update: (next: typeof spec) => (entry.spec = next), toPng: () => "data:image/png;base64,AAAA", destroy: () => {} };
  },
}));

describe("a question's results", () => {
  it("split by segment: grouped bars with intervals, a table alternative, and the χ² line read aloud", async () => {
    created.length = 0;
    render(() => <QuestionCard question={choiceQuestion(true)} index={1} columns={segmentColumns} splitNoun="segment" palette={LIGHT} filePrefix="s" />);
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]!.spec.datasets.map((d) => d.label)).toEqual(["Buyers (n = 50)", "Users (n = 50)"]);
    expect(created[0]!.spec.datasets[0]!.errorBars).toHaveLength(2);

    const canvas = screen.getByRole("img");
    expect(canvas.getAttribute("aria-label")).toMatch(/^Grouped bar chart of answers to “Who decides\?” by segment/);
    const table = screen.getByRole("table");
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Answer", "Buyers (n = 50)", "Users (n = 50)"]);
    expect(within(table).getByRole("rowheader", { name: "I do" }).parentElement!.textContent).toContain("80% (95% CI 67–89%) · 40 of 50");

    expect(screen.getByText(/^χ²\(1\) = 16\.7, p < 0\.001/)).toBeTruthy();
    expect(screen.getByText(/^Answers differ by segment/)).toBeTruthy();
  });

  it("shows the table on request and enables the PNG download once the chart is drawn", async () => {
    render(() => <QuestionCard question={choiceQuestion(false)} index={2} columns={[]} splitNoun="" palette={LIGHT} filePrefix="s" />);
    const download = screen.getByRole("button", { name: "Download PNG" });
    await waitFor(() => expect((download as HTMLButtonElement).disabled).toBe(false));
    const toggle = screen.getByRole("button", { name: "Show as table" });
    // Hidden in a visually-hidden box (a hidden table itself would still be as wide as its content).
    expect(screen.getByRole("table").parentElement!.className).toBe("visually-hidden");
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("table").parentElement!.className).toBe("table-scroll");
    expect(screen.getByRole("table").className).toBe("data-table");
    expect(screen.queryByText(/χ²/)).toBeNull();
  });

  it("says so when nobody answered under the filters", () => {
    render(() => <QuestionCard question={{ ...choiceQuestion(false), n: 0 }} index={1} columns={[]} splitNoun="" palette={LIGHT} filePrefix="s" />);
    expect(screen.getByText("No answers under these filters.")).toBeTruthy();
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("updates the same chart when the numbers change, instead of drawing a new one", async () => {
    created.length = 0;
    const { setQuestion } = (() => {
      let set!: (q: ReturnType<typeof choiceQuestion>) => void;
      render(() => {
        const [q, setQ] = createSignal(choiceQuestion(false));
        set = setQ;
        return <QuestionCard question={q()} index={1} columns={[]} splitNoun="" palette={LIGHT} filePrefix="s" />;
      });
      return { setQuestion: (q: ReturnType<typeof choiceQuestion>) => set(q) };
    })();
    await waitFor(() => expect(created).toHaveLength(1));
    setQuestion({ ...choiceQuestion(false), options: choiceQuestion(false).options.map((o) => ({ ...o, label: `${o.label}!` })) });
    await waitFor(() => expect(created[0]!.spec.labels).toEqual(["I do!", "My manager!"]));
    expect(created).toHaveLength(1);
  });
});

describe("the overview", () => {
  it("shows totals, funnel, channel ranking, segments and every question", async () => {
    render(() => <ResultsOverview results={resultsReply()} palette={LIGHT} filePrefix="s" />);
    expect(screen.getByRole("region", { name: "Totals" }).textContent).toContain("Qualified60");
    expect(screen.getByRole("heading", { name: "Funnel" })).toBeTruthy();
    const ranking = screen.getByRole("table", { name: "Channels ranked by qualified rate" });
    expect(within(ranking).getAllByRole("rowheader").map((r) => r.textContent)).toEqual(["r/SaaS Reddit", "Direct link Direct"]);
    expect(screen.getByRole("heading", { name: "Segment sizes" })).toBeTruthy();
    expect(document.querySelector(".nps-value")!.textContent).toBe("NPS +33");
    // No text panel on a shared link: counts only.
    expect(screen.getByText(/wrote an answer\. Free-text answers are not shown here\./)).toBeTruthy();
  });

  it("offers a way out when the filters match nothing", () => {
    const empty = resultsReply({ totals: { responses: 0, complete: 0, partial: 0, qualified: 0, disqualified: 0, overQuota: 0, flagged: 0 } });
    render(() => <ResultsOverview results={empty} palette={LIGHT} filePrefix="s" emptyAction={<button type="button">Clear filters</button>} />);
    expect(screen.getByRole("heading", { name: "No responses match these filters" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Clear filters" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Questions" })).toBeNull();
  });
});
