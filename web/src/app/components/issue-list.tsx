import { For, Show } from "solid-js";
import type { Issue } from "@sieve/core";

/** Validation issues, each with where it is ("pages › 0 › questions › 2"). */
export function IssueList(props: {
  issues: readonly Issue[];
  title: string;
  tone?: "error" | "warning";
  /** Announce on appearance (for issues that result from an action). */
  alert?: boolean;
  /** Turns a path into words; the raw path is shown without it. */
  describePath?: (path: readonly (string | number)[]) => string;
}) {
  return (
    <section
      class={`notice ${props.tone === "warning" ? "notice-warning" : "notice-error"}`}
      role={props.alert ? "alert" : undefined}
    >
      <p class="notice-title">{props.title}</p>
      <ul class="issue-list">
        <For each={props.issues}>
          {(issue) => (
            <li>
              {issue.message}
              <Show when={issue.path.length > 0}>
                <span class="issue-path">{(props.describePath ?? formatPath)(issue.path)}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((part) => (typeof part === "number" ? String(part + 1) : part)).join(" › ");
}
