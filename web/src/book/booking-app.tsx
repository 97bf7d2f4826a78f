/**
 * The respondent's booking page (/b/:token): free interview times in their own time zone,
 * book, reschedule, cancel or decline. Tiny like the survey page: Solid only.
 */
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { call, tokenFromPath, type BookingView, type PublicSlot } from "./booking-api";
import { dayLabel, detectedTimeZone, groupByDay, timeLabel, timeZones } from "./time-zones";

export function BookingApp() {
  const token = tokenFromPath(location.pathname);
  const [zone, setZone] = createSignal(detectedTimeZone());
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [picking, setPicking] = createSignal(false);
  const [view, { mutate, refetch }] = createResource(async () => {
    const r = await call(token, "");
    if (!r.ok) throw new Error(r.status === 404 ? "This booking link is not valid. Ask the researcher for a new one." : r.message);
    return r.view;
  });

  const act = async (action: "" | "reschedule" | "cancel" | "decline", slot?: PublicSlot) => {
    setBusy(true);
    setMessage("");
    const r = await call(token, action, slot ? { slotId: slot.id } : undefined);
    setBusy(false);
    if (r.ok) {
      mutate(r.view);
      setPicking(false);
      setMessage(
        action === "cancel"
          ? "Your interview is cancelled. You can pick another time below."
          : action === "decline"
            ? "Thanks for letting us know. You won't hear from us about this study again."
            : "You're booked. A calendar invitation is on its way to your inbox.",
      );
      return;
    }
    if (r.code === "slot_taken" || r.code === "slot_past") void refetch();
    setMessage(r.message);
  };

  const b = () => view()?.booking;
  const slotTime = (s: PublicSlot) => `${dayLabel(s.startsAt, zone())}, ${timeLabel(s.startsAt, zone())}–${timeLabel(s.endsAt, zone())}`;

  const SlotPicker = (props: { view: BookingView; action: "" | "reschedule" }) => (
    <section aria-labelledby="pick-heading">
      <h2 id="pick-heading">{props.action === "reschedule" ? "Pick a new time" : "Pick a time that suits you"}</h2>
      <label class="field">
        <span>Times are shown in</span>
        <select value={zone()} onChange={(e) => setZone(e.currentTarget.value)}>
          <For each={timeZones(zone())}>{(z) => <option value={z}>{z.replace(/_/g, " ")}</option>}</For>
        </select>
      </label>
      <Show when={props.view.slots.length > 0} fallback={<p class="muted">There are no free times right now. The researcher will offer more soon.</p>}>
        <For each={groupByDay(props.view.slots, zone())}>
          {(day) => (
            <fieldset class="day">
              <legend>{day.label}</legend>
              <div class="times">
                <For each={day.slots}>
                  {(slot) => (
                    <button type="button" class="time" disabled={busy()} onClick={() => void act(props.action, slot)}>
                      {timeLabel(slot.startsAt, zone())}
                      <span class="visually-hidden"> to {timeLabel(slot.endsAt, zone())}, {slot.location || "online"}</span>
                    </button>
                  )}
                </For>
              </div>
            </fieldset>
          )}
        </For>
      </Show>
    </section>
  );

  return (
    <div class="page">
      <p class="status" role="status" aria-live="polite">
        {message()}
      </p>
      <Switch>
        <Match when={view.error as Error | undefined}>{(error) => <h1>{error().message}</h1>}</Match>
        <Match when={view.loading && !view()}>
          <p class="muted">Loading…</p>
        </Match>
        <Match when={view()}>
          {(v) => (
            <>
              <h1>{b()?.firstName ? `Hi ${b()!.firstName}, let's find a time` : "Let's find a time to talk"}</h1>
              <p class="lead">
                {b()!.researcherName || b()!.workspaceName} would like to talk with you about <strong>{b()!.surveyTitle}</strong>.
              </p>
              <Switch>
                <Match when={b()!.status === "booked" && b()!.slot}>
                  {(slot) => (
                    <section class="card" aria-labelledby="booked-heading">
                      <h2 id="booked-heading">Your interview</h2>
                      <p class="when">{slotTime(slot())}</p>
                      <p class="muted">{zone().replace(/_/g, " ")}</p>
                      <Show when={slot().meetingUrl}>{(url) => <p><a href={url()} rel="noopener noreferrer">Join the call</a></p>}</Show>
                      <Show when={slot().location}><p>{slot().location}</p></Show>
                      <Show when={b()!.canChange}>
                        <div class="actions">
                          <button type="button" class="secondary" disabled={busy()} onClick={() => setPicking(!picking())}>
                            {picking() ? "Keep this time" : "Change the time"}
                          </button>
                          <button type="button" class="secondary" disabled={busy()} onClick={() => void act("cancel")}>
                            Cancel the interview
                          </button>
                        </div>
                      </Show>
                      <Show when={picking()}>
                        <SlotPicker view={v()} action="reschedule" />
                      </Show>
                    </section>
                  )}
                </Match>
                <Match when={b()!.canBook}>
                  <SlotPicker view={v()} action="" />
                  <p>
                    <button type="button" class="link" disabled={busy()} onClick={() => void act("decline")}>
                      None of these work, or I'd rather not take part
                    </button>
                  </p>
                </Match>
                <Match when={b()!.status === "declined"}>
                  <p>You declined this interview. Thanks for letting us know.</p>
                </Match>
                <Match when={true}>
                  <p>This interview has already taken place or was closed. Thank you!</p>
                </Match>
              </Switch>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
