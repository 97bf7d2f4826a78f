import { For, Show } from "solid-js";
import type { Slot } from "../../lib/people-api";
import { formatDateTime } from "../../lib/format";

/** Slots with the survey they are for and who booked them; free ones can be withdrawn. */
export function SlotList(props: {
  slots: readonly Slot[];
  /** A survey's title by id (a slot for a survey no longer listed reads "Another survey"). */
  surveyTitle: (id: string) => string | undefined;
  canEdit: boolean;
  deletingId: string | undefined;
  onDelete: (slot: Slot) => void;
}) {
  return (
    <div class="table-scroll">
      <table class="table">
        <caption class="visually-hidden">Interview slots</caption>
        <thead>
          <tr>
            <th scope="col">Starts</th>
            <th scope="col">Ends</th>
            <th scope="col">Time zone</th>
            <th scope="col">For</th>
            <th scope="col">Where</th>
            <th scope="col">State</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.slots}>
            {(slot) => (
              <tr>
                <td>{formatDateTime(slot.startsAt, slot.timeZone)}</td>
                <td>{formatDateTime(slot.endsAt, slot.timeZone)}</td>
                <td>{slot.timeZone}</td>
                <td>
                  <Show when={slot.surveyId} fallback={<span class="muted">Any survey</span>}>
                    {(id) => props.surveyTitle(id()) ?? "Another survey"}
                  </Show>
                </td>
                <td>
                  {slot.location || ""}
                  <Show when={slot.meetingUrl}>
                    {(url) => <span class="mono small"> {url()}</span>}
                  </Show>
                </td>
                <td>
                  <Show when={slot.booking} fallback={<span class="chip chip-qualify">Free</span>}>
                    {(booking) => (
                      <span>
                        <span class="chip chip-strong">Booked</span>{" "}
                        <span class="mono small">{booking().respondent.email ?? booking().respondent.name ?? "respondent"}</span>
                      </span>
                    )}
                  </Show>
                </td>
                <td>
                  <Show when={props.canEdit && !slot.booking}>
                    <button
                      type="button"
                      class="button button-small button-danger-quiet"
                      disabled={props.deletingId === slot.id}
                      aria-label={`Delete the slot on ${formatDateTime(slot.startsAt, slot.timeZone)}`}
                      onClick={() => props.onDelete(slot)}
                    >
                      Delete
                    </button>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
