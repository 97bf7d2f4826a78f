import type { SurveyStatus } from "../lib/api-types";

const labels: Record<SurveyStatus, string> = { draft: "Draft", open: "Open", closed: "Closed" };

export function StatusBadge(props: { status: SurveyStatus }) {
  return <span class={`badge badge-${props.status}`}>{labels[props.status]}</span>;
}
