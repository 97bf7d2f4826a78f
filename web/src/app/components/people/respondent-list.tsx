import { Show, type Component, type JSX } from "solid-js";
import { Dynamic } from "solid-js/web";
import type { RespondentListState } from "../../lib/respondent-list";
import { latestOf } from "../../lib/resource";
import { AsyncView } from "../async-view";
import { EmptyState } from "../empty-state";
import { ErrorNotice } from "../notice";
import { Pager, pageRange } from "./pager";
import { SelectionBar } from "./selection-bar";
import type { SelectableRespondentsProps } from "./selectable-respondent-table";
import type { Pickable } from "../../lib/selection";

/**
 * A People page's respondent list below its filters: the page's actions (children) beside how
 * many match, the selection across pages, then one page of `table` with a pager. The state and
 * its requests come from the route (lib/respondent-list.ts).
 */
export function RespondentList<R extends Pickable>(props: {
  list: RespondentListState<R>;
  table: Component<SelectableRespondentsProps<R>>;
  loadingLabel: string;
  /** Under "No respondents match": who would appear here. */
  emptyHint: string;
  pagerLabel: string;
  children?: JSX.Element;
}) {
  const matching = () => {
    const loaded = latestOf(props.list.respondents);
    if (!loaded) return "";
    if (loaded.total === 0) return "No respondents match.";
    const q = props.list.filters().q;
    return `Showing ${pageRange(loaded.page, loaded.pageSize, loaded.total)} ${loaded.total === 1 ? "respondent" : "respondents"}${q ? ` matching “${q}”` : ""}.`;
  };
  return (
    <>
      <div class="actions">
        {props.children}
        <p class="muted small" role="status" aria-live="polite">
          {matching()}
        </p>
      </div>
      <SelectionBar
        selected={props.list.selection.size()}
        total={latestOf(props.list.respondents)?.total ?? 0}
        pageSelected={props.list.pageSelected()}
        selectingAll={props.list.selectingAll.pending()}
        truncated={props.list.truncated()}
        onSelectAll={() => void props.list.selectAllMatching()}
        onClear={props.list.clearSelection}
      />
      <Show when={props.list.selectingAll.error()}>
        <ErrorNotice title="Could not select everyone matching" error={props.list.selectingAll.error()} />
      </Show>
      <AsyncView resource={props.list.respondents} loadingLabel={props.loadingLabel} onRetry={props.list.refetch}>
        {(loaded) => (
          <Show when={loaded().respondents.length > 0} fallback={<EmptyState title="No respondents match">{props.emptyHint}</EmptyState>}>
            <Dynamic
              component={props.table}
              respondents={loaded().respondents}
              isSelected={props.list.selection.has}
              onToggle={props.list.selection.toggle}
              onToggleAll={(on: boolean) => props.list.selection.setMany(loaded().respondents, on)}
            />
            <Pager label={props.pagerLabel} page={loaded().page} pageSize={loaded().pageSize} total={loaded().total} onPage={props.list.setPage} />
          </Show>
        )}
      </AsyncView>
    </>
  );
}
