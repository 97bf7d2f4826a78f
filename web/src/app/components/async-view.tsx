import { Match, Switch, type Accessor, type JSX, type Resource } from "solid-js";
import { ErrorNotice } from "./notice";
import { Loading } from "./loading";
import { latestOf } from "../lib/resource";

/** Loading, error and ready states for one resource; keeps showing the last value while refetching. */
export function AsyncView<T>(props: {
  resource: Resource<T>;
  loadingLabel: string;
  onRetry?: () => void;
  children: (value: Accessor<NonNullable<T>>) => JSX.Element;
}) {
  return (
    <Switch fallback={<Loading label={props.loadingLabel} />}>
      <Match when={props.resource.error as unknown}>
        {(error) => <ErrorNotice error={error()} onRetry={props.onRetry} />}
      </Match>
      <Match when={latestOf(props.resource)}>{(value) => props.children(value)}</Match>
    </Switch>
  );
}
