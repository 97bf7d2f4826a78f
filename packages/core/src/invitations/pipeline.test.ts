import { describe, expect, it } from "vitest";
import { canResearcherMove, holdsSlot, isBookable } from "./pipeline";

describe("interview pipeline", () => {
  it("lets researchers record outcomes of booked interviews", () => {
    expect(canResearcherMove("booked", "completed")).toBe(true);
    expect(canResearcherMove("booked", "no_show")).toBe(true);
    expect(canResearcherMove("no_show", "completed")).toBe(true);
  });

  it("keeps booking the respondent's move", () => {
    expect(canResearcherMove("invited", "booked")).toBe(false);
    expect(canResearcherMove("cancelled", "booked")).toBe(false);
  });

  it("does not record an outcome for an interview that was never booked", () => {
    expect(canResearcherMove("invited", "completed")).toBe(false);
    expect(canResearcherMove("declined", "no_show")).toBe(false);
  });

  it("lets respondents book again after cancelling or declining, not after the interview", () => {
    expect(isBookable("invited")).toBe(true);
    expect(isBookable("cancelled")).toBe(true);
    expect(isBookable("booked")).toBe(false);
    expect(isBookable("completed")).toBe(false);
    expect(holdsSlot("booked")).toBe(true);
  });
});
