import { createEffect } from "solid-js";

/** Keeps document.title in step with the page, so tabs and screen readers name it. */
export function usePageTitle(title: () => string | undefined): void {
  createEffect(() => {
    const text = title();
    document.title = text ? `${text} · Sieve` : "Sieve";
  });
}
