// /app/outbox — every email Sieve queued: delivery state, the text of one, retrying failed ones.
import { Show, createResource, createSignal } from "solid-js";
import { createMutation } from "../lib/mutation";
import { latestOf } from "../lib/resource";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/page-title";
import { peopleApi, type EmailSummary } from "../lib/people-api";
import { AsyncView } from "../components/async-view";
import { EmptyState } from "../components/empty-state";
import { Modal } from "../components/modal";
import { ErrorNotice, LiveStatus } from "../components/notice";
import { OutboxTable } from "../components/people/outbox-table";
import { EmailView } from "../components/people/email-view";
import "../components/people/people.css";

export default function OutboxPage() {
  usePageTitle(() => "Outbox");
  const session = useSession();
  const canEdit = () => session.role() !== "viewer";
  const [outbox, { refetch }] = createResource(() => session.workspaceId(), () => peopleApi.outbox());
  const [openId, setOpenId] = createSignal<string>();
  const [email] = createResource(openId, async (id) => (await peopleApi.email(id)).email);
  const [announcement, setAnnouncement] = createSignal("");
  const retrying = createMutation(peopleApi.retryEmail);
  const [retryingId, setRetryingId] = createSignal<string>();

  async function retry(item: EmailSummary) {
    setRetryingId(item.id);
    const result = await retrying.run(item.id);
    setRetryingId(undefined);
    if (!result.ok) return;
    setAnnouncement(`The email to ${item.to} is queued again.`);
    void refetch();
  }

  return (
    <>
      <header class="page-header">
        <h1>Outbox</h1>
        <button type="button" class="button" onClick={() => void refetch()}>
          Refresh
        </button>
      </header>
      <Show when={latestOf(outbox)}>
        {(loaded) => (
          <Show
            when={loaded().delivery === "smtp"}
            fallback={
              <p class="notice notice-warning">
                Email is not set up on this server (no SMTP), so messages wait here. Open one to copy its text, or set SMTP_URL
                and restart to send them.
              </p>
            }
          >
            <p class="notice notice-success">SMTP is configured: queued email is sent automatically.</p>
          </Show>
        )}
      </Show>
      <LiveStatus>{announcement()}</LiveStatus>
      <Show when={retrying.error()}>
        <ErrorNotice title="Could not retry" error={retrying.error()} />
      </Show>
      <AsyncView resource={outbox} loadingLabel="Loading outbox…" onRetry={refetch}>
        {(loaded) => (
          <Show when={loaded().emails.length > 0} fallback={<EmptyState title="No email yet">Invitations and booking emails appear here.</EmptyState>}>
            <p class="muted small">
              {loaded().total} email{loaded().total === 1 ? "" : "s"}
            </p>
            <OutboxTable
              emails={loaded().emails}
              canEdit={canEdit()}
              retryingId={retryingId()}
              onOpen={(item) => setOpenId(item.id)}
              onRetry={(item) => void retry(item)}
            />
          </Show>
        )}
      </AsyncView>
      <Modal open={openId() !== undefined} title="Email" onClose={() => setOpenId(undefined)} wide>
        <AsyncView resource={email} loadingLabel="Loading email…">
          {(loaded) => <EmailView email={loaded()} />}
        </AsyncView>
      </Modal>
    </>
  );
}
