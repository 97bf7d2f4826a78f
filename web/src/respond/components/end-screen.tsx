import { Show, createEffect, onCleanup, type JSX } from "solid-js";
import { LinkedText } from "./linked-text";

export interface EndScreenContent {
  title: string;
  body: string;
  redirectUrl?: string | undefined;
}

/**
 * The closing message; with a redirect URL (say, a panel's completion link) it forwards after a
 * pause. `children` follow the message (the qualified screen's interview booking offer).
 */
export function EndScreen(props: { screen: EndScreenContent; continueLabel?: string; redirectDelayMs?: number; children?: JSX.Element }) {
  let heading: HTMLHeadingElement | undefined;
  const redirect = () => safeRedirect(props.screen.redirectUrl);
  createEffect(() => heading?.focus());
  createEffect(() => {
    const target = redirect();
    if (!target || props.redirectDelayMs === undefined) return;
    const timer = setTimeout(() => window.location.assign(target), props.redirectDelayMs);
    onCleanup(() => clearTimeout(timer));
  });
  return (
    <section class="end-screen" aria-labelledby="end-title">
      <h1 id="end-title" ref={heading} tabIndex={-1}>
        {props.screen.title}
      </h1>
      <Show when={props.screen.body}>
        <LinkedText text={props.screen.body} class="linked-text end-body" />
      </Show>
      <Show when={redirect()}>
        {(href) => (
          <a class="btn btn-primary" href={href()} rel="noopener noreferrer">
            {props.continueLabel ?? "Continue"}
          </a>
        )}
      </Show>
      {props.children}
    </section>
  );
}

/** A link to pick an interview time, offered on the qualified end screen. */
export function BookingOffer(props: { href: string; text: { title: string; body: string; action: string } }) {
  return (
    <div class="booking-offer" role="region" aria-labelledby="booking-offer-title">
      <h2 id="booking-offer-title">{props.text.title}</h2>
      <p>{props.text.body}</p>
      <a class="btn btn-primary" href={props.href}>
        {props.text.action}
      </a>
    </div>
  );
}

function safeRedirect(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
