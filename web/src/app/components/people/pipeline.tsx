import { For, Show, createSignal, createUniqueId } from "solid-js";
import { INTERVIEW_STATUSES, canResearcherMove } from "@sieve/core";
import type { Invitation, InvitationPatch, InterviewStatus } from "../../lib/people-api";
import { formatDateTime } from "../../lib/format";
import { pipelineLabels } from "./status-labels";

export interface PipelineGroup {
  status: InterviewStatus;
  invitations: Invitation[];
}

/** Invitations in pipeline order (invited → booked → completed | no_show | declined | cancelled), empty groups kept. */
export function groupByStatus(invitations: readonly Invitation[]): PipelineGroup[] {
  return INTERVIEW_STATUSES.map((status) => ({ status, invitations: invitations.filter((i) => i.status === status) }));
}

const moveLabels: Record<InterviewStatus, string> = {
  invited: "Invite again",
  booked: "Mark booked",
  completed: "Mark completed",
  no_show: "Mark no-show",
  declined: "Mark declined",
  cancelled: "Cancel interview",
};

/** The interview pipeline of one survey, grouped by status, with outcome, notes and incentive actions. */
export function Pipeline(props: {
  invitations: readonly Invitation[];
  canEdit: boolean;
  busyId: string | undefined;
  onPatch: (id: string, patch: InvitationPatch) => void;
}) {
  const groups = () => groupByStatus(props.invitations);
  return (
    <div class="pipeline">
      <For each={groups()}>
        {(group) => (
          <section class="pipeline-group" aria-labelledby={`pipeline-${group.status}`}>
            <h3 id={`pipeline-${group.status}`}>
              {pipelineLabels[group.status]} <span class="chip">{group.invitations.length}</span>
            </h3>
            <Show when={group.invitations.length > 0} fallback={<p class="muted small">None.</p>}>
              <ul class="pipeline-list">
                <For each={group.invitations}>
                  {(invitation) => (
                    <li>
                      <PipelineCard
                        invitation={invitation}
                        canEdit={props.canEdit}
                        busy={props.busyId === invitation.id}
                        onPatch={(patch) => props.onPatch(invitation.id, patch)}
                      />
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        )}
      </For>
    </div>
  );
}

function PipelineCard(props: {
  invitation: Invitation;
  canEdit: boolean;
  busy: boolean;
  onPatch: (patch: InvitationPatch) => void;
}) {
  const id = createUniqueId();
  const [notes, setNotes] = createSignal(props.invitation.notes);
  const [amount, setAmount] = createSignal(props.invitation.incentive ? String(props.invitation.incentive.amount) : "");
  const [currency, setCurrency] = createSignal(props.invitation.incentive?.currency ?? "USD");
  const who = () => props.invitation.respondent.email ?? props.invitation.respondent.name ?? "Erased respondent";
  const moves = () => INTERVIEW_STATUSES.filter((to) => to !== "booked" && canResearcherMove(props.invitation.status, to));

  function saveIncentive() {
    const text = amount().trim();
    if (text === "") {
      props.onPatch({ incentive: null });
      return;
    }
    const value = Number(text);
    if (!Number.isFinite(value)) return;
    props.onPatch({ incentive: { amount: value, currency: currency().trim().toUpperCase() } });
  }

  return (
    <article class="card pipeline-card" aria-label={who()}>
      <p>
        <strong class="mono">{who()}</strong>
        <Show when={props.invitation.respondent.name && props.invitation.respondent.email}>
          <span class="muted"> · {props.invitation.respondent.name}</span>
        </Show>
      </p>
      <Show when={props.invitation.slot}>
        {(slot) => (
          <p class="small">
            {formatDateTime(slot().startsAt, slot().timeZone)} <span class="muted">({slot().timeZone})</span>
            <Show when={slot().location}>
              <span class="muted"> · {slot().location}</span>
            </Show>
          </p>
        )}
      </Show>
      <Show when={props.canEdit && moves().length > 0}>
        <div class="row-actions" role="group" aria-label={`Outcome for ${who()}`}>
          <For each={moves()}>
            {(to) => (
              <button
                type="button"
                class={to === "cancelled" ? "button button-small button-danger-quiet" : "button button-small"}
                disabled={props.busy}
                onClick={() => props.onPatch({ status: to })}
              >
                {moveLabels[to]}
              </button>
            )}
          </For>
        </div>
      </Show>
      <details>
        <summary>Notes and incentive</summary>
        <form
          class="stack"
          onSubmit={(event) => {
            event.preventDefault();
            props.onPatch({ notes: notes() });
          }}
        >
          <div class="field">
            <label for={`${id}-notes`}>Notes</label>
            <textarea
              id={`${id}-notes`}
              rows={3}
              value={notes()}
              readOnly={!props.canEdit}
              onInput={(e) => setNotes(e.currentTarget.value)}
            />
          </div>
          <Show when={props.canEdit}>
            <button type="submit" class="button button-small" disabled={props.busy}>
              Save notes
            </button>
          </Show>
        </form>
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            saveIncentive();
          }}
        >
          <fieldset class="people-options">
            <legend>Incentive</legend>
            <div class="inline-field">
              <label for={`${id}-amount`}>Amount</label>
              <input
                id={`${id}-amount`}
                inputMode="decimal"
                size={8}
                value={amount()}
                readOnly={!props.canEdit}
                onInput={(e) => setAmount(e.currentTarget.value)}
              />
            </div>
            <div class="inline-field">
              <label for={`${id}-currency`}>Currency</label>
              <input
                id={`${id}-currency`}
                size={4}
                maxLength={3}
                pattern="[A-Za-z]{3}"
                value={currency()}
                readOnly={!props.canEdit}
                onInput={(e) => setCurrency(e.currentTarget.value)}
              />
            </div>
            <Show when={props.canEdit}>
              <button type="submit" class="button button-small" disabled={props.busy}>
                Save incentive
              </button>
            </Show>
            <label class="people-check">
              <input
                type="checkbox"
                checked={props.invitation.incentive?.paidAt != null}
                disabled={!props.canEdit || props.busy || !props.invitation.incentive}
                onChange={(e) => props.onPatch({ incentivePaid: e.currentTarget.checked })}
              />
              Paid
            </label>
          </fieldset>
        </form>
      </details>
    </article>
  );
}
