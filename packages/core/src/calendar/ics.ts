/**
 * A small RFC 5545 writer for interview invitations: one VEVENT in a VCALENDAR with
 * METHOD:REQUEST (new or moved: same UID, higher SEQUENCE) or METHOD:CANCEL. Times are
 * written in UTC, so no VTIMEZONE is needed. Text is escaped (§3.3.11) and every line is
 * folded at 75 octets (§3.1) without splitting a UTF-8 character.
 */

export type CalendarPerson = { email: string; name?: string | null };

export type CalendarEvent = {
  method: "REQUEST" | "CANCEL";
  /** Stable across updates of the same interview. */
  uid: string;
  /** 0 for the first invitation; higher for each change. */
  sequence: number;
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  organizer: CalendarPerson;
  attendee: CalendarPerson;
};

const CRLF = "\r\n";

/** UTC date-time form. Example: `icsDateTime(new Date("2026-12-01T09:30:00Z")) === "20261201T093000Z"`. */
export function icsDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** TEXT value escaping (§3.3.11): backslash, semicolon, comma and line breaks. Example: `escapeIcsText("Room 4, floor 2")` → `Room 4\\, floor 2`. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

/** A parameter value (e.g. CN): quoted when it holds : ; or , — DQUOTE and control characters cannot appear at all. */
function paramValue(value: string): string {
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, "");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds one content line into CRLF-joined lines of at most 75 octets each (continuations start with a space). */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    if (octets + size > 75) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

function person(prop: "ORGANIZER" | "ATTENDEE", p: CalendarPerson, extra: string[] = []): string {
  const params = [...(p.name ? [`CN=${paramValue(p.name)}`] : []), ...extra];
  const email = p.email.replace(/[\s"<>]/g, "");
  return `${prop}${params.map((x) => `;${x}`).join("")}:mailto:${email}`;
}

/**
 * The .ics text of one interview. Example:
 * `buildIcs({ method: "REQUEST", uid: "inv-1@sieve", sequence: 0, stamp, start, end, summary: "Interview", organizer, attendee })`.
 */
export function buildIcs(event: CalendarEvent): string {
  const cancel = event.method === "CANCEL";
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Sieve//Interviews//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${event.method}`,
    "BEGIN:VEVENT",
    `UID:${event.uid.replace(/[\r\n]/g, "")}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${icsDateTime(event.stamp)}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(event.end)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeIcsText(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeIcsText(event.location)}`] : []),
    ...(event.url ? [`URL:${event.url.replace(/[\s"<>]/g, "")}`] : []),
    person("ORGANIZER", event.organizer),
    person("ATTENDEE", event.attendee, ["ROLE=REQ-PARTICIPANT", `PARTSTAT=${cancel ? "DECLINED" : "NEEDS-ACTION"}`, "RSVP=FALSE"]),
    `STATUS:${cancel ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
