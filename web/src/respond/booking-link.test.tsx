import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@solidjs/testing-library";
import { fetchBookingLink } from "./booking-link";
import { BookingOffer, EndScreen } from "./components/end-screen";
import en from "./strings/en";

const reply = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));

describe("fetchBookingLink", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("asks for this response's link and returns the booking page", async () => {
    const fetch = reply(200, { offer: { url: "/b/abc_DEF-123" } });
    vi.stubGlobal("fetch", fetch);
    expect(await fetchBookingLink("0b5e2c1a-0000-4000-8000-000000000001")).toBe("/b/abc_DEF-123");
    expect(fetch).toHaveBeenCalledWith("/api/public/responses/0b5e2c1a-0000-4000-8000-000000000001/booking-link", expect.objectContaining({ method: "POST" }));
  });

  it("treats no offer, errors, odd links and a dead network alike: no offer", async () => {
    vi.stubGlobal("fetch", reply(200, { offer: null }));
    expect(await fetchBookingLink("r")).toBeNull();
    vi.stubGlobal("fetch", reply(429, { error: { code: "too_many_requests" } }));
    expect(await fetchBookingLink("r")).toBeNull();
    vi.stubGlobal("fetch", reply(200, { offer: { url: "https://evil.example/b/x" } }));
    expect(await fetchBookingLink("r")).toBeNull();
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("offline"))));
    expect(await fetchBookingLink("r")).toBeNull();
  });
});

describe("the qualified end screen's booking offer", () => {
  it("shows a link to pick an interview time below the end screen's message", () => {
    render(() => (
      <EndScreen screen={{ title: "Thank you!", body: "We may be in touch." }}>
        <BookingOffer href="/b/abc" text={en.booking} />
      </EndScreen>
    ));
    expect(screen.getByRole("heading", { level: 1, name: "Thank you!" })).toBeTruthy();
    expect(screen.getByRole("region", { name: en.booking.title })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Pick an interview time" }).getAttribute("href")).toBe("/b/abc");
  });
});
