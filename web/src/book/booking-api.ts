// The booking page's calls to /api/public/bookings/:token. Every way a call can end is a value.
export type PublicSlot = {
  id: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  local: { date: string; time: string };
  location: string;
};

export type BookingView = {
  booking: {
    status: "invited" | "booked" | "completed" | "no_show" | "declined" | "cancelled";
    surveyTitle: string;
    researcherName: string;
    workspaceName: string;
    firstName: string | null;
    slot: (PublicSlot & { meetingUrl: string | null }) | null;
    canBook: boolean;
    canChange: boolean;
  };
  slots: PublicSlot[];
};

export type Outcome = { ok: true; view: BookingView } | { ok: false; status: number; code: string; message: string };

export function tokenFromPath(pathname: string): string {
  return decodeURIComponent(pathname.split("/")[2] ?? "");
}

export async function call(token: string, action: "" | "reschedule" | "cancel" | "decline", body?: { slotId: string }): Promise<Outcome> {
  const path = `/api/public/bookings/${encodeURIComponent(token)}${action ? `/${action}` : ""}`;
  try {
    const res = await fetch(path, {
      method: action === "" && !body ? "GET" : "POST",
      credentials: "same-origin",
      headers: body ? { "Content-Type": "application/json", Accept: "application/json" } : { Accept: "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | BookingView | null;
    if (res.ok && json && "booking" in json) return { ok: true, view: json };
    const error = json && "error" in json ? json.error : undefined;
    return { ok: false, status: res.status, code: error?.code ?? "error", message: error?.message ?? "Something went wrong" };
  } catch {
    return { ok: false, status: 0, code: "network", message: "You seem to be offline. Check your connection and try again." };
  }
}
