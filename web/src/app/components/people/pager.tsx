import { Show } from "solid-js";

const count = new Intl.NumberFormat();

/** "51–100 of 234" */
export function pageRange(page: number, pageSize: number, total: number): string {
  if (total === 0) return "0 of 0";
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return `${count.format(first)}–${count.format(last)} of ${count.format(total)}`;
}

/** Previous / next through a paged list, with where we are. Hidden when everything fits on one page. */
export function Pager(props: { label: string; page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const pages = () => Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <Show when={pages() > 1}>
      <nav class="pager" aria-label={props.label}>
        <button type="button" class="button button-small" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
          Previous
        </button>
        <span class="muted small">
          Page {props.page} of {pages()}
        </span>
        <button type="button" class="button button-small" disabled={props.page >= pages()} onClick={() => props.onPage(props.page + 1)}>
          Next
        </button>
      </nav>
    </Show>
  );
}
