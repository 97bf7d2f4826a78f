// One chart with its text alternative and tools. chart.js arrives by dynamic import the
// first time a chart mounts; the chart is created in onMount, updated in createEffect
// when its spec or palette changes, and destroyed in onCleanup. The canvas is sized by
// chart.js through the CSSOM (allowed by the CSP's style-src 'self'); its box's height
// is set the same way, never by a style attribute in markup.
import { For, Show, createEffect, createSignal, createUniqueId, onCleanup, onMount } from "solid-js";
import { chartHeight, specSummary, specTable, type BarSpec } from "./bar-spec";
import type { ChartHandle } from "./chart-runtime";
import type { Palette } from "./palette";

const loadRuntime = () => import("./chart-runtime");

function prefersReducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** Saves a data URL as a file through a temporary link. */
export function downloadDataUrl(url: string, fileName: string) {
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/** "Which tool do you use?" → "which-tool-do-you-use". */
export function fileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/[\s_-]+/g, "-")
      .slice(0, 60)
      .replace(/-+$/, "") || "chart"
  );
}

export function ChartFigure(props: {
  spec: BarSpec;
  palette: Palette;
  /** What the chart shows, for its summary and table caption: "answers to “Role”". */
  what: string;
  /** Heading of the table's first column ("Option", "Day"). */
  categoryHeading: string;
  /** File name of the PNG, without extension. */
  fileName: string;
}) {
  const tableId = createUniqueId();
  const [ready, setReady] = createSignal(false);
  const [failed, setFailed] = createSignal<unknown>();
  const [tableShown, setTableShown] = createSignal(false);
  const [status, setStatus] = createSignal("");
  let box: HTMLDivElement | undefined;
  let canvas: HTMLCanvasElement | undefined;
  let handle: ChartHandle | undefined;
  let drawn: { spec: BarSpec; palette: Palette } | undefined;

  createEffect(() => {
    if (box) box.style.height = `${chartHeight(props.spec)}px`;
  });

  onMount(() => {
    let disposed = false;
    onCleanup(() => {
      disposed = true;
      handle?.destroy();
      handle = undefined;
    });
    loadRuntime().then(
      (runtime) => {
        if (disposed || !canvas) return;
        drawn = { spec: props.spec, palette: props.palette };
        handle = runtime.createChart(canvas, drawn.spec, drawn.palette, prefersReducedMotion());
        setReady(true);
      },
      (error: unknown) => setFailed(() => error),
    );
  });

  createEffect(() => {
    const spec = props.spec;
    const palette = props.palette;
    if (!ready() || !handle) return;
    if (drawn && drawn.spec === spec && drawn.palette === palette) return;
    drawn = { spec, palette };
    handle.update(spec, palette);
  });

  const table = () => specTable(props.spec, props.categoryHeading);

  function download() {
    if (!handle) return;
    downloadDataUrl(handle.toPng(), `${props.fileName}.png`);
    setStatus("Chart downloaded as PNG.");
  }

  return (
    <figure class="chart-figure">
      <div class="chart-box" ref={box} classList={{ "chart-loading": !ready() && !failed() }}>
        <canvas ref={canvas} role="img" aria-label={specSummary(props.spec, props.what)} />
        <Show when={failed()}>
          <p class="chart-failed">The chart could not load. The numbers are in the table below.</p>
        </Show>
      </div>
      <div class="chart-tools">
        <button
          type="button"
          class="button button-quiet button-small"
          aria-expanded={tableShown()}
          aria-controls={tableId}
          onClick={() => setTableShown(!tableShown())}
        >
          {tableShown() ? "Hide table" : "Show as table"}
        </button>
        <button type="button" class="button button-quiet button-small" disabled={!ready()} onClick={download}>
          Download PNG
        </button>
        <span class="visually-hidden" role="status" aria-live="polite">
          {status()}
        </span>
      </div>
      {/* The table is hidden by hiding its box, not the table itself: a table is never narrower
          than its content, so a hidden wide table (one column per segment or channel) would still
          widen the page. Shown, a wide table scrolls inside the card. */}
      <div class={tableShown() || failed() ? "table-scroll" : "visually-hidden"}>
        <table id={tableId} class="data-table">
          <caption>{`Data: ${props.what}`}</caption>
          <thead>
            <tr>
              <For each={table().head}>{(heading) => <th scope="col">{heading}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={table().rows}>
              {(row) => (
                <tr>
                  <th scope="row">{row.label}</th>
                  <For each={row.cells}>{(cell) => <td>{cell}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </figure>
  );
}
