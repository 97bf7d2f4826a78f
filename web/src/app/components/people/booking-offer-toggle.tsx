import { Show } from "solid-js";
import type { BookingOffer } from "../../lib/people-api";
import { FormError } from "../notice";

/** The survey's "offer booking on the qualified end screen" switch, with what it means right now. */
export function BookingOfferToggle(props: {
  offer: BookingOffer | undefined;
  canEdit: boolean;
  pending: boolean;
  error: unknown;
  slotsHref: string;
  onChange: (enabled: boolean) => void;
}) {
  return (
    <div class="booking-offer card">
      <label class="people-check">
        <input
          type="checkbox"
          checked={props.offer?.enabled ?? false}
          disabled={!props.canEdit || props.pending || !props.offer}
          aria-describedby="booking-offer-hint"
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        Offer interview times on the qualified end screen
      </label>
      <p id="booking-offer-hint" class="hint">
        Qualified respondents who leave an email get a “Pick an interview time” link as soon as they finish (and by email 30 minutes
        later if they have not booked). They appear in the pipeline below as invited.
        <Show when={props.offer?.enabled && props.offer.researcher}>{(r) => <> Booking notices go to {r().name || "you"}.</>}</Show>
      </p>
      <Show when={props.offer}>
        {(offer) => (
          <Show
            when={offer().freeSlots > 0}
            fallback={
              <p class="muted small">
                No free interview times for this survey yet, so nothing is offered. <a href={props.slotsHref}>Offer some times</a>.
              </p>
            }
          >
            <p class="muted small">
              {offer().freeSlots === 1 ? "1 free time" : `${offer().freeSlots} free times`} can be booked now. <a href={props.slotsHref}>Manage slots</a>.
            </p>
          </Show>
        )}
      </Show>
      <FormError error={props.error} />
    </div>
  );
}
