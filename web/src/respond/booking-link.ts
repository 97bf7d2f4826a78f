// Booking right from the qualified end screen: asks the server whether this response may
// book an interview now (POST /api/public/responses/:id/booking-link). Never throws: any
// failure simply means no offer — the end screen is complete without it.

/** The booking page for this respondent, or null when nothing is offered. */
export async function fetchBookingLink(responseId: string): Promise<string | null> {
  try {
    const res = await fetch(`/api/public/responses/${encodeURIComponent(responseId)}/booking-link`, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      signal: AbortSignal.timeout?.(10_000),
    });
    if (!res.ok) return null;
    const url = ((await res.json()) as { offer?: { url?: unknown } | null }).offer?.url;
    // Only our own booking pages: the link is followed, so nothing else may slip in.
    return typeof url === "string" && /^\/b\/[\w-]+$/.test(url) ? url : null;
  } catch {
    return null;
  }
}
