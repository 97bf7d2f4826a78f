// Downloads of the responses under the current filters. Emails are offered only to
// owners and editors, and only when asked for.
import { Show, createSignal } from "solid-js";

export function ExportMenu(props: { csvUrl: (includeEmails: boolean) => string; jsonUrl: (includeEmails: boolean) => string; canIncludeEmails: boolean }) {
  const [emails, setEmails] = createSignal(false);
  return (
    <details class="picker export-menu">
      <summary class="button">Export</summary>
      <div class="picker-panel picker-panel-end">
        <p class="hint">Responses under the current filters, with every answer.</p>
        <a class="menu-item" href={props.csvUrl(emails())} download="">
          CSV (spreadsheets)
        </a>
        <a class="menu-item" href={props.jsonUrl(emails())} download="">
          JSON
        </a>
        <Show when={props.canIncludeEmails}>
          <label class="picker-option">
            <input type="checkbox" checked={emails()} onChange={(e) => setEmails(e.currentTarget.checked)} />
            <span>Include respondents' emails</span>
          </label>
        </Show>
      </div>
    </details>
  );
}
