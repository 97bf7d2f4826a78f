// /app/slots — interview slots offered by this workspace: list (all, or what one survey's
// invitees can book — its own and the workspace-wide ones; the choice is kept in the URL),
// create (single or weekly, for one survey or any), withdraw free ones.
import { For, Show, createMemo, createResource, createSignal } from "solid-js";
import { useLocation, useNavigate } from "@solidjs/router";
import { api } from "../lib/api-client";
import { createMutation } from "../lib/mutation";
import { latestOf } from "../lib/resource";
import { useSession } from "../lib/session";
import { usePageTitle } from "../lib/page-title";
import { peopleApi, type CreateSlotsBody, type Slot } from "../lib/people-api";
import { formatDateTime } from "../lib/format";
import { AsyncView } from "../components/async-view";
import { EmptyState } from "../components/empty-state";
import { ErrorNotice, LiveStatus } from "../components/notice";
import { SlotForm } from "../components/people/slot-form";
import { SlotList } from "../components/people/slot-list";
import "../components/people/people.css";

export default function SlotsPage() {
  usePageTitle(() => "Interview slots");
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const canEdit = () => session.role() !== "viewer";
  const surveyFilter = createMemo(() => (new URLSearchParams(location.search).get("survey") ?? "").slice(0, 100));
  const setSurveyFilter = (id: string) => navigate(`${location.pathname}${id ? `?survey=${encodeURIComponent(id)}` : ""}`, { scroll: false });

  const [surveys] = createResource(() => session.workspaceId(), async () => (await api.surveys.list()).surveys);
  const titles = createMemo(() => new Map((latestOf(surveys) ?? []).map((s) => [s.id, s.title])));
  const [slots, { refetch, mutate }] = createResource(
    () => ({ workspace: session.workspaceId(), survey: surveyFilter() }),
    (k) => peopleApi.slots(k.survey),
  );
  const [announcement, setAnnouncement] = createSignal("");
  const creating = createMutation(peopleApi.createSlots);
  const deleting = createMutation(peopleApi.deleteSlot);
  const [deletingId, setDeletingId] = createSignal<string>();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function create(body: CreateSlotsBody) {
    const result = await creating.run(body);
    if (!result.ok) return;
    const { slots: made, skipped } = result.value;
    const forWhom = body.surveyId ? ` for “${titles().get(body.surveyId) ?? "the survey"}”` : " for any survey";
    setAnnouncement(
      `Created ${made.length === 1 ? "1 slot" : `${made.length} slots`}${forWhom}${skipped > 0 ? `; ${skipped} skipped (in the past or already offered)` : ""}.`,
    );
    void refetch();
  }

  async function remove(slot: Slot) {
    setDeletingId(slot.id);
    const result = await deleting.run(slot.id);
    setDeletingId(undefined);
    if (!result.ok) return;
    const current = latestOf(slots);
    if (current) mutate({ slots: current.slots.filter((s) => s.id !== slot.id) });
    setAnnouncement(`Deleted the slot on ${formatDateTime(slot.startsAt, slot.timeZone)}.`);
  }

  return (
    <>
      <header class="page-header">
        <h1>Interview slots</h1>
      </header>
      <LiveStatus>{announcement()}</LiveStatus>
      <Show when={canEdit()}>
        <section class="section stack" aria-labelledby="new-slots-title">
          <h2 id="new-slots-title">Offer times</h2>
          <SlotForm
            defaultTimeZone={timeZone}
            surveys={latestOf(surveys) ?? []}
            defaultSurveyId={surveyFilter()}
            pending={creating.pending()}
            error={creating.error()}
            onCreate={(b) => void create(b)}
          />
        </section>
      </Show>
      <section class="section stack" aria-labelledby="slots-title">
        <div class="page-header">
          <h2 id="slots-title">Slots</h2>
          <div class="field">
            <label for="slots-show">Show</label>
            <select id="slots-show" value={surveyFilter()} onChange={(e) => setSurveyFilter(e.currentTarget.value)}>
              <option value="">All slots</option>
              <For each={latestOf(surveys) ?? []}>
                {(s) => (
                  <option value={s.id} selected={s.id === surveyFilter()}>
                    Bookable for “{s.title}”
                  </option>
                )}
              </For>
            </select>
          </div>
        </div>
        <Show when={deleting.error()}>
          <ErrorNotice title="Could not delete the slot" error={deleting.error()} />
        </Show>
        <AsyncView resource={slots} loadingLabel="Loading slots…" onRetry={refetch}>
          {(loaded) => (
            <Show when={loaded().slots.length > 0} fallback={<EmptyState title="No slots yet">Offer some times so invited people can book.</EmptyState>}>
              <SlotList
                slots={loaded().slots}
                surveyTitle={(id) => titles().get(id)}
                canEdit={canEdit()}
                deletingId={deletingId()}
                onDelete={(s) => void remove(s)}
              />
            </Show>
          )}
        </AsyncView>
      </section>
    </>
  );
}
