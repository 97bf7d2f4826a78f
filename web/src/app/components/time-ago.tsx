import { formatDate, formatDateTime, relativeTime } from "../lib/format";

export function TimeAgo(props: { iso: string }) {
  return (
    <time datetime={props.iso} title={formatDateTime(props.iso)}>
      {relativeTime(props.iso)}
    </time>
  );
}

export function DateOnly(props: { iso: string }) {
  return (
    <time datetime={props.iso} title={formatDateTime(props.iso)}>
      {formatDate(props.iso)}
    </time>
  );
}
