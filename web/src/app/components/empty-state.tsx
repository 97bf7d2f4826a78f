import type { JSX } from "solid-js";

export function EmptyState(props: { title: string; children?: JSX.Element; action?: JSX.Element }) {
  return (
    <section class="empty-state">
      <h2>{props.title}</h2>
      {props.children}
      {props.action}
    </section>
  );
}
