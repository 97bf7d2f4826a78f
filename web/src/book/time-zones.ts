// Showing slots in the respondent's own time zone (detected, changeable), with Intl only.
export function detectedTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

export function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return all.includes(current) ? all : [current, ...all];
}

/** "Tuesday, 25 November" in the zone. */
export function dayLabel(iso: string, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: "long", day: "numeric", month: "long" }).format(new Date(iso));
}

/** The calendar day in the zone, for grouping: "2026-11-25". */
export function dayKey(iso: string, zone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
}

/** "14:30" (or "2:30 PM", by locale) in the zone. */
export function timeLabel(iso: string, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}

/** Group slots by day in the zone, in time order. */
export function groupByDay<T extends { startsAt: string }>(slots: T[], zone: string): { key: string; label: string; slots: T[] }[] {
  const groups = new Map<string, { key: string; label: string; slots: T[] }>();
  for (const slot of [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const key = dayKey(slot.startsAt, zone);
    const group = groups.get(key) ?? { key, label: dayLabel(slot.startsAt, zone), slots: [] };
    group.slots.push(slot);
    groups.set(key, group);
  }
  return [...groups.values()];
}
