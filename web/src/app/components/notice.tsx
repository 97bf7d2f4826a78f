import { Show, type JSX } from "solid-js";
import { ApiError, errorMessage } from "../lib/api-client";

/** An error banner. Session expiry gets a sign-in link instead of a dead end. */
export function ErrorNotice(props: { error: unknown; onRetry?: (() => void) | undefined; title?: string }) {
  const signedOut = () => props.error instanceof ApiError && props.error.status === 401;
  const signInHref = () => `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
  return (
    <div class="notice notice-error" role="alert">
      <Show when={props.title}>
        <p class="notice-title">{props.title}</p>
      </Show>
      <p>{signedOut() ? "Your session has ended. Sign in again to continue." : errorMessage(props.error)}</p>
      <Show when={signedOut()}>
        <a class="button" href={signInHref()}>
          Sign in
        </a>
      </Show>
      <Show when={!signedOut() && props.onRetry}>
        {(retry) => (
          <button type="button" class="button" onClick={() => retry()()}>
            Try again
          </button>
        )}
      </Show>
    </div>
  );
}

/** Always-present polite live region; its text is announced when it changes. */
export function LiveStatus(props: { children?: JSX.Element; class?: string }) {
  return (
    <div class={props.class ?? "live-status"} role="status" aria-live="polite">
      {props.children}
    </div>
  );
}

/** Always-present assertive region for form errors, so screen readers hear them on submit. */
export function FormError(props: { error: unknown }) {
  return (
    <div class="form-error" role="alert" aria-live="assertive">
      <Show when={props.error}>
        <p class="notice notice-error">{errorMessage(props.error)}</p>
      </Show>
    </div>
  );
}
