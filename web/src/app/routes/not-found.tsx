import { usePageTitle } from "../lib/page-title";

export function NotFoundPage() {
  usePageTitle(() => "Not found");
  return (
    <main class="page">
      <section class="empty-state">
        <h1>Page not found</h1>
        <p>There’s nothing at this address.</p>
        <a class="button" href="/app">
          Go to your surveys
        </a>
      </section>
    </main>
  );
}

/** Inside the /app shell, which already provides <main>. */
export function AppNotFoundPage() {
  usePageTitle(() => "Not found");
  return (
    <section class="empty-state">
      <h1>Page not found</h1>
      <p>There’s nothing at this address.</p>
      <a class="button" href="/app">
        Go to your surveys
      </a>
    </section>
  );
}
