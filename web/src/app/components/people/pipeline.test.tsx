import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import type { Invitation, InterviewStatus } from "../../lib/people-api";
import { Pipeline, groupByStatus } from "./pipeline";

const invitation = (id: string, status: InterviewStatus, email: string): Invitation => ({
  id,
  surveyId: "s1",
  surveyTitle: "Notes",
  respondent: { id: `r-${id}`, email, name: null },
  status,
  notes: "",
  incentive: null,
  slot: status === "booked" ? { id: "slot", startsAt: "2030-01-02T10:00:00Z", endsAt: "2030-01-02T10:30:00Z", timeZone: "UTC", location: "", meetingUrl: null } : null,
  createdAt: "2030-01-01T00:00:00Z",
  updatedAt: "2030-01-01T00:00:00Z",
  bookedAt: null,
});

const list = [
  invitation("a", "completed", "a@example.test"),
  invitation("b", "invited", "b@example.test"),
  invitation("c", "booked", "c@example.test"),
  invitation("d", "invited", "d@example.test"),
];

describe("groupByStatus", () => {
  it("orders groups invited → booked → completed | no_show | declined | cancelled, keeping empty ones", () => {
    const groups = groupByStatus(list);
    expect(groups.map((g) => g.status)).toEqual(["invited", "booked", "completed", "no_show", "declined", "cancelled"]);
    expect(groups.map((g) => g.invitations.map((i) => i.id))).toEqual([["b", "d"], ["c"], ["a"], [], [], []]);
  });
});

describe("Pipeline", () => {
  it("shows each invitation under its status heading", () => {
    render(() => <Pipeline invitations={list} canEdit busyId={undefined} onPatch={() => {}} />);
    const invited = screen.getByRole("region", { name: /Invited/ });
    expect(within(invited).getByText("b@example.test")).toBeTruthy();
    expect(within(invited).getByText("d@example.test")).toBeTruthy();
    const booked = screen.getByRole("region", { name: /Booked/ });
    expect(within(booked).getByText("c@example.test")).toBeTruthy();
  });

  it("offers completed and no-show for a booked interview and hands the change up", () => {
    const onPatch = vi.fn();
    render(() => <Pipeline invitations={list} canEdit busyId={undefined} onPatch={onPatch} />);
    const card = screen.getByRole("article", { name: "c@example.test" });
    fireEvent.click(within(card).getByRole("button", { name: "Mark no-show" }));
    fireEvent.click(within(card).getByRole("button", { name: "Mark completed" }));
    expect(onPatch.mock.calls).toEqual([
      ["c", { status: "no_show" }],
      ["c", { status: "completed" }],
    ]);
  });

  it("shows no outcome buttons to viewers", () => {
    render(() => <Pipeline invitations={list} canEdit={false} busyId={undefined} onPatch={() => {}} />);
    expect(screen.queryByRole("button", { name: "Mark completed" })).toBeNull();
  });
});
