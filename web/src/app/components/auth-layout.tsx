import type { JSX } from "solid-js";

/** The centred card used by sign-in, setup and invite pages. */
export function AuthLayout(props: { title: string; lead?: JSX.Element; children: JSX.Element }) {
  return (
    <main class="auth-page">
      <div class="auth-card">
        <p class="brand" aria-hidden="true">
          Sieve
        </p>
        <h1>{props.title}</h1>
        {props.lead}
        {props.children}
      </div>
    </main>
  );
}
