// Every problem in the draft in one list; each entry takes you to where it is.
import { For, Show } from "solid-js";
import type { Issue } from "@sieve/core";

export function IssueSummary(props: {
  issues: readonly Issue[];
  /** "blocking": after a failed publish (announced); "draft": the standing list. */
  tone: "blocking" | "draft";
  describe: (issue: Issue) => string;
  onGo: (issue: Issue) => void;
}) {
  return (
    <Show when={props.issues.length > 0}>
      <section
        class={`notice ${props.tone === "blocking" ? "notice-error" : "notice-warning"} issue-summary`}
        role={props.tone === "blocking" ? "alert" : undefined}
        aria-labelledby="issue-summary-title"
      >
        <details open={props.tone === "blocking"}>
          <summary id="issue-summary-title" class="notice-title">
            {props.tone === "blocking" ? "Fix these before publishing" : "Before you can publish"}:{" "}
            {props.issues.length} {props.issues.length === 1 ? "issue" : "issues"}
          </summary>
          <ul class="issue-list">
            <For each={props.issues}>
              {(issue) => (
                <li>
                  <button type="button" class="link-button" onClick={() => props.onGo(issue)}>
                    {issue.message}
                  </button>
                  <span class="issue-path">{props.describe(issue)}</span>
                </li>
              )}
            </For>
          </ul>
        </details>
      </section>
    </Show>
  );
}
