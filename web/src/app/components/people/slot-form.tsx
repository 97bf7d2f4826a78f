import { For, Show, createSignal } from "solid-js";
import type { CreateSlotsBody } from "../../lib/people-api";
import { FormError } from "../notice";

const weekdays: readonly { value: number; label: string }[] = [
  { value: 1, label: "Mon" },
  { value: 2, label: "Tue" },
  { value: 3, label: "Wed" },
  { value: 4, label: "Thu" },
  { value: 5, label: "Fri" },
  { value: 6, label: "Sat" },
  { value: 7, label: "Sun" },
];

export interface SurveyChoice {
  id: string;
  title: string;
}

/**
 * Offers one slot or a weekly pattern, for one survey's interviews or for any survey in the
 * workspace (only that survey's invitees can book the former). Local form state only; the
 * route sends the body.
 */
export function SlotForm(props: {
  defaultTimeZone: string;
  surveys: readonly SurveyChoice[];
  /** The survey preselected (the page's filter); "" for every survey. */
  defaultSurveyId: string;
  pending: boolean;
  error: unknown;
  onCreate: (body: CreateSlotsBody) => void;
}) {
  const [kind, setKind] = createSignal<"single" | "weekly">("weekly");
  // Follows the page's filter until the researcher picks one here.
  const [picked, setPicked] = createSignal<string>();
  const surveyId = () => picked() ?? props.defaultSurveyId;
  const [date, setDate] = createSignal("");
  const [time, setTime] = createSignal("10:00");
  const [from, setFrom] = createSignal("");
  const [to, setTo] = createSignal("");
  const [days, setDays] = createSignal<ReadonlySet<number>>(new Set([1, 2, 3, 4, 5]));
  const [startTime, setStartTime] = createSignal("09:00");
  const [endTime, setEndTime] = createSignal("12:00");
  const [duration, setDuration] = createSignal(30);
  const [buffer, setBuffer] = createSignal(15);
  // The preselected zone is only an initial value.
  const [timeZone, setTimeZone] = createSignal(props.defaultTimeZone);
  const [location, setLocation] = createSignal("");
  const [meetingUrl, setMeetingUrl] = createSignal("");

  function submit() {
    const common = {
      surveyId: surveyId() || null,
      timeZone: timeZone().trim(),
      durationMinutes: duration(),
      location: location().trim(),
      meetingUrl: meetingUrl().trim() || null,
    };
    if (kind() === "single") props.onCreate({ kind: "single", date: date(), time: time(), ...common });
    else
      props.onCreate({
        kind: "weekly",
        from: from(),
        to: to(),
        weekdays: [...days()].sort(),
        startTime: startTime(),
        endTime: endTime(),
        bufferMinutes: buffer(),
        ...common,
      });
  }

  const num = (value: string) => (Number.isFinite(Number(value)) ? Math.round(Number(value)) : 0);

  return (
    <form
      class="stack card"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div class="field">
        <label for="slot-survey">For</label>
        <select id="slot-survey" aria-describedby="slot-survey-hint" value={surveyId()} onChange={(e) => setPicked(e.currentTarget.value)}>
          <option value="">Any survey in this workspace</option>
          {/* `selected` per option: the surveys may arrive after the value is set. */}
          <For each={props.surveys}>
            {(s) => (
              <option value={s.id} selected={s.id === surveyId()}>
                {s.title}
              </option>
            )}
          </For>
        </select>
        <p id="slot-survey-hint" class="hint">
          {surveyId() ? "Only people invited to this survey’s interviews can book these times." : "Anyone invited to any survey’s interviews can book these times."}
        </p>
      </div>
      <fieldset class="people-options">
        <legend>What to offer</legend>
        <label class="people-check">
          <input type="radio" name="slot-kind" checked={kind() === "single"} onChange={() => setKind("single")} />
          One slot
        </label>
        <label class="people-check">
          <input type="radio" name="slot-kind" checked={kind() === "weekly"} onChange={() => setKind("weekly")} />
          A weekly pattern
        </label>
      </fieldset>
      <Show
        when={kind() === "weekly"}
        fallback={
          <div class="grid-2">
            <div class="field">
              <label for="slot-date">Date</label>
              <input id="slot-date" type="date" required value={date()} onInput={(e) => setDate(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="slot-time">Start time</label>
              <input id="slot-time" type="time" required value={time()} onInput={(e) => setTime(e.currentTarget.value)} />
            </div>
          </div>
        }
      >
        <div class="grid-2">
          <div class="field">
            <label for="slot-from">From</label>
            <input id="slot-from" type="date" required value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="slot-to">To</label>
            <input id="slot-to" type="date" required value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
          </div>
        </div>
        <fieldset class="people-options">
          <legend>Weekdays</legend>
          <div class="weekday-list">
            <For each={weekdays}>
              {(day) => (
                <label class="people-check">
                  <input
                    type="checkbox"
                    checked={days().has(day.value)}
                    onChange={(e) => {
                      const next = new Set(days());
                      if (e.currentTarget.checked) next.add(day.value);
                      else next.delete(day.value);
                      setDays(next);
                    }}
                  />
                  {day.label}
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <div class="grid-2">
          <div class="field">
            <label for="slot-start">Daily from</label>
            <input id="slot-start" type="time" required value={startTime()} onInput={(e) => setStartTime(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="slot-end">Daily until</label>
            <input id="slot-end" type="time" required value={endTime()} onInput={(e) => setEndTime(e.currentTarget.value)} />
          </div>
        </div>
      </Show>
      <div class="grid-2">
        <div class="field">
          <label for="slot-duration">Duration (minutes)</label>
          <input
            id="slot-duration"
            type="number"
            min="5"
            max="480"
            required
            value={duration()}
            onInput={(e) => setDuration(num(e.currentTarget.value))}
          />
        </div>
        <Show when={kind() === "weekly"}>
          <div class="field">
            <label for="slot-buffer">Buffer between slots (minutes)</label>
            <input
              id="slot-buffer"
              type="number"
              min="0"
              max="240"
              value={buffer()}
              onInput={(e) => setBuffer(num(e.currentTarget.value))}
            />
          </div>
        </Show>
      </div>
      <div class="field">
        <label for="slot-zone">Time zone</label>
        <input
          id="slot-zone"
          required
          aria-describedby="slot-zone-hint"
          value={timeZone()}
          onInput={(e) => setTimeZone(e.currentTarget.value)}
        />
        <p id="slot-zone-hint" class="hint">
          An IANA name such as Europe/Berlin. Times above are wall-clock times in this zone.
        </p>
      </div>
      <div class="grid-2">
        <div class="field">
          <label for="slot-location">Location</label>
          <input id="slot-location" maxLength={300} value={location()} onInput={(e) => setLocation(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="slot-url">Meeting link</label>
          <input
            id="slot-url"
            type="url"
            placeholder="https://"
            value={meetingUrl()}
            onInput={(e) => setMeetingUrl(e.currentTarget.value)}
          />
        </div>
      </div>
      <FormError error={props.error} />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={props.pending}>
          {props.pending ? "Creating…" : kind() === "single" ? "Create slot" : "Create slots"}
        </button>
      </div>
    </form>
  );
}
