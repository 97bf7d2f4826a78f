/** Page progress: a visual bar plus the same fact as text. */
export function ProgressBar(props: { current: number; total: number; label: string }) {
  const percent = () => (props.total > 0 ? Math.round((props.current / props.total) * 100) : 0);
  return (
    <div class="progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={props.total}
        aria-valuenow={props.current}
        aria-valuetext={props.label}
      >
        <div class="progress-fill" style={{ width: `${percent()}%` }} />
      </div>
      <p class="progress-label" aria-hidden="true">
        {props.label}
      </p>
    </div>
  );
}
