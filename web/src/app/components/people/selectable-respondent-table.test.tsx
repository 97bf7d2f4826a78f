import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@solidjs/testing-library";
import type { SurveyRespondent, WorkspaceRespondent } from "../../lib/people-api";
import { RespondentTable } from "./respondent-table";
import { WorkspaceRespondentTable } from "./workspace-respondent-table";

const surveyRespondent = (o: Partial<SurveyRespondent>): SurveyRespondent => ({
  id: "r1",
  email: "ada@example.com",
  name: "Ada",
  unsubscribed: false,
  erased: false,
  flagged: false,
  responseId: "resp1",
  outcome: "qualified",
  flags: [],
  segments: [],
  channel: null,
  completedAt: null,
  pipelineStatus: "not_invited",
  invitationId: null,
  ...o,
});

const workspaceRespondent = (o: Partial<WorkspaceRespondent>): WorkspaceRespondent => ({
  id: "r1",
  email: "ada@example.com",
  name: "Ada",
  createdAt: "2026-01-01T00:00:00Z",
  unsubscribed: false,
  erased: false,
  flagged: false,
  channels: [],
  studies: [],
  ...o,
});

describe("respondent tables", () => {
  it("tick one row, or the whole page from the header", () => {
    const onToggle = vi.fn();
    const onToggleAll = vi.fn();
    const rows = [surveyRespondent({ id: "a", email: "ada@example.com" }), surveyRespondent({ id: "b", email: null })];
    render(() => <RespondentTable respondents={rows} isSelected={(id) => id === "a"} onToggle={onToggle} onToggleAll={onToggleAll} />);
    const pageBox = screen.getByRole("checkbox", { name: "Select all respondents on this page" }) as HTMLInputElement;
    expect(pageBox.checked).toBe(false);
    expect((screen.getByRole("checkbox", { name: "Select ada@example.com" }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole("checkbox", { name: "Select respondent without email" }));
    expect(onToggle).toHaveBeenCalledWith(rows[1], true);
    fireEvent.click(pageBox);
    expect(onToggleAll).toHaveBeenCalledWith(true);
  });

  it("the header box is ticked when every row on the page is", () => {
    const rows = [workspaceRespondent({ id: "a" }), workspaceRespondent({ id: "b", email: "bob@example.com" })];
    render(() => <WorkspaceRespondentTable respondents={rows} isSelected={() => true} onToggle={() => {}} onToggleAll={() => {}} />);
    expect((screen.getByRole("checkbox", { name: "Select all respondents on this page" }) as HTMLInputElement).checked).toBe(true);
  });

  it("each names its own columns after the checkbox", () => {
    const { unmount } = render(() => <RespondentTable respondents={[]} isSelected={() => false} onToggle={() => {}} onToggleAll={() => {}} />);
    expect(screen.getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["", "Email", "Outcome", "Flags", "Segments", "Channel", "Interview"]);
    unmount();
    render(() => <WorkspaceRespondentTable respondents={[]} isSelected={() => false} onToggle={() => {}} onToggleAll={() => {}} />);
    expect(screen.getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["", "Email", "Studies", "Channels", "Flags"]);
  });

  it("the workspace list marks erased people; both mark the unsubscribed", () => {
    const { unmount } = render(() => (
      <RespondentTable respondents={[surveyRespondent({ unsubscribed: true, erased: true })]} isSelected={() => false} onToggle={() => {}} onToggleAll={() => {}} />
    ));
    expect(screen.getByText("Unsubscribed")).toBeTruthy();
    expect(screen.queryByText("Erased")).toBeNull();
    unmount();
    render(() => (
      <WorkspaceRespondentTable
        respondents={[workspaceRespondent({ unsubscribed: true, erased: true })]}
        isSelected={() => false}
        onToggle={() => {}}
        onToggleAll={() => {}}
      />
    ));
    expect(screen.getByText("Unsubscribed")).toBeTruthy();
    expect(screen.getByText("Erased")).toBeTruthy();
  });
});
