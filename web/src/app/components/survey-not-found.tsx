/** What a survey page shows for an unknown id — including another workspace's survey, which the API answers 404. */
export function SurveyNotFound() {
  return (
    <section class="empty-state">
      <h1>Survey not found</h1>
      <p>It may have been deleted, or it belongs to another workspace.</p>
      <a class="button" href="/app">
        Back to surveys
      </a>
    </section>
  );
}
