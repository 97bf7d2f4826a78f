import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildIcs, escapeIcsText, foldIcsLine, icsDateTime, type CalendarEvent } from "./ics";

// UTF-8 length, independently of the code under test: each %XX of a URI encoding is one octet.
const octets = (s: string) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, "x").length;
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");

const event: CalendarEvent = {
  method: "REQUEST",
  uid: "inv-1@sieve",
  sequence: 0,
  stamp: new Date("2026-11-22T09:00:00Z"),
  start: new Date("2026-12-01T09:00:00Z"),
  end: new Date("2026-12-01T09:45:00Z"),
  summary: "Interview: Note-taking study",
  description: "Reschedule or cancel: https://sieve.example.org/b/abc",
  location: "Zoom, room 2; bring coffee",
  url: "https://zoom.example/j/1",
  organizer: { name: "Olivia Owner", email: "olivia@example.com" },
  attendee: { name: "Doe, Jane", email: "jane@example.com" },
};

describe("iCalendar writer", () => {
  it("writes UTC date-times", () => {
    expect(icsDateTime(new Date("2026-12-01T09:30:15.123Z"))).toBe("20261201T093015Z");
  });

  it("escapes backslashes, semicolons, commas and line breaks in text", () => {
    expect(escapeIcsText("a\\b; c, d\r\ne\nf")).toBe("a\\\\b\\; c\\, d\\ne\\nf");
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `DESCRIPTION:${"ü".repeat(100)}`;
    const folded = foldIcsLine(line);
    for (const part of folded.split("\r\n")) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(line);
  });

  it("folds any line so that every physical line fits and unfolding restores it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const line = `SUMMARY:${text.replace(/[\r\n]/g, "")}`;
        const folded = foldIcsLine(line);
        for (const part of folded.split("\r\n")) expect(octets(part)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line);
      }),
    );
  });

  it("writes a REQUEST with the fields calendars need, CRLF line ends", () => {
    const ics = buildIcs(event);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.split("\r\n").every((l) => !l.includes("\n"))).toBe(true);
    const lines = unfold(ics).split("\r\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        "METHOD:REQUEST",
        "UID:inv-1@sieve",
        "SEQUENCE:0",
        "DTSTAMP:20261122T090000Z",
        "DTSTART:20261201T090000Z",
        "DTEND:20261201T094500Z",
        "LOCATION:Zoom\\, room 2\\; bring coffee",
        "ORGANIZER;CN=Olivia Owner:mailto:olivia@example.com",
        'ATTENDEE;CN="Doe, Jane";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:jane@example.com',
        "STATUS:CONFIRMED",
      ]),
    );
  });

  it("writes a CANCEL with the same UID and a cancelled status", () => {
    const lines = unfold(buildIcs({ ...event, method: "CANCEL", sequence: 2 })).split("\r\n");
    expect(lines).toEqual(expect.arrayContaining(["METHOD:CANCEL", "UID:inv-1@sieve", "SEQUENCE:2", "STATUS:CANCELLED"]));
  });

  it("keeps line breaks out of property values and parameters", () => {
    const ics = buildIcs({ ...event, summary: "x\r\nATTENDEE:mailto:evil@example.com", attendee: { name: 'Eve"\r\nX', email: "eve@example.com" } });
    expect(unfold(ics).split("\r\n").filter((l) => l.startsWith("ATTENDEE"))).toHaveLength(1);
  });
});
